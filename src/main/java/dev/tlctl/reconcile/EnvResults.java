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
     * A preview created or brought up to date, or a one-off copy made.
     *
     * @param id the environment's id; null when the apply failed before Railway gave one
     * @param created whether this run created it (false: it existed)
     * @param outcome the apply of a preview; null for a copy (no apply)
     * @param copiedFrom the environment a copy came from (it carries that one's variables); null for a preview
     */
    public record Created(String name, String id, boolean created, ApplyOutcome outcome, String copiedFrom) {

        /** A preview, through the apply. */
        public Created(String name, String id, boolean created, ApplyOutcome outcome) {
            this(name, id, created, outcome, null);
        }

        public boolean succeeded() {
            return outcome == null || outcome.succeeded();
        }
    }

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
