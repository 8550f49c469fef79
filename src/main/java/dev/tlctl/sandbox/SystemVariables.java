package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Railway's provided variables (docs.railway.com/variables/reference) for a service instance, as
 * far as the sandbox can know them before a deployment: the project, environment and service
 * names and ids, the private domain, the public domain when the instance has one, and the
 * volume when one is mounted. Per-deployment ones (RAILWAY_DEPLOYMENT_ID, RAILWAY_REPLICA_ID,
 * RAILWAY_GIT_*, ...) and the TCP proxy's are not known and not given.
 */
final class SystemVariables {
    static final String PRIVATE_SUFFIX = ".railway.internal";

    private SystemVariables() {}

    static Map<String, String> of(Store store, State.EnvironmentRec environment, String serviceId) {
        Map<String, String> variables = new LinkedHashMap<>();
        State.ProjectRec project = store.projectAny(environment.projectId);
        State.ServiceRec service = store.serviceAny(serviceId);
        ObjectNode instance = store.serviceConfig(environment, serviceId);
        if (project == null || service == null || instance == null) {
            return variables;
        }
        variables.put("RAILWAY_PROJECT_ID", project.id);
        variables.put("RAILWAY_PROJECT_NAME", project.name);
        variables.put("RAILWAY_ENVIRONMENT_ID", environment.id);
        variables.put("RAILWAY_ENVIRONMENT_NAME", environment.name);
        variables.put("RAILWAY_ENVIRONMENT", environment.name);
        variables.put("RAILWAY_SERVICE_ID", service.id);
        variables.put("RAILWAY_SERVICE_NAME", service.name);
        variables.put("RAILWAY_PRIVATE_DOMAIN", privateDomain(service, instance));
        List<String> domains = ConfigViews.domainNames(instance);
        if (!domains.isEmpty()) {
            variables.put("RAILWAY_PUBLIC_DOMAIN", domains.get(0));
        }
        ObjectNode mounts = Json.at(instance, "volumeMounts");
        if (mounts != null && mounts.size() > 0) {
            String volumeId = mounts.fieldNames().next();
            State.VolumeRec volume = store.state().volumes.stream().filter(v -> v.id.equals(volumeId)).findFirst()
                    .orElse(null);
            if (volume != null) {
                variables.put("RAILWAY_VOLUME_NAME", volume.name);
            }
            String mountPath = ConfigMapping.text(mounts.get(volumeId), "mountPath");
            if (mountPath != null) {
                variables.put("RAILWAY_VOLUME_MOUNT_PATH", mountPath);
            }
        }
        return variables;
    }

    /**
     * {@code <endpoint>.railway.internal}: the instance's networking.privateNetworkEndpoint, or
     * else the service name in lower case with every run of other characters turned into "-".
     */
    static String privateDomain(State.ServiceRec service, ObjectNode instance) {
        String endpoint = ConfigMapping.text(Json.at(instance, "networking"), "privateNetworkEndpoint");
        if (endpoint == null) {
            endpoint = service.name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        }
        return endpoint + PRIVATE_SUFFIX;
    }
}
