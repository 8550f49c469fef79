package dev.tlctl.reconcile;

import dev.tlctl.live.LiveDeployment;
import java.time.Duration;

/** Hears a wait for deployments: each followed deployment's status whenever it changes. */
public interface RolloutObserver {
    /** Hears nothing. */
    RolloutObserver NONE = new RolloutObserver() {};

    /**
     * The deployment of {@code service} in {@code environment} has a new status ({@code status} and
     * {@code deploymentId} null: Railway has not started it yet), {@code elapsed} into the wait.
     */
    default void progress(String environment, String service, String deploymentId, LiveDeployment.Status status,
            Duration elapsed) {}
}
