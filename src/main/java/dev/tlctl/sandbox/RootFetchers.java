package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.Wiring.input;
import static dev.tlctl.sandbox.Wiring.root;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The Query and Mutation fields: check the token's reach, then read views or call the operations. */
final class RootFetchers {
    private RootFetchers() {}

    static TypeRuntimeWiring query() {
        return TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("me", root((c, env) -> {
                    c.caller().requireAccount();
                    String userId = c.caller().token().userId;
                    return Views.user(c.state().users.stream().filter(u -> u.id.equals(userId)).findFirst()
                            .orElseThrow(SandboxException::notAuthorized));
                }))
                .dataFetcher("apiToken", root((c, env) -> {
                    c.caller().requireBearer();
                    return Map.of("workspaces", c.caller().workspaces(c.state()).stream()
                            .map(Views::apiTokenWorkspace).toList());
                }))
                .dataFetcher("projectToken", root((c, env) -> {
                    if (!c.caller().isProjectToken()) {
                        throw SandboxException.notAuthorized();
                    }
                    return Views.projectToken(c.caller().token());
                }))
                .dataFetcher("workspace", root((c, env) -> {
                    c.caller().requireBearer();
                    State.WorkspaceRec workspace = c.store().workspace(env.getArgument("workspaceId"));
                    c.caller().requireWorkspace(c.state(), workspace.id);
                    return Views.workspace(workspace);
                }))
                .dataFetcher("projects", root(RootFetchers::projects))
                .dataFetcher("externalWorkspaces", root((c, env) -> {
                    c.caller().requireBearer();
                    return Views.externalWorkspaces(c.store(), c.caller(), env.getArgument("projectId"));
                }))
                .dataFetcher("project", root((c, env) -> {
                    State.ProjectRec project = c.store().project(env.getArgument("id"));
                    c.caller().requireProjectRead(c.state(), project);
                    return Views.project(project);
                }))
                .dataFetcher("environments", root((c, env) -> {
                    State.ProjectRec project = c.store().project(env.getArgument("projectId"));
                    c.caller().requireProjectRead(c.state(), project);
                    Boolean ephemeral = env.getArgument("isEphemeral");
                    List<State.EnvironmentRec> environments = c.store().environmentsOf(project.id).stream()
                            .filter(e -> c.caller().canSeeEnvironment(e))
                            .filter(e -> ephemeral == null || e.isEphemeral == ephemeral).toList();
                    return Connections.page(environments, Views::environment, env);
                }))
                .dataFetcher("environment", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("id"));
                    String projectId = env.getArgument("projectId");
                    if (projectId != null && !projectId.equals(environment.projectId)) {
                        throw new SandboxException("Environment not found");
                    }
                    c.caller().requireEnvironmentVisible(c.state(), environment);
                    return Views.environment(environment);
                }))
                .dataFetcher("environmentStagedChanges", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return Staging.view(environment);
                }))
                .dataFetcher("environmentPatches", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return Connections.page(PatchHistory.list(c.store(), environment), v -> v, env);
                }))
                .dataFetcher("environmentPatch", root((c, env) -> PatchHistory.find(c, env.getArgument("id"))))
                .dataFetcher("regions", root((c, env) -> {
                    String projectId = env.getArgument("projectId");
                    if (projectId != null) {
                        c.caller().requireProjectRead(c.state(), c.store().project(projectId));
                    }
                    return Regions.views();
                }))
                .dataFetcher("variablesForServiceDeployment", root((c, env) -> {
                    State.EnvironmentRec environment = environmentOf(c, env.getArgument("projectId"),
                            env.getArgument("environmentId"));
                    String serviceId = env.getArgument("serviceId");
                    c.store().instanceOf(environment, serviceId);
                    return Variables.forDeployment(c.store(), environment, serviceId);
                }))
                .dataFetcher("domains", root((c, env) -> {
                    State.EnvironmentRec environment = environmentOf(c, env.getArgument("projectId"),
                            env.getArgument("environmentId"));
                    String serviceId = env.getArgument("serviceId");
                    return ConfigViews.domains(environment, serviceId, c.store().instanceOf(environment, serviceId));
                }))
                .dataFetcher("environmentChangeSetApply", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return ChangeSets.poll(c.store(), environment, env.getArgument("id"));
                }))
                .dataFetcher("service", root((c, env) -> {
                    State.ServiceRec service = c.store().service(env.getArgument("id"));
                    c.caller().requireProjectRead(c.state(), c.store().project(service.projectId));
                    return Views.service(service);
                }))
                .dataFetcher("serviceInstance", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    State.ServiceRec service = c.store().service(env.getArgument("serviceId"));
                    return ConfigMapping.serviceInstance(environment, service,
                            c.store().requireInstance(environment, service.id));
                }))
                .dataFetcher("variables", root((c, env) -> {
                    State.EnvironmentRec environment = environmentOf(c, env.getArgument("projectId"),
                            env.getArgument("environmentId"));
                    String serviceId = env.getArgument("serviceId");
                    if (serviceId != null && !c.store().service(serviceId).projectId.equals(environment.projectId)) {
                        throw new SandboxException("Service not found");
                    }
                    return Variables.read(c.store(), environment, serviceId,
                            Boolean.TRUE.equals(env.getArgument("unrendered")));
                }))
                .dataFetcher("usage", root((c, env) -> Usage.usage(c.store(), usageScope(c, env),
                        env.getArgument("measurements"), env.getArgument("groupBy"), env.getArgument("startDate"),
                        env.getArgument("endDate"), Boolean.TRUE.equals(env.getArgument("includeDeleted")))))
                .dataFetcher("estimatedUsage", root((c, env) -> Usage.estimated(c.store(), usageScope(c, env),
                        env.getArgument("measurements"), Boolean.TRUE.equals(env.getArgument("includeDeleted")))))
                .build();
    }

    static TypeRuntimeWiring mutation() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("projectCreate", root((c, env) ->
                        Views.project(ProjectOps.create(c.store(), c.caller(), input(env)))))
                .dataFetcher("projectUpdate", root((c, env) ->
                        Views.project(ProjectOps.update(c.store(), c.caller(), env.getArgument("id"), input(env)))))
                .dataFetcher("projectDelete", root((c, env) ->
                        ProjectOps.delete(c.store(), c.caller(), env.getArgument("id"))))
                .dataFetcher("environmentCreate", root((c, env) ->
                        Views.environment(ProjectOps.createEnvironment(c.store(), c.caller(), input(env)))))
                .dataFetcher("environmentRename", root((c, env) -> Views.environment(ProjectOps.rename(
                        c.store(), c.caller(), env.getArgument("id"), (String) input(env).get("name")))))
                .dataFetcher("environmentDelete", root((c, env) ->
                        ProjectOps.deleteEnvironment(c.store(), c.caller(), env.getArgument("id"))))
                .dataFetcher("environmentPatchCommit", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return Patches.commit(c.store(), environment, env.getArgument("patch"), env.getArgument("commitMessage"));
                }))
                .dataFetcher("environmentStageChanges", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return Staging.stage(c.store(), environment, env.getArgument("input"), env.getArgument("merge"));
                }))
                .dataFetcher("environmentPatchCommitStaged", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return Staging.commit(c.store(), environment, env.getArgument("skipDeploys"),
                            env.getArgument("commitMessage"));
                }))
                .dataFetcher("environmentApplyChangeSet", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return ChangeSets.apply(c.store(), c.caller(), environment, env.getArgument("input"),
                            env.getArgument("baseConfigEtag"), env.getArgument("commitMessage"),
                            env.getArgument("waitForCompletion"));
                }))
                .dataFetcher("environmentPreviewChangeSet", root((c, env) -> {
                    State.EnvironmentRec environment = c.store().environment(env.getArgument("environmentId"));
                    c.caller().requireEnvironment(c.state(), environment);
                    return ChangeSets.preview(c.store(), c.caller(), environment, env.getArgument("input"));
                }))
                .dataFetcher("serviceCreate", root((c, env) ->
                        Views.service(ServiceOps.create(c.store(), c.caller(), input(env)))))
                .dataFetcher("serviceUpdate", root((c, env) ->
                        Views.service(ServiceOps.update(c.store(), c.caller(), env.getArgument("id"), input(env)))))
                .dataFetcher("serviceDelete", root((c, env) -> ServiceOps.delete(
                        c.store(), c.caller(), env.getArgument("id"), env.getArgument("environmentId"))))
                .dataFetcher("serviceConnect", root((c, env) ->
                        Views.service(ServiceOps.connect(c.store(), c.caller(), env.getArgument("id"), input(env)))))
                .dataFetcher("serviceInstanceUpdate", root((c, env) -> ServiceOps.updateInstance(c.store(), c.caller(),
                        env.getArgument("serviceId"), env.getArgument("environmentId"), input(env))))
                .dataFetcher("serviceInstanceLimitsUpdate", root((c, env) ->
                        ServiceOps.updateLimits(c.store(), c.caller(), input(env))))
                .dataFetcher("variableUpsert", root((c, env) -> {
                    Map<String, Object> input = input(env);
                    return upsert(c, input, Map.of((String) input.get("name"), (String) input.get("value")), false);
                }))
                .dataFetcher("variableCollectionUpsert", root((c, env) -> {
                    Map<String, Object> input = input(env);
                    return upsert(c, input, Variables.parseCollection(input.get("variables")),
                            Boolean.TRUE.equals(input.get("replace")));
                }))
                .dataFetcher("variableDelete", root((c, env) -> {
                    Map<String, Object> input = input(env);
                    State.EnvironmentRec environment = variableScope(c, input);
                    String serviceId = (String) input.get("serviceId");
                    List<String> targets = Variables.deployTargets(c.store(), environment, serviceId,
                            List.of((String) input.get("name")));
                    Lifecycle.requireNotBuilding(c.store(), environment, targets);
                    Variables.delete(c.store(), environment, serviceId, (String) input.get("name"));
                    targets.forEach(id -> c.store().deploy(environment, id));
                    return true;
                }))
                .dataFetcher("usageLimitSet", root((c, env) -> BillingOps.setLimit(c.store(), c.caller(), input(env))))
                .dataFetcher("usageLimitRemove", root((c, env) ->
                        BillingOps.removeLimit(c.store(), c.caller(), input(env))))
                .build();
    }

    /** variableUpsert and variableCollectionUpsert: write, then deploy the scope unless skipDeploys. */
    private static boolean upsert(Wiring.Context c, Map<String, Object> input, Map<String, String> values,
                                  boolean replace) {
        State.EnvironmentRec environment = variableScope(c, input);
        String serviceId = (String) input.get("serviceId");
        List<String> before = Variables.names(c.store(), environment, serviceId);
        boolean deploys = !Boolean.TRUE.equals(input.get("skipDeploys"));
        // replace: true removes the others too, so every name the scope held counts as changed.
        java.util.Set<String> names = new java.util.TreeSet<>(values.keySet());
        if (replace) {
            names.addAll(before);
        }
        // A service scope deploys itself; a shared write the instances that already reference a name.
        List<String> targets = deploys ? Variables.deployTargets(c.store(), environment, serviceId, names) : List.of();
        Lifecycle.requireNotBuilding(c.store(), environment, targets);
        Variables.upsert(c.store(), environment, serviceId, values, replace);
        targets.forEach(id -> c.store().deploy(environment, id));
        return true;
    }

    /** The environment of a variable input, after checking project, environment, service and the token's reach. */
    private static State.EnvironmentRec variableScope(Wiring.Context c, Map<String, Object> input) {
        State.EnvironmentRec environment = environmentOf(c, (String) input.get("projectId"),
                (String) input.get("environmentId"));
        String serviceId = (String) input.get("serviceId");
        if (serviceId != null) {
            c.store().instanceOf(environment, serviceId);
        }
        String name = (String) input.get("name");
        if (input.containsKey("name") && (name == null || name.isBlank())) {
            throw new SandboxException("Variable name must not be blank");
        }
        return environment;
    }

    static State.EnvironmentRec environmentOf(Wiring.Context c, String projectId, String environmentId) {
        State.ProjectRec project = c.store().project(projectId);
        State.EnvironmentRec environment = c.store().environment(environmentId);
        if (!environment.projectId.equals(project.id)) {
            throw new SandboxException("Environment not found");
        }
        c.caller().requireEnvironment(c.state(), environment);
        return environment;
    }

    private static Object projects(Wiring.Context c, DataFetchingEnvironment env) {
        c.caller().requireBearer();
        String userId = env.getArgument("userId");
        if (userId != null && !userId.equals(c.caller().token().userId)) {
            throw SandboxException.notAuthorized();
        }
        String workspaceId = env.getArgument("workspaceId");
        if (workspaceId != null) {
            c.store().workspace(workspaceId);
            c.caller().requireWorkspace(c.state(), workspaceId);
        }
        // Without workspaceId: the caller's personal projects only, which a workspace token has none of
        // (docs guides/manage-projects asks each workspace for its projects; railwayapp/docs issue #867).
        List<String> personal = c.caller().workspaces(c.state()).stream()
                .filter(w -> w.personalOf != null && w.personalOf.equals(c.caller().token().userId))
                .map(w -> w.id).toList();
        boolean includeDeleted = Boolean.TRUE.equals(env.getArgument("includeDeleted"));
        List<State.ProjectRec> projects = new ArrayList<>(c.state().projects.stream()
                .filter(p -> workspaceId == null ? personal.contains(p.workspaceId) : p.workspaceId.equals(workspaceId))
                .filter(p -> includeDeleted || p.deletedAt == null)
                .filter(p -> Consistency.listed(c.store(), p)).toList());
        String orderBy = env.getArgument("orderBy");
        if ("CREATED_AT_DESC".equals(orderBy)) {
            Collections.reverse(projects);
        } else if ("NAME_ASC".equals(orderBy)) {
            projects.sort(Comparator.comparing(p -> p.name));
        } else if ("UPDATED_AT_DESC".equals(orderBy)) {
            projects.sort(Comparator.comparing((State.ProjectRec p) -> Instant.parse(p.updatedAt)).reversed());
        }
        return Connections.page(projects, Views::project, env);
    }

    private static List<State.ProjectRec> usageScope(Wiring.Context c, DataFetchingEnvironment env) {
        return BillingOps.scope(c.store(), c.caller(), env.getArgument("projectId"), env.getArgument("workspaceId"),
                Boolean.TRUE.equals(env.getArgument("includeDeleted")));
    }
}
