package dev.tlctl.sandbox;

import java.util.List;
import java.util.Map;

/** Projects and environments: create, update, rename, delete (all soft deletes), and forking. */
final class ProjectOps {
    static final String DEFAULT_ENVIRONMENT_NAME = "production";

    private ProjectOps() {}

    /**
     * projectCreate: the project and its default environment ("production" unless named). The
     * workspace defaults to the token's only workspace.
     */
    static State.ProjectRec create(Store store, Caller caller, Map<String, Object> input) {
        caller.requireBearer();
        State state = store.state();
        String workspaceId = (String) input.get("workspaceId");
        if (workspaceId == null) {
            List<State.WorkspaceRec> reachable = caller.workspaces(state);
            if (reachable.isEmpty()) {
                throw SandboxException.notAuthorized();
            }
            if (reachable.size() > 1) {
                throw new SandboxException("workspaceId is required: this token reaches "
                        + reachable.size() + " workspaces");
            }
            workspaceId = reachable.get(0).id;
        } else {
            store.workspace(workspaceId);
            caller.requireWorkspace(state, workspaceId);
        }
        String environmentName = (String) input.get("defaultEnvironmentName");
        if (environmentName != null && environmentName.isBlank()) {
            throw new SandboxException("defaultEnvironmentName must not be blank");
        }
        String name = (String) input.get("name");
        if (name != null && !name.isBlank()) {
            requireName("Project", name);
        }
        // The default environment comes with the project: it spends no environment quota (an
        // assumption, docs/railway-semantics.md).
        Quotas.project(store, workspaceId);
        State.ProjectRec project = new State.ProjectRec();
        project.id = store.newId();
        project.name = name == null || name.isBlank() ? "sandbox-" + project.id.substring(0, 8) : name;
        project.description = (String) input.get("description");
        project.workspaceId = workspaceId;
        project.isPublic = Boolean.TRUE.equals(input.get("isPublic"));
        project.prDeploys = Boolean.TRUE.equals(input.get("prDeploys"));
        project.createdAt = store.now();
        project.updatedAt = project.createdAt;
        project.listedAt = Consistency.visibleAt(store);
        state.projects.add(project);
        newEnvironment(store, project, environmentName == null ? DEFAULT_ENVIRONMENT_NAME : environmentName, null, false);
        return project;
    }

    static State.ProjectRec update(Store store, Caller caller, String id, Map<String, Object> input) {
        State.ProjectRec project = store.project(id);
        caller.requireProjectAdmin(store.state(), project);
        if (input.containsKey("name")) {
            String name = (String) input.get("name");
            if (name == null || name.isBlank()) {
                throw new SandboxException("name must not be blank");
            }
            requireName("Project", name);
            project.name = name;
        }
        if (input.containsKey("description")) {
            project.description = (String) input.get("description");
        }
        if (input.containsKey("baseEnvironmentId")) {
            String base = (String) input.get("baseEnvironmentId");
            if (base != null && !store.environment(base).projectId.equals(project.id)) {
                throw new SandboxException("Environment not found");
            }
            project.baseEnvironmentId = base;
        }
        project.isPublic = flag(input, "isPublic", project.isPublic);
        project.prDeploys = flag(input, "prDeploys", project.prDeploys);
        project.botPrEnvironments = flag(input, "botPrEnvironments", project.botPrEnvironments);
        project.focusedPrEnvironments = flag(input, "focusedPrEnvironments", project.focusedPrEnvironments);
        project.updatedAt = store.now();
        store.markDirty();
        return project;
    }

    private static boolean flag(Map<String, Object> input, String key, boolean current) {
        Object value = input.get(key);
        return value == null ? current : (Boolean) value;
    }

    /** projectDelete: a soft delete (deletedAt); the project leaves every list unless includeDeleted. */
    static boolean delete(Store store, Caller caller, String id) {
        State.ProjectRec project = store.project(id);
        caller.requireProjectAdmin(store.state(), project);
        project.deletedAt = store.now();
        project.updatedAt = project.deletedAt;
        store.markDirty();
        return true;
    }

