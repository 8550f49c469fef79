package dev.tlctl.cli;

import dev.tlctl.reconcile.Rollout;
import java.util.List;

/**
 * A wait for deployments in JSON: how it ended ({@code nothing_to_wait_for}, {@code succeeded},
 * {@code failed}, {@code timed_out}), each deployment followed, and what it cost.
 */
record RolloutDocument(String status, boolean succeeded, List<Deployment> deployments, long waitedMs, int polls,
        long timeoutMs) {

    /** One deployment followed; {@code status} and {@code deploymentId} null when Railway had not started it. */
    record Deployment(String environment, String service, String deploymentId, String status, List<String> logLines) {}

    /** Null for null (no wait). */
    static RolloutDocument of(Rollout rollout) {
        if (rollout == null) {
            return null;
        }
        return new RolloutDocument(rollout.status().name().toLowerCase(java.util.Locale.ROOT), rollout.succeeded(),
                rollout.services().stream().map(f -> new Deployment(f.environment(), f.service(), f.deploymentId(),
                        f.status() == null ? null : f.status().name(), f.logLines())).toList(),
                rollout.waited().toMillis(), rollout.rounds(), rollout.timeout().toMillis());
    }
}
