package dev.tlctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.apply.ApplyResult;
import dev.tlctl.apply.Step;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Plan;
import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code apply --json}: JSON Lines on stdout, one event per line, each with {@code formatVersion}
 * and {@code event}: {@code plan} (the plan document), {@code step} ({@code status} started,
 * finished or failed), and {@code result}. Human progress still goes to stderr.
 */
final class JsonApplyView implements ApplyView {
    private final PrintStream out;
    private final HumanApplyView human;
    private final PlanDocument.Options options;

    JsonApplyView(PrintStream out, HumanApplyView human, PlanDocument.Options options) {
        this.out = out;
        this.human = human;
        this.options = options;
    }

    private ObjectNode event(String name) {
        ObjectNode node = Json.document();
        node.put("event", name);
        return node;
    }

    @Override
    public void plan(Plan plan) {
        ObjectNode node = event("plan");
        node.set("plan", PlanDocument.write(plan, options));
        out.println(Json.line(node));
    }

    private void step(Step step, String status, Duration duration, RuntimeException error) {
        ObjectNode node = event("step");
        node.put("status", status);
        node.put("number", step.number());
        node.put("of", step.of());
        node.put("title", step.title());
        var changes = node.putArray("changes");
        step.changes().forEach(c -> changes.add(c.address().text()));
        if (duration != null) {
            node.put("durationMs", duration.toMillis());
        }
        if (error != null) {
            node.put("error", HumanApplyView.describe(error));
        }
        out.println(Json.line(node));
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
    public void result(ApplyResult result, int requests, long millis) {
        if (!result.succeeded()) {
            human.result(result, requests, millis);
        }
        ObjectNode node = event("result");
        node.put("succeeded", result.succeeded());
        node.put("projectId", result.projectId());
        node.put("created", HumanApplyView.count(result.applied(), Action.CREATE));
        node.put("updated", HumanApplyView.count(result.applied(), Action.UPDATE));
        node.put("deleted", HumanApplyView.count(result.applied(), Action.DELETE));
        node.put("steps", result.done().size());
        node.put("requests", requests);
        node.put("durationMs", millis);
        if (!result.succeeded()) {
            node.put("failedStep", result.failed().title());
            node.put("error", HumanApplyView.describe(result.error()));
            var rest = node.putArray("notAttempted");
            result.notAttempted().forEach(s -> rest.add(s.title()));
        }
        out.println(Json.line(node));
    }
}
