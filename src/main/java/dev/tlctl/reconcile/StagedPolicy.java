package dev.tlctl.reconcile;

/**
 * What an apply does with changes staged in Railway's dashboard and not committed, where it
 * writes. Railway does not say what a commit does to a staged patch, so tlctl never guesses.
 */
public enum StagedPolicy {
    /** Write nothing where something is staged (the default): the apply is refused. */
    REFUSE,
    /** Commit them together with tlctl's changes, as the dashboard's Deploy button would. */
    INCLUDE,
    /** Drop them first, then write tlctl's changes. */
    DISCARD;

    /** The applier's form of the policy. */
    dev.tlctl.apply.StagedPolicy forApplier() {
        return dev.tlctl.apply.StagedPolicy.valueOf(name());
    }
}
