package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EnvironmentConfig document itself: environmentPatchCommit (a deep merge where null
 * deletes), the masked read of {@code config(decryptVariables)}, and {@code configEtag}.
 */
final class Patches {
    private Patches() {}

    /** A content hash of the canonical config: equal configs, equal etags; a no-op write keeps it. */
    static String etag(ObjectNode config) {
        return Json.sha256Hex(Json.canonical(config)).substring(0, 32);
    }

    /**
     * The config as {@code config(decryptVariables)} returns it: without decryption no variable
     * carries its value (names and isSealed only); a sealed variable never does.
     */
    static ObjectNode masked(ObjectNode config, boolean decrypt) {
        ObjectNode copy = config.deepCopy();
        ObjectNode services = Json.at(copy, "services");
        if (services != null) {
            services.forEach(service -> mask(Json.at(service, "variables"), decrypt));
        }
        mask(Json.at(copy, "sharedVariables"), decrypt);
        return copy;
    }

    private static void mask(ObjectNode variables, boolean decrypt) {
        if (variables == null) {
            return;
        }
        variables.forEach(variable -> {
            if (variable instanceof ObjectNode object && (!decrypt || Variables.isSealed(object))) {
                object.remove("value");
            }
        });
    }

    /**
     * Deep-merges the patch into the environment's config and records the deployments it causes:
     * one per instance whose source, build, deploy or variables changed, every instance when the
     * shared variables changed, at most one per instance. {@code services.<id>.isCreated: true}
     * adds an instance (the service must exist in the project); {@code isDeleted: true} or a null
     * removes it. Returns the patch id.
     */
    static String commit(Store store, State.EnvironmentRec environment, Object patchValue) {
        String patchId = store.newId();
        if (patchValue == null) {
            return patchId;
        }
        if (!(Json.toTree(patchValue) instanceof ObjectNode patch)) {
            throw new SandboxException("patch must be an EnvironmentConfig JSON object");
        }
        ObjectNode patchServices = Json.at(patch, "services");
        if (patch.has("services") && patchServices == null && !patch.get("services").isNull()) {
            throw new SandboxException("patch.services must be an object keyed by service id");
        }
        validate(store, environment, patch);

        ObjectNode before = environment.config.deepCopy();
        if (patchServices != null) {
            patchServices.properties().forEach(entry -> {
                String serviceId = entry.getKey();
                JsonNode change = entry.getValue();
                if (change.isNull() || change.path("isDeleted").asBoolean(false)) {
                    ObjectNode services = Json.at(environment.config, "services");
                    if (services != null) {
                        services.remove(serviceId);
                    }
                    return;
                }
                ObjectNode body = ((ObjectNode) change).deepCopy();
                body.remove(List.of("isCreated", "isDeleted"));
                merge(store.ensureInstance(environment, serviceId), body);
            });
        }
        ObjectNode rest = patch.deepCopy();
        rest.remove("services");
        merge(environment.config, rest);
        Variables.keepSealed(before, environment.config);
        store.touched(environment);

        Set<String> deploy = new LinkedHashSet<>();
        boolean sharedChanged = !java.util.Objects.equals(
                before.get("sharedVariables"), environment.config.get("sharedVariables"));
        for (String serviceId : store.instanceServiceIds(environment)) {
            if (sharedChanged || ConfigMapping.needsDeploy(
                    Json.at(before, "services", serviceId), store.serviceConfig(environment, serviceId))) {
                deploy.add(serviceId);
            }
        }
        deploy.forEach(serviceId -> store.deploy(environment, serviceId));
        return patchId;
    }

    private static void validate(Store store, State.EnvironmentRec environment, ObjectNode patch) {
        ObjectNode services = Json.at(patch, "services");
        if (services != null) {
            List<String> problems = new ArrayList<>();
            services.properties().forEach(entry -> {
                String serviceId = entry.getKey();
                JsonNode change = entry.getValue();
                if (change.isNull() || change.path("isDeleted").asBoolean(false)) {
                    return;
                }
                if (!change.isObject()) {
                    problems.add("patch.services." + serviceId + " must be an object or null");
                    return;
                }
                State.ServiceRec service = store.serviceAny(serviceId);
                if (service == null || service.deletedAt != null || !service.projectId.equals(environment.projectId)) {
                    problems.add("Service " + serviceId + " not found");
                    return;
                }
                if (!store.hasInstance(environment, serviceId) && !change.path("isCreated").asBoolean(false)) {
                    problems.add("Service " + serviceId + " has no instance in environment " + environment.name
                            + "; add it with isCreated: true");
                }
                Variables.validate("patch.services." + serviceId + ".variables", change.get("variables"), problems);
            });
            if (!problems.isEmpty()) {
                throw new SandboxException(problems.get(0));
            }
        }
        List<String> problems = new ArrayList<>();
        Variables.validate("patch.sharedVariables", patch.get("sharedVariables"), problems);
        if (!problems.isEmpty()) {
            throw new SandboxException(problems.get(0));
        }
    }

    /** Deep merge: objects merge key by key, a null removes its key, anything else replaces. */
    static void merge(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                target.remove(entry.getKey());
            } else if (value instanceof ObjectNode object) {
                merge(Json.child(target, entry.getKey()), object);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        }
    }
}
