package dev.tlctl.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan was made against: the project (id null when the plan creates it), its workspace and
 * billing customer (null when unknown), the spec's environments it covers, in spec order, and the
 * ids of what exists: services, and every live environment (including those the spec does not
 * declare, which a pruning plan deletes) and domains (by the address of the domain change).
 */
public record PlanTarget(
        String projectName,
        String projectId,
        String workspaceId,
        String workspaceName,
        String customerId,
        List<EnvironmentTarget> environments,
        Map<String, String> serviceIds,
        Map<String, String> environmentIds,
        Map<String, String> domainIds) {

    /** A target with no domain ids. */
    public PlanTarget(String projectName, String projectId, String workspaceId, String workspaceName, String customerId,
            List<EnvironmentTarget> environments, Map<String, String> serviceIds, Map<String, String> environmentIds) {
        this(projectName, projectId, workspaceId, workspaceName, customerId, environments, serviceIds, environmentIds,
                Map.of());
    }

    public PlanTarget {
        domainIds = Collections.unmodifiableMap(new LinkedHashMap<>(domainIds));
        environments = List.copyOf(environments);
        serviceIds = Collections.unmodifiableMap(new LinkedHashMap<>(serviceIds));
        environmentIds = Collections.unmodifiableMap(new LinkedHashMap<>(environmentIds));
    }

    public Optional<EnvironmentTarget> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }
}
