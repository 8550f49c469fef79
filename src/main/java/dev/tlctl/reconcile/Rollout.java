package dev.tlctl.reconcile;

import dev.tlctl.live.LiveDeployment;
import java.time.Duration;
import java.util.List;

/**
 * How a wait for deployments ended ({@code apply --wait}, {@code deploy --wait}, {@code rollback
 * --wait}): every deployment followed, with its last status; nothing to wait for, all succeeded,
 * one failed (FAILED or CRASHED: the wait stops there, with that deployment's last log lines), or
 * the timeout ran out first.
 *
 * @param waited the time the wait slept (polls back off from 2 s to 15 s)
 * @param rounds how many polls it took: one request each, whatever the number of services
 */
public record Rollout(Status status, List<Followed> services, Duration waited, int rounds, Duration timeout) {

    /** How the wait ended. */
    public enum Status { NOTHING_TO_WAIT_FOR, SUCCEEDED, FAILED, TIMED_OUT }

    /**
     * One deployment followed.
     *
     * @param deploymentId null when Railway had not started it when the wait ended
     * @param status its last status; null when Railway had not started it
     * @param logLines for a failed one, the last lines of its build and deploy logs; else empty
     */
    public record Followed(String environment, String service, String deploymentId, LiveDeployment.Status status,
            List<String> logLines) {
        public Followed {
            logLines = List.copyOf(logLines);
        }

        /** Whether it ended without serving. */
        public boolean failed() {
            return status != null && status.failed();
        }

        /** Whether it serves (or sleeps, to wake at the first request). */
        public boolean succeeded() {
            return status != null && status.healthy();
        }
    }

    public Rollout {
        services = List.copyOf(services);
    }

    /** A wait with nothing to follow: it returned at once, without a request. */
    public static Rollout nothing(Duration timeout) {
        return new Rollout(Status.NOTHING_TO_WAIT_FOR, List.of(), Duration.ZERO, 0, timeout);
    }

    public boolean succeeded() {
        return status == Status.NOTHING_TO_WAIT_FOR || status == Status.SUCCEEDED;
    }

    /** The deployments that failed. */
    public List<Followed> failed() {
        return services.stream().filter(Followed::failed).toList();
    }

    /** The deployments that had not ended when the wait ended. */
    public List<Followed> unfinished() {
        return services.stream().filter(f -> f.status() == null || f.status().inProgress()).toList();
    }
}
