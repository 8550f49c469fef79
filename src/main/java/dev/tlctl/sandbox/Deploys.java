package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The mutations that act on deployments without changing the config (schema: Mutation
 * serviceInstanceRedeploy, serviceInstanceDeploy(V2), deploymentRedeploy, deploymentRestart,
 * deploymentRollback, deploymentRemove; docs deployments/deployment-actions), for the caller's
 * reach: a project token its own environment. Each new deployment starts its life in
 * {@link Lifecycle}; none is made while the instance's newest deployment builds.
 */
final class Deploys {
    /**
     * How long a deployment's image is kept for a rollback, by plan (API-NOTES section 8,
     * "deployment retention": 24 h Free, 72 h Hobby, 120 h Pro).
     */
    static final Map<String, Duration> RETENTION = Map.of("FREE", Duration.ofHours(24), "HOBBY", Duration.ofHours(72),
            "PRO", Duration.ofHours(120));

    private Deploys() {}

    /** The environment and instance config a deploy mutation names, after checking the caller's reach. */
    private static ObjectNode instance(Store store, Caller caller, State.EnvironmentRec environment, String serviceId) {
        caller.requireEnvironment(store.state(), environment);
        return store.instanceOf(environment, serviceId);
    }

    /** serviceInstanceRedeploy: a new deployment of what ran last (its commit, DOCS); an instance never deployed has nothing to redeploy. */
    static boolean redeploy(Store store, Caller caller, String environmentId, String serviceId) {
        State.EnvironmentRec environment = store.environment(environmentId);
        instance(store, caller, environment, serviceId);
        State.DeploymentRec latest = latest(store, environment.id, serviceId);
        if (latest == null) {
            throw new SandboxException("ServiceInstance has no deployment to redeploy; deploy it first");
        }
        again(store, environment, latest, "redeploy");
        return true;
    }

    /**
     * serviceInstanceDeploy / serviceInstanceDeployV2: a deployment of the instance's current
     * source (at commitSha when given, recorded in meta.commitHash); an instance without a repo
     * or image has nothing to deploy. Returns the deployment.
     */
    static State.DeploymentRec deploy(Store store, Caller caller, String environmentId, String serviceId,
                                      String commitSha) {
        State.EnvironmentRec environment = store.environment(environmentId);
        ObjectNode config = instance(store, caller, environment, serviceId);
        ObjectNode source = Json.at(config, "source");
        if (ConfigMapping.text(source, "repo") == null && ConfigMapping.text(source, "image") == null) {
            throw new SandboxException("ServiceInstance has no source to deploy: connect a repo or an image first");
        }
        if (commitSha != null && ConfigMapping.text(source, "repo") == null) {
            throw new SandboxException("commitSha needs a repo source; this service deploys an image");
        }
        Lifecycle.requireNotBuilding(store, environment, List.of(serviceId));
        return store.deploy(environment, serviceId, "deploy", commitSha);
    }

    /**
     * deploymentRedeploy: "a new deployment with the exact same code and build/deploy
     * configuration" (docs deployments/deployment-actions) of that deployment's instance, which
     * must still exist.
     */
    static Map<String, Object> redeployDeployment(Store store, Caller caller, String deploymentId) {
        State.DeploymentRec deployment = find(store, deploymentId);
        State.EnvironmentRec environment = store.environment(deployment.environmentId);
        instance(store, caller, environment, deployment.serviceId);
        return Views.deployment(again(store, environment, deployment, "redeploy"));
    }

    /**
     * deploymentRollback: "Both the Docker image and custom variables are restored" (docs
     * deployments/deployment-actions): the instance's variables become the deployment's, and a
     * new deployment runs its image. Only a deployment that once served, is not serving now, and
     * is within the plan's retention ({@link #RETENTION}) can be rolled back to.
     */
    static boolean rollback(Store store, Caller caller, String deploymentId) {
        State.DeploymentRec target = find(store, deploymentId);
        State.EnvironmentRec environment = store.environment(target.environmentId);
        ObjectNode config = instance(store, caller, environment, target.serviceId);
        String refusal = rollbackRefusal(store, target);
        if (refusal != null) {
            throw new SandboxException(refusal);
        }
        Lifecycle.requireNotBuilding(store, environment, List.of(target.serviceId));
        if (target.variables == null) {
            config.remove("variables");
        } else {
            config.set("variables", target.variables.deepCopy());
        }
        store.touched(environment);
        again(store, environment, target, "rollback");
        return true;
    }

