package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.Wiring.nested;
import static dev.tlctl.sandbox.Wiring.sourceKey;

import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The resolvers of a service's types: Service, ServiceInstance and Variable. */
final class ServiceFetchers {
    private ServiceFetchers() {}

    static List<TypeRuntimeWiring> types() {
        List<TypeRuntimeWiring> types = new ArrayList<>();
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
        return types;
    }

    private static TypeRuntimeWiring serviceType() {
        return TypeRuntimeWiring.newTypeWiring("Service")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .dataFetcher("deployments", nested((c, env) -> {
                    String serviceId = sourceKey(env, "id");
                    return Connections.page(DeploymentFetchers.visibleDeployments(c, d -> serviceId.equals(d.serviceId)), Views::deployment,
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
                // The one serving now, which is not the latest while a newer one builds or after it failed.
                .dataFetcher("activeDeployments", nested((c, env) -> {
                    State.DeploymentRec active = Deploys.active(c.store(), sourceKey(env, "environmentId"),
                            sourceKey(env, "serviceId"));
                    return active == null ? List.of() : List.of(Views.deployment(active));
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
}
