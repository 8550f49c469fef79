package dev.tlctl.reconcile;

import java.util.List;

/**
 * The deployments a {@code deploy} started, one per instance, and (with a wait) how they ended.
 *
 * @param rollout null without a wait
 */
public record DeployResult(String project, List<Started> deployments, Rollout rollout, Outputs outputs) {

    /** A deployment started. */
    public record Started(String environment, String service, String deploymentId) {}

    public DeployResult {
        deployments = List.copyOf(deployments);
    }

    public boolean succeeded() {
        return rollout == null || rollout.succeeded();
    }
}
