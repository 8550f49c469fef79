package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.live.LiveDeployment;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /** A service instance: an environment id and a service id. */
    public record Instance(String environmentId, String serviceId) {}

    /**
     * How a wait ended: the newest deployment of each followed instance as last read (null where
     * none newer than the one it started from showed up), whether the timeout ran out first, and
     * how many rounds (requests) it took.
     */
    public record Outcome(Map<Instance, LiveDeployment> deployments, boolean timedOut, int rounds) {}

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
        Duration slept = Duration.ZERO;
        int rounds = 0;
        Map<Instance, LiveDeployment> followed = new LinkedHashMap<>();
        for (int step = 0; ; step++) {
            Map<Instance, LiveDeployment> now = poll(projectId);
            rounds++;
            boolean done = true;
            for (Map.Entry<Instance, String> entry : since.entrySet()) {
                LiveDeployment latest = now.get(entry.getKey());
                boolean newer = latest != null && !latest.id().equals(entry.getValue());
                followed.put(entry.getKey(), newer ? latest : null);
                done &= newer && !latest.status().inProgress();
            }
            if (done) {
                return new Outcome(followed, false, rounds);
            }
            Duration wait = SCHEDULE.get(Math.min(step, SCHEDULE.size() - 1));
            Duration left = timeout.minus(slept);
            if (left.isZero() || left.isNegative()) {
                return new Outcome(followed, true, rounds);
            }
            wait = wait.compareTo(left) > 0 ? left : wait;
            waits.sleep(subject, "deployments still in progress", wait);
            slept = slept.plus(wait);
        }
    }
}
