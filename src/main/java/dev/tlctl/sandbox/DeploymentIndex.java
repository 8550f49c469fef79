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
 * ({@link Lifecycle#start}; a reload or reset replaces the whole list), so the index takes in
 * what was appended since, and is made again whenever the list is another object or its
 * elements are no longer where they were; a deployment's status is read from the record
 * itself, so it is never stale.
 */
final class DeploymentIndex {
    private List<State.DeploymentRec> indexed;
    private int size;
    private State.DeploymentRec last;
    private final Map<String, State.DeploymentRec> byId = new HashMap<>();
    private final Map<String, Map<String, List<State.DeploymentRec>>> byInstance = new HashMap<>();

    /**
     * This index as the list is now: deployments appended since it was made are added to it (a
     * deploy at a time, so that recording one costs no walk of all of them); made afresh when the
     * list is another object, shorter, or no longer holds the last one indexed where it was.
     */
    DeploymentIndex of(List<State.DeploymentRec> deployments) {
        int now = deployments.size();
        if (deployments != indexed || now < size || (size > 0 && deployments.get(size - 1) != last)) {
            byId.clear();
            byInstance.clear();
            indexed = deployments;
            size = 0;
        }
        for (int i = size; i < now; i++) {
            State.DeploymentRec deployment = deployments.get(i);
            byId.putIfAbsent(deployment.id, deployment);
            byInstance.computeIfAbsent(deployment.environmentId, e -> new HashMap<>())
                    .computeIfAbsent(deployment.serviceId, s -> new ArrayList<>()).add(deployment);
        }
        size = now;
        last = now == 0 ? null : deployments.get(now - 1);
        return this;
    }

    /** The instance's deployments, oldest first (empty when it has none); not to be changed. */
    List<State.DeploymentRec> of(String environmentId, String serviceId) {
        List<State.DeploymentRec> deployments = byInstance.getOrDefault(environmentId, Map.of()).get(serviceId);
        return deployments == null ? List.of() : deployments;
    }

    /** The deployment with that id (the first one, as a scan finds it), or null. */
    State.DeploymentRec byId(String id) {
        return byId.get(id);
    }

    /** The instance's newest deployment that passes {@code filter}, or null. */
    State.DeploymentRec newest(String environmentId, String serviceId, Predicate<State.DeploymentRec> filter) {
        List<State.DeploymentRec> deployments = of(environmentId, serviceId);
        for (int i = deployments.size() - 1; i >= 0; i--) {
            if (filter.test(deployments.get(i))) {
                return deployments.get(i);
            }
        }
        return null;
    }
}
