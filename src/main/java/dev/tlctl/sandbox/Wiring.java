package dev.tlctl.sandbox;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.util.ArrayList;
import java.util.HashMap;
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
        readTypes().forEach(builder::type);
        builder.type(RootFetchers.mutation());
        builder.type(DeploymentFetchers.mutation());
        builder.type(NetworkFetchers.mutation());
        return builder.build();
    }

    /** The wiring of every type but the mutations'. */
    private static List<TypeRuntimeWiring> readTypes() {
        List<TypeRuntimeWiring> types = new ArrayList<>();
        types.add(RootFetchers.query());
        types.add(DeploymentFetchers.query());
        types.addAll(AccountFetchers.types());
        types.addAll(ProjectFetchers.types());
        types.addAll(ServiceFetchers.types());
        types.addAll(DeploymentFetchers.types());
        return types;
    }

    /**
     * The fetchers of every type but the mutations', by type and field name, as {@link
     * #runtimeWiring} has them (without building it or its scalars): what {@link DirectAnswer} runs.
     */
    static Map<String, Map<String, DataFetcher>> readFetchers() {
        Map<String, Map<String, DataFetcher>> fetchers = new HashMap<>();
        for (TypeRuntimeWiring type : readTypes()) {
            fetchers.computeIfAbsent(type.getTypeName(), name -> new HashMap<>()).putAll(type.getFieldDataFetchers());
        }
        return fetchers;
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

}
