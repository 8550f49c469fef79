package dev.tlctl.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the sandbox has seen since it started or was reset (the data of {@code GET /_sandbox/stats}):
 * HTTP requests to /graphql/v2 (faulted and refused ones included), mutation requests, requests
 * per operation name ("(anonymous)" for unnamed ones) and per root field, and the deployments
 * recorded per service instance.
 */
public record SandboxStats(long requests, long mutations, Map<String, Long> operations, Map<String, Long> fields,
                           List<DeploymentCount> deployments) {

    /** The deployments of one service instance. Names are null for records the state no longer has. */
    public record DeploymentCount(String projectId, String environmentId, String environmentName,
                                  String serviceId, String serviceName, int count) {}

    public SandboxStats {
        operations = Map.copyOf(operations);
        fields = Map.copyOf(fields);
        deployments = List.copyOf(deployments);
    }

    /** Deployments of the named service in the named environment (summed over projects). */
    public int deploymentsFor(String environmentName, String serviceName) {
        return deployments.stream()
                .filter(d -> environmentName.equals(d.environmentName()) && serviceName.equals(d.serviceName()))
                .mapToInt(DeploymentCount::count).sum();
    }

    public int totalDeployments() {
        return deployments.stream().mapToInt(DeploymentCount::count).sum();
    }

    /** Requests whose operation name (or "(anonymous)") is {@code name}; 0 when none. */
    public long operation(String name) {
        return operations.getOrDefault(name, 0L);
    }

    /** Requests that selected the root field {@code name}; 0 when none. */
    public long field(String name) {
        return fields.getOrDefault(name, 0L);
    }

    /** The JSON document of {@code GET /_sandbox/stats}. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", requests);
        json.put("mutations", mutations);
        json.put("operations", new java.util.TreeMap<>(operations));
        json.put("fields", new java.util.TreeMap<>(fields));
        json.put("deployments", deployments.stream().map(d -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("projectId", d.projectId());
            entry.put("environmentId", d.environmentId());
            entry.put("environmentName", d.environmentName());
            entry.put("serviceId", d.serviceId());
            entry.put("serviceName", d.serviceName());
            entry.put("count", d.count());
            return entry;
        }).toList());
        return json;
    }
}
