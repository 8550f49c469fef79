package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.Wiring.input;
import static dev.tlctl.sandbox.Wiring.nested;
import static dev.tlctl.sandbox.Wiring.root;
import static dev.tlctl.sandbox.Wiring.sourceKey;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.sandbox.Wiring.Context;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Deployments in the API: the queries {@code deployments}, {@code deployment}, {@code buildLogs}
 * and {@code deploymentLogs}, the deploy mutations ({@link Deploys}) and the Deployment type's
 * resolvers (schema: Query, Mutation, type Deployment).
 */
final class DeploymentFetchers {
    private DeploymentFetchers() {}

    static TypeRuntimeWiring query() {
        return TypeRuntimeWiring.newTypeWiring("Query")
                .dataFetcher("deployments", root(DeploymentFetchers::deployments))
                .dataFetcher("deployment", root((c, env) -> Views.deployment(visible(c, env.getArgument("id")))))
                .dataFetcher("buildLogs", root((c, env) -> logs(c, env, true)))
                .dataFetcher("deploymentLogs", root((c, env) -> logs(c, env, false)))
                .build();
    }

    static TypeRuntimeWiring mutation() {
        return TypeRuntimeWiring.newTypeWiring("Mutation")
                .dataFetcher("serviceInstanceRedeploy", root((c, env) -> Deploys.redeploy(c.store(), c.caller(),
                        env.getArgument("environmentId"), env.getArgument("serviceId"))))
                .dataFetcher("serviceInstanceDeploy", root((c, env) -> Deploys.deploy(c.store(), c.caller(),
                        env.getArgument("environmentId"), env.getArgument("serviceId"), env.getArgument("commitSha")) != null))
                .dataFetcher("serviceInstanceDeployV2", root((c, env) -> Deploys.deploy(c.store(), c.caller(),
                        env.getArgument("environmentId"), env.getArgument("serviceId"), env.getArgument("commitSha")).id))
                .dataFetcher("deploymentRedeploy", root((c, env) ->
                        Deploys.redeployDeployment(c.store(), c.caller(), env.getArgument("id"))))
                .dataFetcher("deploymentRestart", root((c, env) -> Deploys.restart(c.store(), c.caller(), env.getArgument("id"))))
                .dataFetcher("deploymentRollback", root((c, env) ->
                        Deploys.rollback(c.store(), c.caller(), env.getArgument("id"))))
                .dataFetcher("deploymentRemove", root((c, env) -> Deploys.remove(c.store(), c.caller(), env.getArgument("id"))))
                .build();
    }

    static List<TypeRuntimeWiring> types() {
        return List.of(TypeRuntimeWiring.newTypeWiring("Deployment")
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .dataFetcher("service", nested((c, env) -> Views.service(c.store().serviceAny(sourceKey(env, "serviceId")))))
                // A finished deployment of a live instance can be redeployed (docs deployment-actions:
                // "A successful, failed, or crashed deployment can be re-deployed").
                .dataFetcher("canRedeploy", nested((c, env) -> !Lifecycle.IN_PROGRESS.contains(sourceKey(env, "status"))
                        && live(c, sourceKey(env, "environmentId"), sourceKey(env, "serviceId"))))
                .dataFetcher("canRollback", nested((c, env) -> live(c, sourceKey(env, "environmentId"),
                        sourceKey(env, "serviceId")) && Deploys.rollbackRefusal(c.store(),
                        Deploys.find(c.store(), sourceKey(env, "id"))) == null))
                .dataFetcher("instances", nested((c, env) -> instances(c, env)))
                .dataFetcher("staticUrl", nested((c, env) -> serviceDomain(c, env)))
                .dataFetcher("url", nested((c, env) -> {
                    String domain = serviceDomain(c, env);
                    return domain == null ? null : "https://" + domain;
                }))
                .build());
    }

