package dev.tlctl.cli;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.ApplyStep;
import dev.tlctl.reconcile.OtherWrite;
import dev.tlctl.reconcile.PlanResult;
import dev.tlctl.reconcile.RequestTally;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code apply --json}: JSON Lines on stdout, one event per line, each with {@code formatVersion}
 * and {@code event}: {@code plan} (the plan document), {@code step} ({@code status} started,
 * finished or failed), {@code wait}, {@code deployment} (with {@code --wait}: a followed
 * deployment's new status), and always a closing {@code result} (with {@code rollout}: how the wait
 * ended, {@code outputs}: the services' URLs per environment, and with status {@code conflict}
 * {@code conflicts}: the addresses read back that differ, and {@code others}: the patches someone
 * else committed around an unguarded write, by id, status, message and time). Human progress
 * still goes to stderr, and so do the spec's warnings as GitHub annotations when the style asks
 * for them.
 */
final class JsonApplyView implements ApplyView {
    private final Terminal terminal;
    private final PrintStream out;
    private final HumanApplyView human;
    private final boolean showValues;

    JsonApplyView(Terminal terminal, HumanApplyView human, boolean showValues) {
        this.terminal = terminal;
        this.out = terminal.out();
        this.human = human;
        this.showValues = showValues;
    }

    record PlanEvent(int formatVersion, String event, PlanDocument plan) {}

    record StepEvent(int formatVersion, String event, String status, int number, int of, String title,
            List<String> changes, Long durationMs, String error) {}

    /** The closing event; {@code requests} and {@code durationMs} are null when the run ended before counting. */
    record ResultEvent(int formatVersion, String event, String status, boolean succeeded, String projectId, long created,
            long updated, long deleted, int steps, Integer requests, Long durationMs, String failedStep, String error,
            List<String> notAttempted, List<String> conflicts, List<OtherWrite> others, List<String> recorded,
            String recordProblem,
            List<String> alreadyApplied, RolloutDocument rollout, Map<String, Map<String, List<String>>> outputs,
            List<dev.tlctl.reconcile.Outputs.DnsRecord> dnsRecords) {

        /** The closing event of an apply that ended with an error before (or instead of) an outcome. */
        static ResultEvent failedEarly(String error) {
            return new ResultEvent(Json.FORMAT_VERSION, "result", "failed", false, null, 0, 0, 0, 0, null, null, null, error,
                    null, List.of(), List.of(), List.of(), null, List.of(), null, Map.of(), List.of());
        }
    }

    /** A followed deployment's new status ({@code apply --wait}); status null: not started yet. */
    record DeploymentEvent(int formatVersion, String event, String environment, String service, String deploymentId,
            String status, long elapsedMs) {}

    @Override
    public void progress(String environment, String service, String deploymentId, LiveDeployment.Status status,
            Duration elapsed) {
        human.progress(environment, service, deploymentId, status, elapsed);
        emit(new DeploymentEvent(Json.FORMAT_VERSION, "deployment", environment, service, deploymentId,
                status == null ? null : status.name(), elapsed.toMillis()));
    }

    /** An error that ended the run: the error document's fields, as one event. */
    record ErrorEvent(int formatVersion, String event, int exitCode, String summary, String detail,
            List<Diagnostics.Entry> diagnostics) {}

    /** A wait of a second or more: what waits, why, and for how long. */
    record WaitEvent(int formatVersion, String event, String subject, String reason, long waitMs) {}

    @Override
    public void waited(String subject, String reason, Duration wait) {
        emit(new WaitEvent(Json.FORMAT_VERSION, "wait", subject, reason, wait.toMillis()));
    }

    @Override
    public void planned(PlanResult plan) {
        Diagnostics.annotate(terminal.err(), terminal.style(), plan.warnings());
        emit(new PlanEvent(Json.FORMAT_VERSION, "plan", PlanDocument.of(plan, showValues)));
    }

    private void step(ApplyStep step, String status, Duration duration, String error) {
        emit(new StepEvent(Json.FORMAT_VERSION, "step", status, step.number(), step.of(), step.title(),
                step.changes().stream().map(c -> c.address().text()).toList(),
                duration == null ? null : duration.toMillis(), error));
    }

    private void emit(Object event) {
        out.println(Json.line(event));
        out.flush();
    }

    @Override
    public void started(ApplyStep step) {
        human.started(step);
        step(step, "started", null, null);
    }

    @Override
    public void finished(ApplyStep step, Duration duration) {
        human.finished(step, duration);
        step(step, "finished", duration, null);
    }

    @Override
    public void failed(ApplyStep step, Duration duration, String error) {
        human.failed(step, duration, error);
        step(step, "failed", duration, error);
    }

    @Override
    public void outcome(ApplyOutcome outcome, RequestTally requests, long millis) {
        human.notCarriedOut(outcome);
        ApplyOutcome.Steps steps = outcome.steps();
        String status = outcome.status().name().toLowerCase(java.util.Locale.ROOT);
        boolean failed = outcome.status() == ApplyOutcome.Status.FAILED;
        out.println(Json.line(new ResultEvent(Json.FORMAT_VERSION, "result", status, outcome.succeeded(),
                outcome.projectId(), steps == null ? 0 : steps.created(), steps == null ? 0 : steps.updated(),
                steps == null ? 0 : steps.deleted(), steps == null ? 0 : steps.done().size(), requests.count(), millis,
                failed ? steps.failed().title() : null, failed ? steps.error() : null,
                failed ? steps.notAttempted().stream().map(ApplyStep::title).toList() : null,
                outcome.conflicts(), outcome.others(), outcome.recorded(), outcome.recordProblem(),
                outcome.alreadyApplied(),
                RolloutDocument.of(outcome.rollout()), outcome.outputs().urls(), outcome.outputs().dnsRecords())));
    }
}
