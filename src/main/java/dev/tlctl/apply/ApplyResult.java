package dev.tlctl.apply;

import dev.tlctl.plan.Change;
import java.time.Duration;
import java.util.List;

/**
 * What an apply did: the steps done (with their durations), the step that failed and its error
 * (null when all went well), the steps not attempted, and every plan change carried out. Running
 * apply again after a failure converges: it plans from what Railway then has.
 */
public record ApplyResult(
        String projectId,
        List<Done> done,
        Step failed,
        RuntimeException error,
        List<Step> notAttempted,
        List<Change> applied) {

    /** A step done and how long it took. */
    public record Done(Step step, Duration duration) {}

    public ApplyResult {
        done = List.copyOf(done);
        notAttempted = List.copyOf(notAttempted);
        applied = List.copyOf(applied);
    }

    public boolean succeeded() {
        return error == null;
    }
}