    /** Why a rollback to the deployment is refused, or null when it is allowed (Deployment.canRollback). */
    static String rollbackRefusal(Store store, State.DeploymentRec target) {
        if (target.succeededAt == null) {
            return "Deployment " + target.id + " never succeeded: there is no image to roll back to";
        }
        State.DeploymentRec serving = active(store, target.environmentId, target.serviceId);
        if (serving == target) {
            return "Deployment " + target.id + " is the one serving now";
        }
        State.EnvironmentRec environment = store.environmentAny(target.environmentId);
        String plan = InstanceRules.plan(store, environment);
        Duration kept = RETENTION.getOrDefault(plan, RETENTION.get("HOBBY"));
        if (store.clock().instant().isAfter(Instant.parse(target.createdAt).plus(kept))) {
            return "Deployment " + target.id + " is older than the " + kept.toHours() + " hours the " + plan
                    + " plan keeps images for: it can no longer be rolled back to";
        }
        return null;
    }

    /**
     * deploymentRestart: restarts a deployment's containers without a new deployment; only one
     * that has run (SUCCESS, SLEEPING or CRASHED) can be. A sleeping one wakes; a crashed one
     * runs again unless its instance is made to crash.
     */
    static boolean restart(Store store, Caller caller, String deploymentId) {
        State.DeploymentRec deployment = find(store, deploymentId);
        State.EnvironmentRec environment = store.environment(deployment.environmentId);
        instance(store, caller, environment, deployment.serviceId);
        if (!List.of("SUCCESS", "SLEEPING", "CRASHED").contains(deployment.status)) {
            throw new SandboxException("Deployment " + deployment.id + " is " + deployment.status
                    + ": only a deployment that has run can be restarted");
        }
        State.InstanceRec record = environment.instances.get(deployment.serviceId);
        boolean crashes = record != null && Lifecycle.Failure.CRASH.name().equals(record.failure);
        String now = store.now();
        Lifecycle.move(deployment, crashes ? "CRASHED" : "SUCCESS", now);
        if (deployment.sleepAt != null) {
            deployment.sleepAt = Instant.parse(now).plus(Lifecycle.SLEEP_AFTER).toString();
        }
        store.markDirty();
        return true;
    }

    /** deploymentRemove: a finished deployment stops and is REMOVED; one in progress cannot be. */
    static boolean remove(Store store, Caller caller, String deploymentId) {
        State.DeploymentRec deployment = find(store, deploymentId);
        State.EnvironmentRec environment = store.environment(deployment.environmentId);
        caller.requireEnvironment(store.state(), environment);
        if (Lifecycle.IN_PROGRESS.contains(deployment.status)) {
            throw new SandboxException("Deployment " + deployment.id + " is " + deployment.status
                    + ": only a finished deployment can be removed");
        }
        if (!"REMOVED".equals(deployment.status)) {
            Lifecycle.move(deployment, "REMOVED", store.now());
            store.markDirty();
        }
        return true;
    }

    /** A new deployment of the instance with that deployment's code and configuration (its meta), for a reason. */
    private static State.DeploymentRec again(Store store, State.EnvironmentRec environment, State.DeploymentRec of,
                                             String reason) {
        Lifecycle.requireNotBuilding(store, environment, List.of(of.serviceId));
        ObjectNode meta = of.meta == null ? Json.MAPPER.createObjectNode() : of.meta.deepCopy();
        meta.put("reason", reason);
        return Lifecycle.start(store, environment, of.serviceId, meta);
    }

    static State.DeploymentRec find(Store store, String deploymentId) {
        State.DeploymentRec deployment = deploymentId == null ? null : store.deployments().byId(deploymentId);
        if (deployment == null) {
            throw new SandboxException("Deployment not found");
        }
        return deployment;
    }

    /** The instance's newest deployment, or null: read per instance on every project read. */
    static State.DeploymentRec latest(Store store, String environmentId, String serviceId) {
        return store.deployments().newest(environmentId, serviceId, d -> true);
    }

    /** The deployment serving the instance now (SUCCESS or SLEEPING), or null. */
    static State.DeploymentRec active(Store store, String environmentId, String serviceId) {
        return store.deployments().newest(environmentId, serviceId,
                d -> "SUCCESS".equals(d.status) || "SLEEPING".equals(d.status));
    }

    static List<State.DeploymentRec> newestFirst(State state, java.util.function.Predicate<State.DeploymentRec> filter) {
        List<State.DeploymentRec> result = new java.util.ArrayList<>();
        for (int i = state.deployments.size() - 1; i >= 0; i--) {
            if (filter.test(state.deployments.get(i))) {
                result.add(state.deployments.get(i));
            }
        }
        return result;
    }
}
