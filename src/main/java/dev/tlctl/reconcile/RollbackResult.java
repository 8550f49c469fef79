package dev.tlctl.reconcile;

/**
 * A rollback: the deployment that was the newest, the one rolled back to (Railway restores its
 * image and variables as a new deployment), and (with a wait) how that ended.
 *
 * @param from the newest deployment before the rollback (null: none)
 * @param rollout null without a wait
 */
public record RollbackResult(String project, String environment, String service, String from, String to,
        Rollout rollout) {
    public boolean succeeded() {
        return rollout == null || rollout.succeeded();
    }
}
