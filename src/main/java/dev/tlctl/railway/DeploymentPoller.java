package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.live.LiveDeployment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows deployments until they end: each round is one request for the whole project
 * (DeploymentStatuses), however many services are followed; rounds back off from 2 s to 15 s
 * ({@link #SCHEDULE}), so that a long build costs a few requests a minute (Hobby allows 1,000 an
 * hour, API-NOTES section 3), and a 429 is waited out by the transport (Retry-After). The wait is
 * bounded by its timeout, counted in the time it slept, so a test's fake sleeper ends it too.
 */
public final class DeploymentPoller {
    /** The waits between rounds; the last repeats. */
    static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(8), Duration.ofSeconds(13), Duration.ofSeconds(15));

    /**
     * How long tlctl waits for a build to end before writing what would redeploy it (Railway
     * refuses "Cannot redeploy yet" meanwhile): builds take minutes, not hours.
     */
    public static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    /** The statuses during which Railway refuses to redeploy an instance (the build has not ended). */
    static final Set<LiveDeployment.Status> BUILDING = Set.of(LiveDeployment.Status.INITIALIZING,
            LiveDeployment.Status.QUEUED, LiveDeployment.Status.WAITING, LiveDeployment.Status.BUILDING);

    /** Whether a deployment in this status has not finished building (Railway refuses to redeploy meanwhile). */
    public static boolean building(LiveDeployment.Status status) {
        return BUILDING.contains(status);
    }

    /** A service instance: an environment id and a service id. */
    public record Instance(String environmentId, String serviceId) {}

    /**
     * How a wait ended: the newest deployment of each followed instance as last read (null where
     * none newer than the one it started from showed up), whether the timeout ran out first, and
     * how many rounds (requests) it took.
     */
    public record Outcome(Map<Instance, LiveDeployment> deployments, boolean timedOut, int rounds) {}

    /** Hears each round of a wait: the followed deployments as read, and the time slept so far. */
    public interface Progress {
        void round(Map<Instance, LiveDeployment> followed, Duration slept);
    }

    private final RailwayTransport transport;
    private final Waits waits;

    DeploymentPoller(RailwayTransport transport) {
        this.transport = transport;
        this.waits = new Waits(transport.config());
    }

    /** One round: the newest deployment of every instance of the project, by instance. */
    public Map<Instance, LiveDeployment> poll(String projectId) {
        JsonNode data = transport.execute(Documents.request("DeploymentStatuses", "read the deployments of project "
                + projectId, Map.of("id", projectId), true));
        Map<Instance, LiveDeployment> out = new LinkedHashMap<>();
        for (JsonNode edge : data.path("project").path("environments").path("edges")) {
            String environmentId = edge.path("node").path("id").asText();
            for (JsonNode instance : edge.path("node").path("serviceInstances").path("edges")) {
                String serviceId = instance.path("node").path("serviceId").asText();
                LiveDeployment latest = RuntimeMapper.deployment(instance.path("node").get("latestDeployment"),
                        environmentId, serviceId);
                if (latest != null) {
                    out.put(new Instance(environmentId, serviceId), latest);
                }
            }
        }
        return out;
    }

    /**
     * Polls until every followed instance's newest deployment is another than the one it started
     * from ({@code since}: a deployment id, or null for an instance that had none) and has ended
     * (SUCCESS, FAILED, CRASHED, ... anything not in progress), or until {@code timeout} has been
     * slept. Each wait is announced to the request listener with {@code subject}.
     */
    public Outcome await(String projectId, Map<Instance, String> since, Duration timeout, String subject) {
        return await(projectId, since, timeout, subject, null, false);
    }

    /**
     * The same, telling {@code progress} of every round instead of announcing each wait (its
     * lines say what is waited for), and ending as soon as one followed deployment has failed
     * (FAILED or CRASHED) when {@code stopAtFailure}.
     */
    public Outcome await(String projectId, Map<Instance, String> since, Duration timeout, Progress progress,
            boolean stopAtFailure) {
        return await(projectId, since, timeout, null, progress, stopAtFailure);
    }

    private Outcome await(String projectId, Map<Instance, String> since, Duration timeout, String subject,
            Progress progress, boolean stopAtFailure) {
        Duration slept = Duration.ZERO;
        int rounds = 0;
        Map<Instance, LiveDeployment> followed = new LinkedHashMap<>();
        for (int step = 0; ; step++) {
            Map<Instance, LiveDeployment> now = poll(projectId);
            rounds++;
            boolean done = true;
            boolean failed = false;
            for (Map.Entry<Instance, String> entry : since.entrySet()) {
                LiveDeployment latest = now.get(entry.getKey());
                boolean newer = latest != null && !latest.id().equals(entry.getValue());
                followed.put(entry.getKey(), newer ? latest : null);
                done &= newer && !latest.status().inProgress();
                failed |= newer && latest.status().failed();
            }
            if (progress != null) {
                progress.round(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(followed)), slept);
            }
            if (done || (failed && stopAtFailure)) {
                return new Outcome(followed, false, rounds);
            }
            Duration left = timeout.minus(slept);
            if (left.isZero() || left.isNegative()) {
                return new Outcome(followed, true, rounds);
            }
            Duration wait = SCHEDULE.get(Math.min(step, SCHEDULE.size() - 1));
            wait = wait.compareTo(left) > 0 ? left : wait;
            if (progress == null) {
                waits.sleep(subject, "deployments still in progress", wait);
            } else {
                waits.sleepQuietly(wait, "the deployments of project " + projectId);
            }
            slept = slept.plus(wait);
        }
    }

    /**
     * Waits, polling on the same schedule, until none of {@code instances} has a deployment whose
     * build has not ended (Railway refuses to redeploy it meanwhile: "Cannot redeploy yet"), at most
     * {@link #BUILD_TIMEOUT}; returns whether none is building any more. Each wait is announced,
     * naming {@code subject}.
     */
    public boolean awaitBuilds(String projectId, Set<Instance> instances, String subject) {
        Duration slept = Duration.ZERO;
        for (int step = 0; ; step++) {
            Map<Instance, LiveDeployment> now = poll(projectId);
            boolean building = instances.stream().map(now::get)
                    .anyMatch(d -> d != null && building(d.status()));
            if (!building) {
                return true;
            }
            Duration left = BUILD_TIMEOUT.minus(slept);
            if (left.isZero() || left.isNegative()) {
                return false;
            }
            Duration wait = SCHEDULE.get(Math.min(step, SCHEDULE.size() - 1));
            wait = wait.compareTo(left) > 0 ? left : wait;
            waits.sleep(subject, "a deployment there is still building, and Railway refuses to redeploy until the"
                    + " build ends", wait);
            slept = slept.plus(wait);
        }
    }
}
