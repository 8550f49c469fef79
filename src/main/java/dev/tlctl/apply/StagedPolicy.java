package dev.tlctl.apply;

/**
 * What an apply does with changes staged in Railway's dashboard and not committed, in an
 * environment it writes to. Railway's {@code environmentPatchCommit} and change sets commit only
 * what they are given; what they do to a staged patch is not documented, so tlctl never guesses.
 */
public enum StagedPolicy {
    /** Write nothing where something is staged (the default): the apply is refused. */
    REFUSE,
    /**
     * Commit them with tlctl's changes: tlctl's patch is staged on top of them
     * ({@code environmentStageChanges}, merge) and the whole staged patch is committed
     * ({@code environmentPatchCommitStaged}), in one commit, as the dashboard would.
     */
    INCLUDE,
    /** Drop them ({@code environmentStageChanges} with an empty patch), then write tlctl's changes. */
    DISCARD
}
