package dev.tlctl.sandbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Request counters since start or reset; deployments come from the state. */
final class Stats {
    static final String ANONYMOUS = "(anonymous)";

    private long requests;
    private long mutations;
    private final Map<String, Long> operations = new TreeMap<>();
    private final Map<String, Long> fields = new TreeMap<>();

    synchronized void record(String operationName, boolean mutation, Collection<String> rootFields) {
        requests++;
        if (mutation) {
            mutations++;
        }
        operations.merge(operationName == null ? ANONYMOUS : operationName, 1L, Long::sum);
        rootFields.forEach(field -> this.fields.merge(field, 1L, Long::sum));
    }

    synchronized void reset() {
        requests = 0;
        mutations = 0;
        operations.clear();
        fields.clear();
    }

    /** A snapshot; call it inside a store transaction (it reads the deployments). */
    synchronized SandboxStats snapshot(Store store) {
        Map<List<String>, Integer> counts = new LinkedHashMap<>();
        for (State.DeploymentRec d : store.state().deployments) {
            counts.merge(List.of(d.projectId, d.environmentId, d.serviceId), 1, Integer::sum);
        }
        List<SandboxStats.DeploymentCount> deployments = new ArrayList<>();
        counts.forEach((key, count) -> {
            State.EnvironmentRec environment = store.environmentAny(key.get(1));
            State.ServiceRec service = store.serviceAny(key.get(2));
            deployments.add(new SandboxStats.DeploymentCount(key.get(0), key.get(1),
                    environment == null ? null : environment.name, key.get(2),
                    service == null ? null : service.name, count));
        });
        return new SandboxStats(requests, mutations, new TreeMap<>(operations), new TreeMap<>(fields), deployments);
    }
}
