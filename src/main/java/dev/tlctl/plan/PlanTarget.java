package dev.tlctl.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan was made against: the project (id null when the plan creates it), its workspace and
 * billing customer (null when unknown), its environments in spec order and the ids of the services
 * that exist.
 */
public record PlanTarget(
        String projectName,
        String projectId,
        String workspaceId,
        String workspaceName,
        String customerId,
        List<EnvironmentTarget> environments,
        Map<String, String> serviceIds) {

    public PlanTarget {
        environments = List.copyOf(environments);
        serviceIds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(serviceIds));
    }

    public Optional<EnvironmentTarget> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
