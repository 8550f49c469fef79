package dev.tlctl.live;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What runs in a project, read with its config: per environment and service, the newest
 * deployment, the one serving now and the domains; and the volume instances. Environments read
 * apart (past the first page, or the ones a token may open read one by one) have none here.
 *
 * @param instances by environment id, then service id
 */
public record LiveRuntime(Map<String, Map<String, Instance>> instances, List<LiveVolumeInstance> volumes) {

    /**
     * One service instance's runtime.
     *
     * @param latest the newest deployment, or null when it never deployed
     * @param active the deployment serving now (SUCCESS or SLEEPING), or null; read without its
     *     image, commit, branch and canRollback (the newest one carries them)
     */
    public record Instance(String environmentId, String serviceId, LiveDeployment latest, LiveDeployment active,
            List<LiveDomain> domains) {
        public Instance {
            domains = List.copyOf(domains);
        }
    }

    public LiveRuntime {
        instances = Map.copyOf(instances.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> Map.copyOf(e.getValue()))));
        volumes = List.copyOf(volumes);
    }

    /** Nothing known to run. */
    public static LiveRuntime empty() {
        return new LiveRuntime(Map.of(), List.of());
    }

    public Optional<Instance> instance(String environmentId, String serviceId) {
        return Optional.ofNullable(instances.getOrDefault(environmentId, Map.of()).get(serviceId));
    }

    /** The environment's volume instances. */
    public List<LiveVolumeInstance> volumes(String environmentId) {
        return volumes.stream().filter(v -> v.environmentId().equals(environmentId)).toList();
    }
}
