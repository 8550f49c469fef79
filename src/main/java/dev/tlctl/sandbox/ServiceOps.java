package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Services and their instances, with Railway's non-fork rule: serviceCreate, serviceDelete and
 * serviceInstanceUpdate on a fork touch that fork only; on a non-fork environment (or with no
 * environment) they reach every non-fork environment of the project.
 */
final class ServiceOps {
    private ServiceOps() {}

    /** The environments a service-level change reaches from {@code environmentId} (null: no environment given). */
    static List<State.EnvironmentRec> reach(Store store, State.ProjectRec project, String environmentId) {
        if (environmentId != null) {
            State.EnvironmentRec environment = store.environment(environmentId);
            if (!environment.projectId.equals(project.id)) {
                throw new SandboxException("Environment not found");
            }
            if (Store.isFork(environment)) {
                return List.of(environment);
            }
        }
        return store.environmentsOf(project.id).stream().filter(e -> !Store.isFork(e)).toList();
    }

    /**
     * serviceCreate: the service, and an instance in each environment it reaches, holding the
     * initial source, branch and variables; one deployment per instance when a source is given.
     */
    static State.ServiceRec create(Store store, Caller caller, Map<String, Object> input) {
        State.ProjectRec project = store.project((String) input.get("projectId"));
        caller.requireProjectAdmin(store.state(), project);
        List<State.EnvironmentRec> targets = reach(store, project, (String) input.get("environmentId"));
        Map<String, String> variables = input.get("variables") == null ? Map.of()
                : Variables.parseCollection(input.get("variables"));
        @SuppressWarnings("unchecked")
        Map<String, Object> source = (Map<String, Object>) input.get("source");
        String repo = source == null ? null : (String) source.get("repo");
        String image = source == null ? null : (String) source.get("image");
        String branch = (String) input.get("branch");

        State.ServiceRec service = new State.ServiceRec();
        service.id = store.newId();
        String name = (String) input.get("name");
        service.name = name == null || name.isBlank() ? "service-" + service.id.substring(0, 8) : name;
        requireFreeName(store, project.id, service.name, null);
        service.projectId = project.id;
        service.icon = (String) input.get("icon");
        service.createdAt = store.now();
        service.updatedAt = service.createdAt;
        store.state().services.add(service);

        // The instances materialise a moment later (Consistency); with no delay, at once.
        service.instancesAt = Consistency.visibleAt(store);
        for (State.EnvironmentRec environment : targets) {
            ObjectNode config = Json.MAPPER.createObjectNode();
            if (repo != null || image != null || branch != null) {
                ObjectNode sourceConfig = Json.child(config, "source");
                putIfSet(sourceConfig, "repo", repo);
                putIfSet(sourceConfig, "image", image);
                putIfSet(sourceConfig, "branch", branch);
            }
            if (!variables.isEmpty()) {
                ObjectNode variablesConfig = Json.child(config, "variables");
                variables.forEach((key, value) -> variablesConfig.putObject(key).put("value", value));
            }
            InstanceDefaults.fill(config);
            if (service.instancesAt != null) {
                environment.pending.put(service.id, config);
                store.markDirty();
                continue;
            }
            Json.child(environment.config, "services").set(service.id, config);
            store.touched(environment);
            store.deploy(environment, service.id);
        }
        return service;
    }

    static State.ServiceRec update(Store store, Caller caller, String id, Map<String, Object> input) {
        State.ServiceRec service = store.service(id);
        caller.requireProjectAdmin(store.state(), store.project(service.projectId));
        if (input.get("name") != null) {
            String name = (String) input.get("name");
            requireFreeName(store, service.projectId, name, service.id);
            service.name = name;
        }
        if (input.containsKey("icon")) {
            service.icon = (String) input.get("icon");
        }
        service.updatedAt = store.now();
        store.markDirty();
        return service;
    }

    /**
     * serviceDelete: without an environment, the service and all its instances; with one, its
     * instances in the environments the non-fork rule reaches. A service left with no instance
     * anywhere is deleted.
     */
    static boolean delete(Store store, Caller caller, String id, String environmentId) {
        State.ServiceRec service = store.service(id);
        State.ProjectRec project = store.project(service.projectId);
        caller.requireProjectAdmin(store.state(), project);
        List<State.EnvironmentRec> targets = environmentId == null
                ? store.environmentsOf(project.id) : reach(store, project, environmentId);
        for (State.EnvironmentRec environment : targets) {
            if (store.hasInstance(environment, service.id)) {
                store.removeInstance(environment, service.id);
            }
        }
        boolean anyLeft = store.environmentsOf(project.id).stream().anyMatch(e -> store.hasInstance(e, service.id));
        if (environmentId == null || !anyLeft) {
            service.deletedAt = store.now();
            service.updatedAt = service.deletedAt;
        }
        store.markDirty();
        return true;
    }

