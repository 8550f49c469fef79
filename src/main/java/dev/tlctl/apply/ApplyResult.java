package dev.tlctl.apply;

import dev.tlctl.plan.Change;
import java.time.Duration;
import java.util.List;

/**
 * What an apply did: the steps done (with their durations), the step that failed and its error
 * (null when all went well), the steps not attempted, and every plan change carried out. Running
 * apply again after a failure converges: it plans from what Railway then has.
 *
 * @param unguarded the environments written by a patch, which nothing on Railway's side guards
 *     against a concurrent write: the caller reads them back
 * @param withStagedChanges the environments whose staged changes were committed with tlctl's
 *     (also unguarded; only tlctl's own changes can be checked there)
 * @param lineage the patches listed before the unguarded writes and this run's own, for the
 *     caller to compare with those listed after them
 */
public record ApplyResult(
        String projectId,
        List<Done> done,
        Step failed,
        RuntimeException error,
        List<Step> notAttempted,
        List<Change> applied,
        List<String> unguarded,
        List<String> withStagedChanges,
        Lineage lineage) {

    /** A step done and how long it took. */
    public record Done(Step step, Duration duration) {}

    public ApplyResult {
        done = List.copyOf(done);
        notAttempted = List.copyOf(notAttempted);
        applied = List.copyOf(applied);
        unguarded = List.copyOf(unguarded);
        withStagedChanges = List.copyOf(withStagedChanges);
    }

    public boolean succeeded() {
        return error == null;
    }
}
