package dev.tlctl.reconcile;

import java.time.Instant;
import java.util.List;

/** The results of {@code tlctl env}. */
public final class EnvResults {
    private EnvResults() {}

    /**
     * The project's live environments.
     *
     * @param spendRead whether the read carried the period's usage (so the rows carry spend)
     */
    public record Listing(String project, List<EnvRow> environments, Instant now, boolean spendRead) {
        public Listing {
            environments = List.copyOf(environments);
        }
    }

    /**
     * A preview created or brought up to date.
     *
     * @param id the environment's id; null when the apply failed before Railway gave one
     * @param created whether this run created it (false: it existed)
     */
    public record Created(String name, String id, boolean created, ApplyOutcome outcome) {}

    /**
     * Environments deleted (or not: cancelled, or nothing to delete).
     *
     * @param environments what was (or would have been) deleted, volumes included
     */
    public record Deleted(List<EnvRow> environments, boolean done, Instant now) {
        public Deleted {
            environments = List.copyOf(environments);
        }
    }
}