    /**
     * serviceConnect: the repo (and branch) or the image becomes the source of every instance of
     * the service, each deployed once. A repo replaces an image and the other way round.
     */
    static State.ServiceRec connect(Store store, Caller caller, String id, Map<String, Object> input) {
        State.ServiceRec service = store.service(id);
        caller.requireProjectAdmin(store.state(), store.project(service.projectId));
        String repo = (String) input.get("repo");
        String image = (String) input.get("image");
        String branch = (String) input.get("branch");
        if ((repo == null) == (image == null)) {
            throw new SandboxException("serviceConnect needs either repo or image");
        }
        for (State.EnvironmentRec environment : store.environmentsOf(service.projectId)) {
            ObjectNode config = store.serviceConfig(environment, service.id);
            if (config == null) {
                continue;
            }
            ObjectNode source = Json.child(config, "source");
            if (repo != null) {
                source.remove("image");
                source.put("repo", repo);
                putIfSet(source, "branch", branch);
            } else {
                source.remove(List.of("repo", "branch"));
                source.put("image", image);
            }
            store.touched(environment);
            store.deploy(environment, service.id);
        }
        service.updatedAt = store.now();
        return service;
    }

    /**
     * serviceInstanceUpdate, with the non-fork rule. A project token never reaches beyond its
     * own environment: its update applies there only. One deployment per updated instance.
     */
    static boolean updateInstance(Store store, Caller caller, String serviceId, String environmentId,
                                  Map<String, Object> input) {
        State.ServiceRec service = store.service(serviceId);
        State.ProjectRec project = store.project(service.projectId);
        List<State.EnvironmentRec> targets;
        if (caller.isProjectToken()) {
            State.EnvironmentRec environment = store.environment(
                    environmentId == null ? caller.token().environmentId : environmentId);
            caller.requireEnvironment(store.state(), environment);
            targets = List.of(environment);
        } else {
            caller.requireProjectAdmin(store.state(), project);
            if (environmentId != null) {
                store.requireInstance(store.environment(environmentId), serviceId);
            }
            targets = reach(store, project, environmentId).stream()
                    .filter(e -> store.hasInstance(e, serviceId)).toList();
        }
        if (targets.isEmpty()) {
            throw new SandboxException("ServiceInstance not found");
        }
        // Work on copies first so that a refused input changes nothing anywhere; an instance the
        // input leaves as it was is not written and not deployed (a no-op is no deployment).
        Map<State.EnvironmentRec, ObjectNode> updated = new LinkedHashMap<>();
        for (State.EnvironmentRec environment : targets) {
            ObjectNode current = store.requireInstance(environment, serviceId);
            ObjectNode copy = current.deepCopy();
            ConfigMapping.applyUpdate(copy, input);
            if (!copy.equals(current)) {
                InstanceRules.check(InstanceRules.plan(store, environment), copy);
                updated.put(environment, copy);
            }
        }
        updated.forEach((environment, config) -> {
            ObjectNode before = store.serviceConfig(environment, serviceId);
            Json.child(environment.config, "services").set(serviceId, config);
            store.touched(environment);
            if (ConfigMapping.needsDeploy(before, config)) {
                store.deploy(environment, serviceId);
            }
        });
        return true;
    }

    /**
     * serviceInstanceLimitsUpdate: that one instance, within the plan's limits per replica; one
     * deployment, none when the limits stay as they were.
     */
    static boolean updateLimits(Store store, Caller caller, Map<String, Object> input) {
        State.EnvironmentRec environment = store.environment((String) input.get("environmentId"));
        caller.requireEnvironment(store.state(), environment);
        String serviceId = (String) input.get("serviceId");
        store.service(serviceId);
        String plan = InstanceRules.plan(store, environment);
        InstanceRules.PlanLimits limits = InstanceRules.limits(plan);
        if (input.get("vCPUs") != null) {
            InstanceRules.vcpus(plan, limits, ((Number) input.get("vCPUs")).doubleValue());
        }
        if (input.get("memoryGB") != null) {
            InstanceRules.memoryGb(plan, limits, ((Number) input.get("memoryGB")).doubleValue());
        }
        ObjectNode config = store.requireInstance(environment, serviceId);
        ObjectNode copy = config.deepCopy();
        ConfigMapping.applyLimits(copy, input);
        ObjectNode containers = Json.at(copy, "deploy", "limitOverride", "containers");
        if (containers != null && containers.isEmpty()) {
            // Removing every limit leaves no empty limitOverride behind.
            Json.at(copy, "deploy").remove("limitOverride");
        }
        if (copy.equals(config)) {
            return true;
        }
        Json.child(environment.config, "services").set(serviceId, copy);
        store.touched(environment);
        store.deploy(environment, serviceId);
        return true;
    }

    /**
     * Whether an instance has something to deploy: a repo or an image. A service without a source
     * has nothing to build, so nothing a change does deploys it (the Railway facts;
     * docs/railway-semantics.md).
     */
    static boolean hasSource(JsonNode instance) {
        ObjectNode source = Json.at(instance, "source");
        return ConfigMapping.text(source, "repo") != null || ConfigMapping.text(source, "image") != null;
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    /**
     * Service names are unique in a project (references such as ${{api.PORT}} name them), with
     * the message Railway answers; a name must not be blank or hold control characters.
     */
    private static void requireFreeName(Store store, String projectId, String name, String exceptId) {
        ProjectOps.requireName("Service", name);
        State.ServiceRec other = store.serviceNamed(projectId, name);
        if (other != null && !other.id.equals(exceptId)) {
            throw new SandboxException("A service named \"" + name + "\" already exists in this project");
        }
    }
}
