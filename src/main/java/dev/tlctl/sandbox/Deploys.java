package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The mutations that deploy without changing the config: serviceInstanceRedeploy,
 * serviceInstanceDeploy, serviceInstanceDeployV2 and deploymentRedeploy. Each records one
 * deployment of the instance as it is configured now (the instance's earlier one becomes
 * REMOVED), for the caller's reach: a project token its own environment.
 */
final class Deploys {
    private Deploys() {}

    /** The environment and instance config a deploy mutation names, after checking the caller's reach. */
    private static ObjectNode instance(Store store, Caller caller, State.EnvironmentRec environment, String serviceId) {
        caller.requireEnvironment(store.state(), environment);
        State.ServiceRec service = store.service(serviceId);
        if (!service.projectId.equals(environment.projectId)) {
            throw new SandboxException("Service not found");
        }
        return store.requireInstance(environment, serviceId);
    }

    /** serviceInstanceRedeploy: a new deployment of what ran last; an instance never deployed has nothing to redeploy. */
    static boolean redeploy(Store store, Caller caller, String environmentId, String serviceId) {
        State.EnvironmentRec environment = store.environment(environmentId);
        instance(store, caller, environment, serviceId);
        if (latest(store, environment.id, serviceId) == null) {
            throw new SandboxException("ServiceInstance has no deployment to redeploy; deploy it first");
        }
        store.deploy(environment, serviceId, "redeploy", null);
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
        return store.deploy(environment, serviceId, "deploy", commitSha);
    }

    /** deploymentRedeploy: a new deployment of that deployment's instance, which must still exist. */
    static Map<String, Object> redeployDeployment(Store store, Caller caller, String deploymentId) {
        State.DeploymentRec deployment = store.state().deployments.stream().filter(d -> d.id.equals(deploymentId))
                .findFirst().orElseThrow(() -> new SandboxException("Deployment not found"));
        State.EnvironmentRec environment = store.environment(deployment.environmentId);
        instance(store, caller, environment, deployment.serviceId);
        return Views.deployment(store.deploy(environment, deployment.serviceId, "redeploy", null));
    }

    /** The instance's newest deployment, or null. */
    static State.DeploymentRec latest(Store store, String environmentId, String serviceId) {
        List<State.DeploymentRec> deployments = RootFetchers.newestFirst(store.state(),
                d -> d.environmentId.equals(environmentId) && serviceId.equals(d.serviceId));
        return deployments.isEmpty() ? null : deployments.get(0);
    }
}
