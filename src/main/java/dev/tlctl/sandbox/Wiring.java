package dev.tlctl.sandbox;

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
    /** What every fetcher needs: the store, and who is asking (null: no or unknown token). */
    record Context(Store store, Caller caller) {
        State state() {
            return store.state();
        }

        Caller requireCaller() {
            if (caller == null) {
                throw SandboxException.notAuthorized();
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
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Workspace")
                .dataFetcher("customer", nested((c, env) ->
                        Views.customer(c.store(), c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("projects", nested((c, env) -> {
                    String workspaceId = sourceKey(env, "id");
                    List<State.ProjectRec> projects = c.state().projects.stream()
                            .filter(p -> p.workspaceId.equals(workspaceId) && p.deletedAt == null).toList();
                    return Connections.page(projects, Views::project, env);
                }))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("ProjectToken")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Project")
                .dataFetcher("workspace", nested((c, env) -> {
                    c.requireCaller().requireBearer();
                    return Views.workspace(c.store().workspace(sourceKey(env, "workspaceId")));
                }))
                .dataFetcher("environments", nested((c, env) -> {
                    Boolean ephemeral = env.getArgument("isEphemeral");
                    List<State.EnvironmentRec> environments = c.store().environmentsOf(sourceKey(env, "id")).stream()
                            .filter(e -> c.requireCaller().canSeeEnvironment(e))
                            .filter(e -> ephemeral == null || e.isEphemeral == ephemeral).toList();
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
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Volume")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .build());
        types.add(environmentType());
        types.add(TypeRuntimeWiring.newTypeWiring("Service")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("ServiceInstance")
                .dataFetcher("service", nested((c, env) -> Views.service(c.store().serviceAny(sourceKey(env, "serviceId")))))
                .dataFetcher("latestDeployment", nested((c, env) -> {
                    List<State.DeploymentRec> deployments = RootFetchers.newestFirst(c.state(), d ->
                            d.environmentId.equals(sourceKey(env, "environmentId"))
                                    && sourceKey(env, "serviceId").equals(d.serviceId));
                    return deployments.isEmpty() ? null : Views.deployment(deployments.get(0));
                }))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Deployment")
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .dataFetcher("service", nested((c, env) -> Views.service(c.store().serviceAny(sourceKey(env, "serviceId")))))
                .build());
        return types;
    }

    private static TypeRuntimeWiring environmentType() {
        return TypeRuntimeWiring.newTypeWiring("Environment")
                .dataFetcher("config", nested((c, env) -> {
                    boolean decrypt = Boolean.TRUE.equals(env.getArgument("decryptVariables"));
                    State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "id"));
                    return Json.toJava(Patches.masked(environment.config, decrypt));
                }))
                .dataFetcher("configEtag", nested((c, env) ->
                        Patches.etag(c.store().environmentAny(sourceKey(env, "id")).config)))
                .dataFetcher("sourceEnvironment", nested((c, env) -> {
                    State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "id"));
                    State.EnvironmentRec source = c.store().environmentAny(environment.sourceEnvironmentId);
                    return source == null ? null : Views.environment(source);
                }))
                .dataFetcher("serviceInstances", nested((c, env) -> {
                    State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "id"));
                    List<String> serviceIds = c.store().instanceServiceIds(environment).stream()
                            .filter(id -> c.store().serviceAny(id) != null).toList();
                    return Connections.page(serviceIds, serviceId -> ConfigMapping.serviceInstance(environment,
                            c.store().serviceAny(serviceId), c.store().serviceConfig(environment, serviceId)), env);
                }))
                .dataFetcher("variables", nested((c, env) -> Connections.page(
                        Variables.nodes(c.store(), c.store().environmentAny(sourceKey(env, "id"))), v -> v, env)))
                .dataFetcher("deployments", nested((c, env) -> {
                    String environmentId = sourceKey(env, "id");
                    return Connections.page(RootFetchers.newestFirst(c.state(), d -> d.environmentId.equals(environmentId)),
                            Views::deployment, env);
                }))
                .build();
    }
}
