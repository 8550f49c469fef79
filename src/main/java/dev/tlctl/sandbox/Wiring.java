package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the SDL's fields get their values. The rule for every field without a fetcher of its own:
 * answer the key of the parent's view map when the map has it; otherwise (and on the root types)
 * fail with "tlctl sandbox does not implement Type.field", never a silent null.
 */
final class Wiring {
    /**
     * What every fetcher needs: the store, and who is asking (null: no or unknown token;
     * {@code projectTokenSent}: the unknown token came as Project-Access-Token).
     */
    record Context(Store store, Caller caller, boolean projectTokenSent) {
        State state() {
            return store.state();
        }

        /** The caller; an unknown project token is Railway's "Project Token not found", anything else "Not Authorized". */
        Caller requireCaller() {
            if (caller == null) {
                throw projectTokenSent ? new SandboxException(SandboxException.PROJECT_TOKEN_NOT_FOUND)
                        : SandboxException.notAuthorized();
            }
            return caller;
        }
    }

    /** A fetcher body with the request context at hand. */
    interface Fetch {
        Object get(Context context, DataFetchingEnvironment env);
    }

    private Wiring() {}

    static String notImplemented(String type, String field) {
        return "tlctl sandbox does not implement " + type + "." + field;
    }

    static RuntimeWiring runtimeWiring() {
        RuntimeWiring.Builder builder = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.dateTime())
                .scalar(Scalars.json("JSON"))
                .scalar(Scalars.json("EnvironmentConfig"))
                .scalar(Scalars.json("EnvironmentVariables"))
                .scalar(Scalars.json("SubscriptionPlanLimit"))
                .scalar(Scalars.json("SkippedResourceIds"))
                .scalar(Scalars.json("RailpackInfo"))
                .scalar(Scalars.json("DeploymentMeta"))
                .scalar(Scalars.json("DeploymentDiagnosis"))
                .scalar(Scalars.json("BigInt"))
                .scalar(Scalars.json("SpendCommitmentFeatureId"))
                .wiringFactory(new WiringFactory() {
                    @Override
                    public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment env) {
                        return viewOrNotImplemented(env.getParentType().getName(), env.getFieldDefinition().getName());
                    }
                });
        builder.type(RootFetchers.query());
        builder.type(RootFetchers.mutation());
        types().forEach(builder::type);
        return builder.build();
    }

    private static DataFetcher<Object> viewOrNotImplemented(String type, String field) {
        return env -> {
            Object source = env.getSource();
            if (source instanceof Map<?, ?> view && view.containsKey(field)) {
                return view.get(field);
            }
            throw new SandboxException(notImplemented(type, field));
        };
    }

    static Context context(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(Context.class);
    }

    /** A root field: needs a known token. */
    static DataFetcher<Object> root(Fetch fetch) {
        return env -> {
            Context context = context(env);
            context.requireCaller();
            return fetch.get(context, env);
        };
    }

    static DataFetcher<Object> nested(Fetch fetch) {
        return env -> fetch.get(context(env), env);
    }

    static String sourceKey(DataFetchingEnvironment env, String key) {
        return (String) ((Map<?, ?>) env.getSource()).get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> input(DataFetchingEnvironment env) {
        return (Map<String, Object>) env.getArgument("input");
    }

    private static List<TypeRuntimeWiring> types() {
        List<TypeRuntimeWiring> types = new ArrayList<>();
        types.add(TypeRuntimeWiring.newTypeWiring("User")
                .dataFetcher("workspaces", nested((c, env) -> c.requireCaller().workspaces(c.state()).stream()
                        .map(Views::workspace).toList()))
                // The user's personal workspace, and its projects (as root projects without workspaceId).
                .dataFetcher("workspace", nested((c, env) -> personalWorkspace(c, sourceKey(env, "id"))
                        .map(Views::workspace).orElse(null)))
                .dataFetcher("projects", nested((c, env) -> Connections.page(personalWorkspace(c, sourceKey(env, "id"))
                        .map(w -> listedProjects(c, w.id)).orElse(List.of()), Views::project, env)))
                .dataFetcher("providerAuths", nested((c, env) -> Connections.page(c.state().users.stream()
                        .filter(u -> u.id.equals(sourceKey(env, "id"))).findFirst().map(AccountViews::providerAuths)
                        .orElse(List.of()), a -> a, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Workspace")
                .dataFetcher("customer", nested((c, env) ->
                        Views.customer(c.store(), c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("projects", nested((c, env) ->
                        Connections.page(listedProjects(c, sourceKey(env, "id")), Views::project, env)))
                .dataFetcher("members", nested((c, env) ->
                        AccountViews.members(c.state(), c.store().workspace(sourceKey(env, "id")), true)))
                .dataFetcher("projectCount", nested((c, env) -> {
                    String workspaceId = sourceKey(env, "id");
                    boolean deleted = Boolean.TRUE.equals(env.getArgument("includeDeleted"));
                    return (int) c.state().projects.stream()
                            .filter(p -> p.workspaceId.equals(workspaceId) && (deleted || p.deletedAt == null)).count();
                }))
                // SAML identity providers are an enterprise feature the sandbox has none of.
                .dataFetcher("identityProviders", nested((c, env) -> Connections.page(List.of(), p -> p, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Team")
                .dataFetcher("customer", nested((c, env) ->
                        Views.customer(c.store(), c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("workspace", nested((c, env) -> Views.workspace(c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("members", nested((c, env) ->
                        AccountViews.members(c.state(), c.store().workspace(sourceKey(env, "id")), false)))
                .dataFetcher("teamPermissions", nested((c, env) ->
                        AccountViews.teamPermissions(c.state(), c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("projects", nested((c, env) ->
                        Connections.page(listedProjects(c, sourceKey(env, "id")), Views::project, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Customer")
                .dataFetcher("workspace", nested((c, env) -> c.state().workspaces.stream()
                        .filter(w -> w.customer != null && w.customer.id.equals(sourceKey(env, "id"))).findFirst()
                        .map(Views::workspace).orElseThrow(() -> new SandboxException("Customer not found"))))
                // No credits were ever granted in the sandbox.
                .dataFetcher("credits", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .build());
        // Railway has removed plugins: none exists, so these connections are always empty.
        types.add(TypeRuntimeWiring.newTypeWiring("Plugin")
                .dataFetcher("containers", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .dataFetcher("variables", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("ProjectToken")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .build());
        types.add(projectType());
        types.add(TypeRuntimeWiring.newTypeWiring("Volume")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .dataFetcher("volumeInstances", nested((c, env) -> {
                    String volumeId = sourceKey(env, "id");
                    List<Map<String, Object>> instances = new ArrayList<>();
                    for (State.EnvironmentRec environment : c.store().environmentsOf(sourceKey(env, "projectId"))) {
                        if (c.requireCaller().canSeeEnvironment(environment)) {
                            ConfigViews.volumeInstances(c.store(), environment).stream()
                                    .filter(v -> volumeId.equals(v.get("volumeId"))).forEach(instances::add);
                        }
                    }
                    return Connections.page(instances, v -> v, env);
                }))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("VolumeInstance")
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .dataFetcher("service", nested((c, env) -> {
                    String serviceId = sourceKey(env, "serviceId");
                    if (serviceId == null) {
                        throw new SandboxException("VolumeInstance " + sourceKey(env, "id") + " is mounted by no service");
                    }
                    return Views.service(c.store().serviceAny(serviceId));
                }))
                .dataFetcher("volume", nested((c, env) -> c.state().volumes.stream()
                        .filter(v -> v.id.equals(sourceKey(env, "volumeId"))).findFirst().map(Views::volume)
                        .orElseThrow(() -> new SandboxException("Volume not found"))))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Bucket")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .build());
        types.add(environmentType());
        types.add(TypeRuntimeWiring.newTypeWiring("EnvironmentPatch")
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .dataFetcher("patch", nested((c, env) -> Json.toJava(Patches.masked(
                        Staging.patch(c.store().environmentAny(sourceKey(env, "environmentId"))),
                        Boolean.TRUE.equals(env.getArgument("decryptVariables"))))))
                .build());
        types.add(serviceType());
        types.add(instanceType());
        types.add(TypeRuntimeWiring.newTypeWiring("Variable")
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .dataFetcher("service", nested((c, env) -> {
                    String serviceId = sourceKey(env, "serviceId");
                    if (serviceId == null) {
                        throw new SandboxException("Variable " + sourceKey(env, "name") + " is a shared variable: it has"
                                + " no service");
                    }
                    return Views.service(c.store().serviceAny(serviceId));
                }))
                .dataFetcher("plugin", nested((c, env) -> {
                    throw new SandboxException("Variable " + sourceKey(env, "name") + " belongs to no plugin (Railway"
                            + " has removed plugins)");
                }))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Deployment")
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .dataFetcher("service", nested((c, env) -> Views.service(c.store().serviceAny(sourceKey(env, "serviceId")))))
                .dataFetcher("canRedeploy", nested((c, env) -> live(c, sourceKey(env, "environmentId"),
                        sourceKey(env, "serviceId"))))
                .dataFetcher("canRollback", nested((c, env) -> "REMOVED".equals(sourceKey(env, "status"))
                        && live(c, sourceKey(env, "environmentId"), sourceKey(env, "serviceId"))))
                .dataFetcher("instances", nested((c, env) -> {
                    if (!"SUCCESS".equals(sourceKey(env, "status"))) {
                        return List.of();
                    }
                    State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "environmentId"));
                    ObjectNode instance = c.store().serviceConfig(environment, sourceKey(env, "serviceId"));
                    Integer replicas = ConfigMapping.numReplicas(Json.at(instance, "deploy"));
                    List<Map<String, Object>> running = new ArrayList<>();
                    for (int i = 0; i < (replicas == null ? 1 : replicas); i++) {
                        running.add(Map.of("id", Ids.derived(sourceKey(env, "id"), "instance", Integer.toString(i)),
                                "status", "RUNNING"));
                    }
                    return running;
                }))
                .build());
        return types;
    }

    /** The personal workspace of a user (the one root projects without workspaceId lists). */
    private static java.util.Optional<State.WorkspaceRec> personalWorkspace(Context c, String userId) {
        return c.state().workspaces.stream().filter(w -> userId.equals(w.personalOf)).findFirst();
    }

    /** A workspace's live projects as lists show them (a new one a moment after its create). */
    private static List<State.ProjectRec> listedProjects(Context c, String workspaceId) {
        return c.state().projects.stream()
                .filter(p -> p.workspaceId.equals(workspaceId) && p.deletedAt == null)
                .filter(p -> Consistency.listed(c.store(), p)).toList();
    }

    /** Whether the deployment's instance still exists: its environment and service live, the instance there. */
    private static boolean live(Context c, String environmentId, String serviceId) {
        State.EnvironmentRec environment = c.store().environmentAny(environmentId);
        State.ServiceRec service = c.store().serviceAny(serviceId);
        return environment != null && environment.deletedAt == null && service != null && service.deletedAt == null
                && c.store().hasInstance(environment, serviceId);
    }

    /** The deployments of live environments and services the caller can see, newest first. */
    private static List<State.DeploymentRec> visibleDeployments(Context c, java.util.function.Predicate<State.DeploymentRec> filter) {
        return RootFetchers.newestFirst(c.state(), d -> {
            State.EnvironmentRec environment = c.store().environmentAny(d.environmentId);
            State.ServiceRec service = c.store().serviceAny(d.serviceId);
            return filter.test(d) && environment != null && environment.deletedAt == null && service != null
                    && service.deletedAt == null && c.requireCaller().canSeeEnvironment(environment);
        });
    }

    private static TypeRuntimeWiring projectType() {
        return TypeRuntimeWiring.newTypeWiring("Project")
                .dataFetcher("workspace", nested((c, env) -> {
                    c.requireCaller().requireBearer();
                    return Views.workspace(c.store().workspace(sourceKey(env, "workspaceId")));
                }))
                .dataFetcher("team", nested((c, env) -> {
                    c.requireCaller().requireBearer();
                    return Views.team(c.store().workspace(sourceKey(env, "workspaceId")));
                }))
                .dataFetcher("baseEnvironment", nested((c, env) -> {
                    State.EnvironmentRec base = c.store().environmentAny(sourceKey(env, "baseEnvironmentId"));
                    return base == null || base.deletedAt != null || !c.requireCaller().canSeeEnvironment(base) ? null
                            : Views.environment(base);
                }))
                .dataFetcher("environments", nested((c, env) -> {
                    Boolean ephemeral = env.getArgument("isEphemeral");
                    List<State.EnvironmentRec> environments = new ArrayList<>(c.store().environmentsOf(sourceKey(env, "id"))
                            .stream().filter(e -> c.requireCaller().canSeeEnvironment(e))
                            .filter(e -> ephemeral == null || e.isEphemeral == ephemeral).toList());
                    if ("desc".equals(env.getArgument("sort"))) {
                        java.util.Collections.reverse(environments);
                    }
                    return Connections.page(environments, Views::environment, env);
                }))
                .dataFetcher("services", nested((c, env) ->
                        Connections.page(c.store().servicesOf(sourceKey(env, "id")), Views::service, env)))
                .dataFetcher("volumes", nested((c, env) -> {
                    String projectId = sourceKey(env, "id");
                    List<State.VolumeRec> volumes = c.state().volumes.stream()
                            .filter(v -> v.projectId.equals(projectId)).toList();
                    return Connections.page(volumes, Views::volume, env);
                }))
                .dataFetcher("buckets", nested((c, env) -> {
                    String projectId = sourceKey(env, "id");
                    return Connections.page(c.state().buckets.stream().filter(b -> b.projectId.equals(projectId)).toList(),
                            Views::bucket, env);
                }))
                .dataFetcher("deployments", nested((c, env) -> {
                    String projectId = sourceKey(env, "id");
                    return Connections.page(visibleDeployments(c, d -> d.projectId.equals(projectId)), Views::deployment,
                            env);
                }))
                .dataFetcher("deploymentTriggers", nested((c, env) -> {
                    List<Map<String, Object>> triggers = new ArrayList<>();
                    for (State.EnvironmentRec environment : c.store().environmentsOf(sourceKey(env, "id"))) {
                        if (c.requireCaller().canSeeEnvironment(environment)) {
                            for (String serviceId : c.store().instanceServiceIds(environment)) {
                                triggers.addAll(ConfigViews.deploymentTriggers(environment, serviceId,
                                        c.store().serviceConfig(environment, serviceId)));
                            }
                        }
                    }
                    return Connections.page(triggers, t -> t, env);
                }))
                .dataFetcher("groups", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .dataFetcher("plugins", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .dataFetcher("members", nested((c, env) ->
                        Views.members(c.state(), c.store().workspace(sourceKey(env, "workspaceId")))))
                .dataFetcher("projectPermissions", nested((c, env) -> Connections.page(Views.permissions(c.state(),
                        c.store().workspace(sourceKey(env, "workspaceId")), sourceKey(env, "id")), p -> p, env)))
                .dataFetcher("subscriptionPlanLimit", nested((c, env) ->
                        Views.planLimit(c.store().workspace(sourceKey(env, "workspaceId")))))
                .dataFetcher("subscriptionType", nested((c, env) -> c.store().workspace(sourceKey(env, "workspaceId"))
                        .plan.toLowerCase(java.util.Locale.ROOT)))
                .build();
    }

    private static TypeRuntimeWiring serviceType() {
        return TypeRuntimeWiring.newTypeWiring("Service")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .dataFetcher("deployments", nested((c, env) -> {
                    String serviceId = sourceKey(env, "id");
                    return Connections.page(visibleDeployments(c, d -> serviceId.equals(d.serviceId)), Views::deployment,
                            env);
                }))
                .dataFetcher("serviceInstances", nested((c, env) -> {
                    State.ServiceRec service = c.store().serviceAny(sourceKey(env, "id"));
                    List<State.EnvironmentRec> environments = c.store().environmentsOf(service.projectId).stream()
                            .filter(e -> c.requireCaller().canSeeEnvironment(e) && c.store().hasInstance(e, service.id))
                            .toList();
                    return Connections.page(environments, e -> ConfigMapping.serviceInstance(e, service,
                            c.store().serviceConfig(e, service.id)), env);
                }))
                .dataFetcher("repoTriggers", nested((c, env) -> {
                    State.ServiceRec service = c.store().serviceAny(sourceKey(env, "id"));
                    List<Map<String, Object>> triggers = new ArrayList<>();
                    for (State.EnvironmentRec environment : c.store().environmentsOf(service.projectId)) {
                        if (c.requireCaller().canSeeEnvironment(environment) && c.store().hasInstance(environment, service.id)) {
                            triggers.addAll(ConfigViews.deploymentTriggers(environment, service.id,
                                    c.store().serviceConfig(environment, service.id)));
                        }
                    }
                    return Connections.page(triggers, t -> t, env);
                }))
                .build();
    }

    private static TypeRuntimeWiring instanceType() {
        return TypeRuntimeWiring.newTypeWiring("ServiceInstance")
                .dataFetcher("service", nested((c, env) -> Views.service(c.store().serviceAny(sourceKey(env, "serviceId")))))
                .dataFetcher("latestDeployment", nested((c, env) -> {
                    State.DeploymentRec latest = Deploys.latest(c.store(), sourceKey(env, "environmentId"),
                            sourceKey(env, "serviceId"));
                    return latest == null ? null : Views.deployment(latest);
                }))
                .dataFetcher("activeDeployments", nested((c, env) -> {
                    State.DeploymentRec latest = Deploys.latest(c.store(), sourceKey(env, "environmentId"),
                            sourceKey(env, "serviceId"));
                    return latest == null || !"SUCCESS".equals(latest.status) ? List.of()
                            : List.of(Views.deployment(latest));
                }))
                .dataFetcher("domains", nested((c, env) -> {
                    State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "environmentId"));
                    String serviceId = sourceKey(env, "serviceId");
                    return ConfigViews.domains(environment, serviceId, c.store().serviceConfig(environment, serviceId));
                }))
                .dataFetcher("nextCronRunAt", nested((c, env) -> {
                    String cron = sourceKey(env, "cronSchedule");
                    if (cron == null || cron.isBlank()) {
                        return null;
                    }
                    java.time.Instant next = Cron.parse(cron).nextRun(c.store().clock().instant());
                    return next == null ? null : next.toString();
                }))
                .build();
    }

    private static TypeRuntimeWiring environmentType() {
        return TypeRuntimeWiring.newTypeWiring("Environment")
                .dataFetcher("canAccess", nested((c, env) ->
                        c.requireCaller().canAccess(c.state(), c.store().environmentAny(sourceKey(env, "id")))))
                .dataFetcher("config", nested((c, env) -> {
                    boolean decrypt = Boolean.TRUE.equals(env.getArgument("decryptVariables"));
                    State.EnvironmentRec environment = opened(c, env);
                    return Json.toJava(Patches.masked(environment.config, decrypt));
                }))
                .dataFetcher("configEtag", nested((c, env) -> Patches.etag(opened(c, env).config)))
                .dataFetcher("meta", nested((c, env) -> Views.environmentMeta(
                        c.store().environmentAny(sourceKey(env, "id")))))
                .dataFetcher("sourceEnvironment", nested((c, env) -> {
                    State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "id"));
                    State.EnvironmentRec source = c.store().environmentAny(environment.sourceEnvironmentId);
                    return source == null ? null : Views.environment(source);
                }))
                .dataFetcher("serviceInstances", nested((c, env) -> {
                    State.EnvironmentRec environment = opened(c, env);
                    List<String> serviceIds = c.store().instanceServiceIds(environment).stream()
                            .filter(id -> c.store().serviceAny(id) != null).toList();
                    return Connections.page(serviceIds, serviceId -> ConfigMapping.serviceInstance(environment,
                            c.store().serviceAny(serviceId), c.store().serviceConfig(environment, serviceId)), env);
                }))
                .dataFetcher("variables", nested((c, env) -> Connections.page(
                        Variables.nodes(c.store(), opened(c, env)), v -> v, env)))
                .dataFetcher("deployments", nested((c, env) -> {
                    String environmentId = opened(c, env).id;
                    return Connections.page(RootFetchers.newestFirst(c.state(), d -> d.environmentId.equals(environmentId)),
                            Views::deployment, env);
                }))
                .dataFetcher("deploymentTriggers", nested((c, env) -> {
                    State.EnvironmentRec environment = opened(c, env);
                    List<Map<String, Object>> triggers = new ArrayList<>();
                    for (String serviceId : c.store().instanceServiceIds(environment)) {
                        triggers.addAll(ConfigViews.deploymentTriggers(environment, serviceId,
                                c.store().serviceConfig(environment, serviceId)));
                    }
                    return Connections.page(triggers, t -> t, env);
                }))
                .dataFetcher("volumeInstances", nested((c, env) -> Connections.page(
                        ConfigViews.volumeInstances(c.store(), opened(c, env)), v -> v, env)))
                .build();
    }

    /**
     * The environment of an Environment view, when the caller may open its resources: a
     * restricted one (environment RBAC) is "Not Authorized", and as these fields are non-null the
     * refusal nulls whatever holds the environment, up to the whole answer.
     */
    private static State.EnvironmentRec opened(Context c, DataFetchingEnvironment env) {
        State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "id"));
        c.requireCaller().requireAccess(c.state(), environment);
        return environment;
    }
}