    /**
     * environmentCreate. Without a source: a non-fork environment with no service instances.
     * With sourceEnvironmentId: a fork of it (sourceEnvironment set) whose config is a deep copy
     * of the source's without its sealed variables (Railway does not copy them), with one
     * deployment per copied instance unless skipInitialDeploys. With stageInitialChanges the copy
     * is staged instead (every service marked isCreated), for environmentPatchCommitStaged to
     * commit; nothing is deployed yet. applyChangesInBackground is accepted: changes apply at once.
     */
    static State.EnvironmentRec createEnvironment(Store store, Caller caller, Map<String, Object> input) {
        State.ProjectRec project = store.project((String) input.get("projectId"));
        caller.requireProjectAdmin(store.state(), project);
        String name = (String) input.get("name");
        String sourceId = (String) input.get("sourceEnvironmentId");
        State.EnvironmentRec source = null;
        if (sourceId != null) {
            source = store.environment(sourceId);
            if (!source.projectId.equals(project.id)) {
                throw new SandboxException("Environment not found");
            }
        }
        requireFreeName(store, project.id, name, null);
        Quotas.environment(store, caller);
        boolean stage = source != null && Boolean.TRUE.equals(input.get("stageInitialChanges"));
        State.EnvironmentRec environment = newEnvironment(store, project, name, source,
                Boolean.TRUE.equals(input.get("ephemeral")));
        if (stage) {
            Staging.stageInitial(store, environment, environment.config);
            environment.config = Json.MAPPER.createObjectNode();
            store.touched(environment);
        } else if (source != null && !Boolean.TRUE.equals(input.get("skipInitialDeploys"))) {
            for (String serviceId : store.instanceServiceIds(environment)) {
                store.deploy(environment, serviceId);
            }
        }
        return environment;
    }

    static State.EnvironmentRec newEnvironment(Store store, State.ProjectRec project, String name,
                                                       State.EnvironmentRec source, boolean ephemeral) {
        requireFreeName(store, project.id, name, null);
        State.EnvironmentRec environment = new State.EnvironmentRec();
        environment.id = store.newId();
        environment.projectId = project.id;
        environment.name = name;
        environment.isEphemeral = ephemeral;
        environment.createdAt = store.now();
        if (source != null) {
            environment.sourceEnvironmentId = source.id;
            environment.config = Variables.withoutSealed(source.config);
            Domains.regenerate(store, environment);
        }
        store.state().environments.add(environment);
        store.touched(environment);
        return environment;
    }

    static State.EnvironmentRec rename(Store store, Caller caller, String id, String name) {
        State.EnvironmentRec environment = store.environment(id);
        caller.requireProjectAdmin(store.state(), store.project(environment.projectId));
        requireFreeName(store, environment.projectId, name, environment.id);
        environment.name = name;
        environment.updatedAt = store.now();
        store.markDirty();
        return environment;
    }

    /**
     * environmentDelete: a soft delete; the environment's deployments stay on record. Its service
     * instances, variables and volume instances go with its config; a volume with no instance
     * left in any other environment goes too. Every other environment is untouched.
     */
    static boolean deleteEnvironment(Store store, Caller caller, String id) {
        State.EnvironmentRec environment = store.environment(id);
        caller.requireProjectAdmin(store.state(), store.project(environment.projectId));
        java.util.Set<String> itsVolumes = volumeIds(store, environment);
        environment.deletedAt = store.now();
        environment.updatedAt = environment.deletedAt;
        for (State.EnvironmentRec other : store.environmentsOf(environment.projectId)) {
            itsVolumes.removeAll(volumeIds(store, other));
        }
        store.state().volumes.removeIf(v -> itsVolumes.contains(v.id));
        store.markDirty();
        return true;
    }

    private static java.util.Set<String> volumeIds(Store store, State.EnvironmentRec environment) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        ConfigViews.volumeInstances(store, environment).forEach(v -> ids.add((String) v.get("volumeId")));
        return ids;
    }

    /** Project, environment and service names: not blank, no control characters (tabs, newlines, ...). */
    static void requireName(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new SandboxException(kind + " name must not be blank");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new SandboxException(kind + " name must not contain control characters");
        }
    }

    private static void requireFreeName(Store store, String projectId, String name, String exceptId) {
        requireName("Environment", name);
        for (State.EnvironmentRec other : store.environmentsOf(projectId)) {
            if (other.name.equals(name) && !other.id.equals(exceptId)) {
                throw new SandboxException("Environment with name " + name + " already exists in this project");
            }
        }
    }
}
