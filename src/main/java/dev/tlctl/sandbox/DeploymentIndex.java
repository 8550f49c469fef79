package dev.tlctl.sandbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The state's deployments by id and by instance, for the lookups a project read makes for every
 * instance (its newest deployment, the one serving, a deployment by id) without a scan of every
 * deployment each time. Deployments are only ever appended to the state's list
 * ({@link Lifecycle#start}; a reload or reset replaces the whole list), so the index is made
 * again whenever the list is another object, has another size or another last element; a
 * deployment's status is read from the record itself, so it is never stale.
 */
final class DeploymentIndex {
    private List<State.DeploymentRec> indexed;
    private int size;
    private State.DeploymentRec last;
    private final Map<String, State.DeploymentRec> byId = new HashMap<>();
    private final Map<String, Map<String, List<State.DeploymentRec>>> byInstance = new HashMap<>();

    /** This index, made afresh first unless it was made from this list as it is now. */
    DeploymentIndex of(List<State.DeploymentRec> deployments) {
        State.DeploymentRec newest = deployments.isEmpty() ? null : deployments.get(deployments.size() - 1);
        if (deployments != indexed || deployments.size() != size || newest != last) {
            byId.clear();
            byInstance.clear();
            for (State.DeploymentRec deployment : deployments) {
                byId.putIfAbsent(deployment.id, deployment);
                byInstance.computeIfAbsent(deployment.environmentId, e -> new HashMap<>())
                        .computeIfAbsent(deployment.serviceId, s -> new ArrayList<>()).add(deployment);
            }
            indexed = deployments;
            size = deployments.size();
            last = newest;
        }
        return this;
    }

    /** The deployment with that id (the first one, as a scan finds it), or null. */
    State.DeploymentRec byId(String id) {
        return byId.get(id);
    }

    /** The instance's newest deployment that passes {@code filter}, or null. */
    State.DeploymentRec newest(String environmentId, String serviceId, Predicate<State.DeploymentRec> filter) {
        List<State.DeploymentRec> deployments = byInstance.getOrDefault(environmentId, Map.of()).get(serviceId);
        if (deployments != null) {
            for (int i = deployments.size() - 1; i >= 0; i--) {
                if (filter.test(deployments.get(i))) {
                    return deployments.get(i);
                }
            }
        }
        return null;
    }
}
