package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.Wiring.nested;
import static dev.tlctl.sandbox.Wiring.sourceKey;

import dev.tlctl.sandbox.Wiring.Context;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The resolvers of a project's types: Project, Environment, EnvironmentPatch, Volume,
 * VolumeInstance and Bucket.
 */
final class ProjectFetchers {
    private ProjectFetchers() {}

    static List<TypeRuntimeWiring> types() {
        List<TypeRuntimeWiring> types = new ArrayList<>();
        types.add(projectType());
        types.add(environmentType());
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
        types.add(TypeRuntimeWiring.newTypeWiring("EnvironmentPatch")
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .dataFetcher("patch", nested((c, env) -> Patches.masked(
                        PatchHistory.content(c.store().environmentAny(sourceKey(env, "environmentId")),
                                sourceKey(env, "id")),
                        Boolean.TRUE.equals(env.getArgument("decryptVariables")))))
                .build());
        return types;
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
                    return Connections.page(DeploymentFetchers.visibleDeployments(c, d -> d.projectId.equals(projectId)), Views::deployment,
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

    private static TypeRuntimeWiring environmentType() {
        return TypeRuntimeWiring.newTypeWiring("Environment")
                .dataFetcher("canAccess", nested((c, env) ->
                        c.requireCaller().canAccess(c.state(), c.store().environmentAny(sourceKey(env, "id")))))
                .dataFetcher("config", nested((c, env) -> {
                    boolean decrypt = Boolean.TRUE.equals(env.getArgument("decryptVariables"));
                    State.EnvironmentRec environment = opened(c, env);
                    return c.store().maskedConfig(environment, decrypt, configRead(env));
                }))
                .dataFetcher("configEtag", nested((c, env) -> {
                    State.EnvironmentRec environment = opened(c, env);
                    return c.store().configEtag(environment, configRead(env));
                }))
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
                    return Connections.page(Deploys.newestFirst(c.state(), d -> d.environmentId.equals(environmentId)),
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

    /** Where an Environment view keeps what its configEtag and config took from the store (not a field). */
    private static final String CONFIG_READ = "(config read)";

    /** The {@link ConfigCache.Read} of this Environment in the answer: its configEtag and config share it. */
    @SuppressWarnings("unchecked")
    private static ConfigCache.Read configRead(DataFetchingEnvironment env) {
        Map<String, Object> view = (Map<String, Object>) env.getSource();
        return (ConfigCache.Read) view.computeIfAbsent(CONFIG_READ, key -> new ConfigCache.Read());
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
