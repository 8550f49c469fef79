package dev.tlctl.reconcile;

import java.time.Duration;
import java.util.List;

/**
 * A request to deploy the services the spec enables in the target's environments (all by
 * default), or only {@code services}, from their current source and config.
 *
 * @param waitFor how long to follow the deployments; null: do not wait
 */
public record DeployRequest(Target target, List<String> services, Duration waitFor) {
    public DeployRequest {
        services = List.copyOf(services);
    }
}
