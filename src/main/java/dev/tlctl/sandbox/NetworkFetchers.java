package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.Wiring.input;
import static dev.tlctl.sandbox.Wiring.root;

import graphql.schema.idl.TypeRuntimeWiring;
import java.util.Map;

/** The domain and volume mutations (Query.domains is in {@link RootFetchers}): {@link Domains}, {@link VolumeOps}. */
final class NetworkFetchers {
    private NetworkFetchers() {}

    static TypeRuntimeWiring mutation() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("serviceDomainCreate", root((c, env) ->
                        Domains.createServiceDomain(c.store(), c.caller(), input(env))))
                .dataFetcher("serviceDomainDelete", root((c, env) ->
                        Domains.delete(c.store(), c.caller(), "serviceDomains", env.getArgument("id"))))
                .dataFetcher("serviceDomainUpdate", root((c, env) -> {
                    Map<String, Object> input = input(env);
                    return Domains.update(c.store(), c.caller(), "serviceDomains", (String) input.get("serviceDomainId"),
                            (String) input.get("environmentId"), (Integer) input.get("targetPort"));
                }))
                .dataFetcher("customDomainUpdate", root((c, env) -> Domains.update(c.store(), c.caller(),
                        "customDomains", env.getArgument("id"), env.getArgument("environmentId"),
                        env.getArgument("targetPort"))))
                .dataFetcher("customDomainCreate", root((c, env) ->
                        Domains.createCustomDomain(c.store(), c.caller(), input(env))))
                .dataFetcher("customDomainDelete", root((c, env) ->
                        Domains.delete(c.store(), c.caller(), "customDomains", env.getArgument("id"))))
                .dataFetcher("volumeCreate", root((c, env) ->
                        Views.volume(VolumeOps.create(c.store(), c.caller(), input(env)))))
                .dataFetcher("volumeUpdate", root((c, env) -> Views.volume(VolumeOps.update(c.store(), c.caller(),
                        env.getArgument("volumeId"), input(env)))))
                .dataFetcher("volumeDelete", root((c, env) ->
                        VolumeOps.delete(c.store(), c.caller(), env.getArgument("volumeId"))))
                .dataFetcher("volumeInstanceUpdate", root((c, env) -> {
                    Map<String, Object> input = input(env);
                    return VolumeOps.updateInstance(c.store(), c.caller(), env.getArgument("volumeId"),
                            env.getArgument("environmentId"), input);
                }))
                .build();
    }
}
