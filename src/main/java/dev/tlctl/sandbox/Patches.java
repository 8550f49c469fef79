package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EnvironmentConfig document itself: environmentPatchCommit (a deep merge where null
 * deletes, computed on a copy and checked before it replaces the config), the masked read of
 * {@code config(decryptVariables)}, and {@code configEtag}.
 */
final class Patches {
    private Patches() {}

    /** A content hash of the canonical config: equal configs, equal etags; a no-op write keeps it. */
    static String etag(ObjectNode config) {
        return Json.canonicalSha256Hex(config).substring(0, 32);
    }

    /**
     * The config as {@code config(decryptVariables)} returns it ({@link MaskedConfig}): without
     * decryption no variable carries its value (names and isSealed only); a sealed variable never
     * does; registry credentials read {@value #MASKED_CREDENTIAL}.
     */
    static MaskedConfig masked(ObjectNode config, boolean decrypt) {
        return MaskedConfig.of(config, decrypt);
    }

    /**
     * What a read shows of registry credentials, whatever the decryption: they are write-only
     * (railwayapp/cli src/iac/change_set.rs {@code MASKED_CREDENTIAL_VALUE}, stripped before
     * every comparison and never written back; CHANGESETS.md section 1.5).
     */
    static final String MASKED_CREDENTIAL = "*****";

    /**
     * environmentPatchCommit: deep-merges the patch into the environment's config, records the
     * deployments it causes (see {@link #install}) and the patch with its message
     * ({@link PatchHistory}). Returns the patch id. Staged changes are left as they are: only
     * this patch is committed.
     */
    static String commit(Store store, State.EnvironmentRec environment, Object patchValue, String message) {
        String patchId = store.newId();
        if (patchValue == null) {
            return patchId;
        }
        ObjectNode patch = patchObject(patchValue);
        install(store, environment, merged(store, environment, environment.config, patch), true);
        PatchHistory.record(store, environment, patchId, patch, message, store.now(), null);
        return patchId;
    }

