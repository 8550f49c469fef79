package dev.tlctl.cli;

import dev.tlctl.apply.ApplyResult;
import dev.tlctl.apply.Step;
import dev.tlctl.plan.Action;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.PlanResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code apply --json}: JSON Lines on stdout, one event per line, each with {@code formatVersion}
 * and {@code event}: {@code plan} (the plan document), {@code step} ({@code status} started,
 * finished or failed), and always a closing {@code result}. Human progress still goes to stderr.
 */
final class JsonApplyView implements ApplyView {
    private final PrintStream out;
    private final HumanApplyView human;
    private final boolean showValues;

    JsonApplyView(PrintStream out, HumanApplyView human, boolean showValues) {
        this.out = out;
        this.human = human;
        this.showValues = showValues;
    }

    record PlanEvent(int formatVersion, String event, PlanDocument plan) {}

    record StepEvent(int formatVersion, String event, String status, int number, int of, String title,
            List<String> changes, Long durationMs, String error) {}

    /** The closing event; {@code requests} and {@code durationMs} are null when the run ended before counting. */
    record ResultEvent(int formatVersion, String event, String status, boolean succeeded, String projectId, long created,
            long updated, long deleted, int steps, Integer requests, Long durationMs, String failedStep, String error,
            List<String> notAttempted, List<String> conflicts, List<String> recorded, String recordProblem,
            List<String> alreadyApplied) {

        /** The closing event of an apply that ended with an error before (or instead of) an outcome. */
        static ResultEvent failedEarly(String error) {
            return new ResultEvent(Json.FORMAT_VERSION, "result", "failed", false, null, 0, 0, 0, 0, null, null, null, error,
                    null, List.of(), List.of(), null, List.of());
        }
    }

    /** An error that ended the run: the error document's fields, as one event. */
    record ErrorEvent(int formatVersion, String event, int exitCode, String summary, String detail,
            List<Diagnostics.Entry> diagnostics) {}

    /** A wait of a second or more: what waits, why, and for how long. */
    record WaitEvent(int formatVersion, String event, String subject, String reason, long waitMs) {}

    /** A wait of a second or more, as an event (the line on stderr is {@link WaitReport}'s). */
    void waited(String subject, String reason, Duration wait) {
        out.println(Json.line(new WaitEvent(Json.FORMAT_VERSION, "wait", subject, reason, wait.toMillis())));
        out.flush();
    }

    @Override
    public void planned(PlanResult plan) {
        out.println(Json.line(new PlanEvent(Json.FORMAT_VERSION, "plan", PlanDocument.of(plan, showValues))));
        out.flush();
    }

    private void step(Step step, String status, Duration duration, RuntimeException error) {
        out.println(Json.line(new StepEvent(Json.FORMAT_VERSION, "step", status, step.number(), step.of(), step.title(),
                step.changes().stream().map(c -> c.address().text()).toList(),
                duration == null ? null : duration.toMillis(), error == null ? null : HumanApplyView.describe(error))));
        out.flush();
    }

    @Override
    public void started(Step step) {
        human.started(step);
        step(step, "started", null, null);
    }

    @Override
    public void finished(Step step, Duration duration) {
        human.finished(step, duration);
        step(step, "finished", duration, null);
    }

    @Override
    public void failed(Step step, Duration duration, RuntimeException error) {
        human.failed(step, duration, error);
        step(step, "failed", duration, error);
    }

    @Override
    public void outcome(ApplyOutcome outcome, int requests, long millis) {
        if (outcome.status() != ApplyOutcome.Status.APPLIED) {
            human.outcome(outcome, requests, millis);
        } else {
            human.records(outcome);
        }
        ApplyResult result = outcome.result();
        String status = outcome.status().name().toLowerCase(java.util.Locale.ROOT);
        String projectId = result != null ? result.projectId() : outcome.planned().plan().target().projectId();
        boolean failed = outcome.status() == ApplyOutcome.Status.FAILED;
        out.println(Json.line(new ResultEvent(Json.FORMAT_VERSION, "result", status, outcome.succeeded(), projectId,
                result == null ? 0 : HumanApplyView.count(result.applied(), Action.CREATE),
                result == null ? 0 : HumanApplyView.count(result.applied(), Action.UPDATE),
                result == null ? 0 : HumanApplyView.count(result.applied(), Action.DELETE),
                result == null ? 0 : result.done().size(), (Integer) requests, (Long) millis,
                failed ? result.failed().title() : null,
                failed ? HumanApplyView.describe(result.error()) : null,
                failed ? result.notAttempted().stream().map(Step::title).toList() : null,
                outcome.conflicts(), outcome.recorded(), outcome.recordProblem(), outcome.alreadyApplied())));
    }
}
