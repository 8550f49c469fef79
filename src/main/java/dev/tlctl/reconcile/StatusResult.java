package dev.tlctl.reconcile;

import dev.tlctl.live.LiveDeployment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What runs, per environment and service, from one read: each instance's newest deployment with
 * its status, age, commit or image, and the service's URLs. Healthy when every service the spec
 * enables there has a newest deployment that serves (SUCCESS) or sleeps until a request wakes it
 * (SLEEPING); a service with nothing to build (no repository, no image) needs none.
 */
public record StatusResult(String project, String projectId, List<String> environments, List<Service> services,
        Instant at) {

    /**
     * One service in one environment.
     *
     * @param enabled whether the spec runs it there (only those count for health)
     * @param declared whether the spec declares the service at all
     * @param present whether the instance exists on Railway
     * @param latest its newest deployment; null when it never deployed (or is not there)
     * @param age how long ago the newest deployment was created; null without one
     * @param urls its domains as URLs, Railway's generated one first
     * @param healthy for an enabled service: serving, sleeping, or nothing to deploy
     */
    public record Service(String environment, String service, boolean enabled, boolean declared, boolean present,
            boolean hasSource, LiveDeployment latest, Duration age, List<String> urls, boolean healthy) {
        public Service {
            urls = List.copyOf(urls);
        }
    }

    public StatusResult {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
    }

    /** Whether every service the spec enables in these environments is healthy (exit 0, else 2). */
    public boolean healthy() {
        return services.stream().filter(Service::enabled).allMatch(Service::healthy);
    }

    /** The enabled services that are not healthy. */
    public List<Service> unhealthy() {
        return services.stream().filter(s -> s.enabled() && !s.healthy()).toList();
    }
}