    /**
     * The deployment's running instances, one per replica: RUNNING while it serves, CRASHED when
     * it crashed, INITIALIZING while it deploys; none otherwise (its containers have stopped).
     */
    private static List<Map<String, Object>> instances(Context c, DataFetchingEnvironment env) {
        String status = switch (sourceKey(env, "status")) {
            case "SUCCESS" -> "RUNNING";
            case "CRASHED" -> "CRASHED";
            case "DEPLOYING" -> "INITIALIZING";
            default -> null;
        };
        if (status == null) {
            return List.of();
        }
        State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "environmentId"));
        ObjectNode instance = c.store().serviceConfig(environment, sourceKey(env, "serviceId"));
        Integer replicas = ConfigMapping.numReplicas(Json.at(instance, "deploy"));
        List<Map<String, Object>> running = new ArrayList<>();
        for (int i = 0; i < (replicas == null ? 1 : replicas); i++) {
            running.add(Map.of("id", Ids.derived(sourceKey(env, "id"), "instance", Integer.toString(i)),
                    "status", status));
        }
        return running;
    }

    /** The instance's first service domain (Deployment.staticUrl), for a deployment that serves; else null. */
    private static String serviceDomain(Context c, DataFetchingEnvironment env) {
        String status = sourceKey(env, "status");
        State.EnvironmentRec environment = c.store().environmentAny(sourceKey(env, "environmentId"));
        if (!"SUCCESS".equals(status) && !"SLEEPING".equals(status) || environment == null) {
            return null;
        }
        ObjectNode domains = Json.at(c.store().serviceConfig(environment, sourceKey(env, "serviceId")), "networking",
                "serviceDomains");
        return domains == null ? null : Json.fieldNames(domains).stream().filter(d -> !domains.get(d).isNull())
                .findFirst().orElse(null);
    }

    /** A deployment the caller can see (its environment's reach), or "Deployment not found". */
    private static State.DeploymentRec visible(Context c, String id) {
        State.DeploymentRec deployment = Deploys.find(c.store(), id);
        State.EnvironmentRec environment = c.store().environmentAny(deployment.environmentId);
        if (environment == null || !c.caller().canSeeEnvironment(environment)) {
            throw new SandboxException("Deployment not found");
        }
        c.caller().requireEnvironment(c.state(), environment);
        return deployment;
    }

    private static List<Map<String, Object>> logs(Context c, DataFetchingEnvironment env, boolean build) {
        State.DeploymentRec deployment = visible(c, env.getArgument("deploymentId"));
        java.time.Instant now = c.store().clock().instant();
        return DeployLogs.select(build ? DeployLogs.build(deployment, now) : DeployLogs.deploy(deployment, now),
                env.getArgument("filter"), env.getArgument("startDate"), env.getArgument("endDate"),
                env.getArgument("limit"));
    }

    /** Whether the deployment's instance still exists: its environment and service live, the instance there. */
    static boolean live(Context c, String environmentId, String serviceId) {
        State.EnvironmentRec environment = c.store().environmentAny(environmentId);
        State.ServiceRec service = c.store().serviceAny(serviceId);
        return environment != null && environment.deletedAt == null && service != null && service.deletedAt == null
                && c.store().hasInstance(environment, serviceId);
    }

    /** The deployments of live environments and services the caller can see, newest first. */
    static List<State.DeploymentRec> visibleDeployments(Context c, Predicate<State.DeploymentRec> filter) {
        return Deploys.newestFirst(c.state(), d -> {
            State.EnvironmentRec environment = c.store().environmentAny(d.environmentId);
            State.ServiceRec service = c.store().serviceAny(d.serviceId);
            return filter.test(d) && environment != null && environment.deletedAt == null && service != null
                    && service.deletedAt == null && c.requireCaller().canSeeEnvironment(environment);
        });
    }

    /**
     * deployments(input): filtered by project, environment, service and status, newest first.
     * Deployments of deleted projects, environments or services only with includeDeleted. A
     * project token sees its environment's only.
     */
    private static Object deployments(Context c, DataFetchingEnvironment env) {
        Map<String, Object> input = input(env);
        String projectId = (String) input.get("projectId");
        String environmentId = (String) input.get("environmentId");
        String serviceId = (String) input.get("serviceId");
        boolean includeDeleted = Boolean.TRUE.equals(input.get("includeDeleted"));
        @SuppressWarnings("unchecked")
        Map<String, List<String>> status = (Map<String, List<String>>) input.get("status");
        Caller caller = c.caller();
        if (projectId != null) {
            State.ProjectRec project = includeDeleted ? c.store().projectAny(projectId) : c.store().project(projectId);
            if (project == null) {
                throw new SandboxException("Project not found");
            }
            caller.requireProjectRead(c.state(), project);
        }
        if (environmentId != null) {
            State.EnvironmentRec environment = includeDeleted
                    ? c.store().environmentAny(environmentId) : c.store().environment(environmentId);
            if (environment == null) {
                throw new SandboxException("Environment not found");
            }
            caller.requireEnvironment(c.state(), environment);
        }
        List<String> reachable = caller.workspaces(c.state()).stream().map(w -> w.id).toList();
        Predicate<State.DeploymentRec> filter = d -> {
            State.ProjectRec project = c.store().projectAny(d.projectId);
            State.EnvironmentRec environment = c.store().environmentAny(d.environmentId);
            State.ServiceRec service = c.store().serviceAny(d.serviceId);
            boolean visible = caller.isProjectToken()
                    ? d.environmentId.equals(caller.token().environmentId)
                    : project != null && reachable.contains(project.workspaceId);
            boolean live = project != null && project.deletedAt == null && environment != null
                    && environment.deletedAt == null && service != null && service.deletedAt == null;
            return visible && (includeDeleted || live)
                    && (projectId == null || projectId.equals(d.projectId))
                    && (environmentId == null || environmentId.equals(d.environmentId))
                    && (serviceId == null || serviceId.equals(d.serviceId))
                    && (status == null || status.get("in") == null || status.get("in").contains(d.status))
                    && (status == null || status.get("notIn") == null || !status.get("notIn").contains(d.status));
        };
        return Connections.page(Deploys.newestFirst(c.state(), filter), Views::deployment, env);
    }
}