    /** The patch that turns {@code before} into {@code after}: changed keys, objects key by key, a null for a removed key. */
    static ObjectNode diff(ObjectNode before, ObjectNode after) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        after.properties().forEach(entry -> {
            JsonNode was = before.get(entry.getKey());
            if (was instanceof ObjectNode wasObject && entry.getValue() instanceof ObjectNode nowObject) {
                ObjectNode inner = diff(wasObject, nowObject);
                if (!inner.isEmpty()) {
                    out.set(entry.getKey(), inner);
                }
            } else if (!entry.getValue().equals(was)) {
                out.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        before.fieldNames().forEachRemaining(key -> {
            if (!after.has(key)) {
                out.putNull(key);
            }
        });
        return out;
    }

    static ObjectNode patchObject(Object patchValue) {
        if (!(Json.toTree(patchValue) instanceof ObjectNode patch)) {
            throw new SandboxException("patch must be an EnvironmentConfig JSON object");
        }
        return patch;
    }

    /**
     * The config {@code base} becomes with the patch deep-merged in, checked (services, variables,
     * Railway's limits); nothing in the store changes. {@code services.<id>.isCreated: true}
     * adds an instance (the service must exist in the project); {@code isDeleted: true} or a
     * null removes it; sealed variables stay sealed.
     */
    static ObjectNode merged(Store store, State.EnvironmentRec environment, ObjectNode base, ObjectNode patch) {
        ObjectNode patchServices = Json.at(patch, "services");
        if (patch.has("services") && patchServices == null && !patch.get("services").isNull()) {
            throw new SandboxException("patch.services must be an object keyed by service id");
        }
        validate(store, environment, base, patch);
        ObjectNode working = base.deepCopy();
        if (patchServices != null) {
            patchServices.properties().forEach(entry -> {
                String serviceId = entry.getKey();
                JsonNode change = entry.getValue();
                ObjectNode services = Json.child(working, "services");
                if (change.isNull() || change.path("isDeleted").asBoolean(false)) {
                    services.remove(serviceId);
                    return;
                }
                boolean created = !services.has(serviceId);
                merge(Json.child(services, serviceId), (ObjectNode) change, INSTANCE_MARKERS);
                if (created) {
                    InstanceDefaults.fill((ObjectNode) services.get(serviceId));
                }
            });
        }
        merge(working, patch, SERVICES);
        Variables.keepSealed(base, working);
        InstanceRules.checkChanged(store, environment, base, working);
        VolumeOps.requireNoShrink(base, working);
        Domains.requireUnique(store, environment, working);
        return working;
    }

    /**
     * Makes {@code config} the environment's config and, when {@code deploy}, records one
     * deployment per instance whose source, build, deploy or variables changed, and per instance
     * that references a shared variable that changed ({@code ${{shared.NAME}}}): a service sees a
     * shared variable only through such a reference, so no other instance is touched. At most
     * one per instance. Returns the deployments.
     */
    static List<State.DeploymentRec> install(Store store, State.EnvironmentRec environment, ObjectNode config,
                                             boolean deploy) {
        List<String> targets = deploy ? deployTargets(store, environment, environment.config, config) : List.of();
        Lifecycle.requireNotBuilding(store, environment, targets);
        environment.config = config;
        store.touched(environment);
        List<State.DeploymentRec> deployments = new ArrayList<>();
        for (String serviceId : targets) {
            State.DeploymentRec deployment = store.deploy(environment, serviceId);
            if (deployment != null) {
                deployments.add(deployment);
            }
        }
        return deployments;
    }

    /**
     * The instances of {@code after} that a change from {@code before} deploys: those whose
     * deployed parts changed ({@link ConfigMapping#needsDeploy}), and those that reference a shared
     * variable that changed. Nothing is written.
     */
    static List<String> deployTargets(Store store, State.EnvironmentRec environment, ObjectNode before,
                                      ObjectNode after) {
        java.util.Set<String> changedShared = changedNames(before.get("sharedVariables"), after.get("sharedVariables"));
        List<String> targets = new ArrayList<>();
        for (String serviceId : Json.fieldNames(Json.at(after, "services"))) {
            JsonNode instance = Json.at(after, "services", serviceId);
            if (ConfigMapping.needsDeploy(Json.at(before, "services", serviceId), instance)
                    || readsAny(instance, changedShared)) {
                targets.add(serviceId);
            }
        }
        List<String> order = store.state().services.stream().map(s -> s.id).toList();
        targets.sort(java.util.Comparator.comparingInt(id -> order.indexOf(id) < 0 ? Integer.MAX_VALUE : order.indexOf(id)));
        return targets;
    }

    /** The names whose entry differs between two variable maps (added, removed or changed). */
    private static java.util.Set<String> changedNames(JsonNode before, JsonNode after) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        java.util.Set<String> all = new java.util.TreeSet<>();
        if (before != null && before.isObject()) {
            before.fieldNames().forEachRemaining(all::add);
        }
        if (after != null && after.isObject()) {
            after.fieldNames().forEachRemaining(all::add);
        }
        for (String name : all) {
            JsonNode a = before == null ? null : before.get(name);
            JsonNode b = after == null ? null : after.get(name);
            if (!java.util.Objects.equals(a, b)) {
                names.add(name);
            }
        }
        return names;
    }

    /** Whether an instance's variables reference one of {@code shared} as {@code ${{shared.NAME}}}. */
    static boolean readsAny(JsonNode instance, java.util.Set<String> shared) {
        if (shared.isEmpty() || instance == null) {
            return false;
        }
        JsonNode variables = instance.get("variables");
        if (variables == null || !variables.isObject()) {
            return false;
        }
        for (JsonNode variable : variables) {
            String value = variable.path("value").asText("");
            java.util.regex.Matcher m = SHARED_REFERENCE.matcher(value);
            while (m.find()) {
                if (shared.contains(m.group(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final java.util.regex.Pattern SHARED_REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{\\{\\s*shared\\.([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    private static void validate(Store store, State.EnvironmentRec environment, ObjectNode base, ObjectNode patch) {
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
                if (Json.at(base, "services", serviceId) == null && !change.path("isCreated").asBoolean(false)
                        && Consistency.pending(environment, serviceId)) {
                    // A new service's instance that has not materialised yet (Consistency).
                    problems.add("ServiceInstance not found");
                } else if (Json.at(base, "services", serviceId) == null && !change.path("isCreated").asBoolean(false)) {
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

    /** The keys of a patch's instance that mark it, not config: never merged into the instance. */
    private static final Set<String> INSTANCE_MARKERS = Set.of("isCreated", "isDeleted");
    /** The key of a patch merged instance by instance, not as a whole. */
    private static final Set<String> SERVICES = Set.of("services");

    /** Deep merge: objects merge key by key, a null removes its key, anything else replaces. */
    static void merge(ObjectNode target, ObjectNode patch) {
        merge(target, patch, Set.of());
    }

    /**
     * {@link #merge(ObjectNode, ObjectNode)} without the patch's top-level keys in {@code skipped}
     * (as if removed from a copy of it; the patch itself is never changed, and nothing of it is
     * shared with the target but immutable values).
     */
    private static void merge(ObjectNode target, ObjectNode patch, Set<String> skipped) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            JsonNode value = entry.getValue();
            if (skipped.contains(entry.getKey())) {
                continue;
            }
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
