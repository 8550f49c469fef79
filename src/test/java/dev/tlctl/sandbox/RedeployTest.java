package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * serviceInstanceRedeploy, serviceInstanceDeploy(V2) and deploymentRedeploy; a newer deployment
 * supersedes the instance's earlier one (REMOVED), and meta records what was deployed.
 */
class RedeployTest extends SandboxTestBase {
    Project p;
    String api;

    @BeforeEach
    void aDeployedService() {
        p = project("demo");
        api = service(p.id(), "api");
        // A start command deploys; the replicas alone would only scale (docs deployments/scaling.md).
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "nginx",
                "multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 2)))))));
    }

    JsonNode latest() {
        return gql.data(Docs.LATEST_DEPLOYMENTS, "environmentId", p.productionId(), "serviceId", api)
                .get("serviceInstance");
    }

    @Test
    void aNewerDeploymentRemovesTheEarlierOneAndMetaCarriesTheManifest() {
        JsonNode instance = latest();
        JsonNode current = instance.get("latestDeployment");
        assertEquals("SUCCESS", current.get("status").asText());
        assertFalse(current.get("deploymentStopped").asBoolean());
        assertEquals(2, current.get("instances").size(), "one running instance per replica");
        assertEquals("nginx:1", current.at("/meta/image").asText());
        assertEquals(2, current.at("/meta/serviceManifest/deploy/multiRegionConfig/us-west2/numReplicas").asInt(),
                "what Railway's CLI reads back in railway scale");
        assertEquals("deploy", current.at("/meta/reason").asText());
        JsonNode all = gql.data(Docs.DEPLOYMENTS, "input", Map.of("serviceId", api)).at("/deployments/edges");
        assertEquals(List.of("SUCCESS", "REMOVED"), List.of(all.at("/0/node/status").asText(),
                all.at("/1/node/status").asText()));
        JsonNode removed = gql.data(Docs.DEPLOYMENT_EVERY_FIELD, "input", Map.of("serviceId", api))
                .at("/deployments/edges/1/node");
        assertTrue(removed.get("deploymentStopped").asBoolean());
        assertTrue(removed.get("canRollback").asBoolean());
        assertEquals(0, removed.get("instances").size());
        assertEquals(1, instance.get("activeDeployments").size());
    }

    @Test
    void redeployAndDeployRecordOneDeploymentEach() {
        int before = sandbox.stats().deploymentsFor("production", "api");
        assertTrue(gql.data(Docs.SERVICE_INSTANCE_REDEPLOY, "environmentId", p.productionId(), "serviceId", api)
                .get("serviceInstanceRedeploy").asBoolean());
        assertEquals("redeploy", latest().at("/latestDeployment/meta/reason").asText());
        String id = gql.data(Docs.SERVICE_INSTANCE_DEPLOY_V2, "environmentId", p.productionId(), "serviceId", api)
                .get("serviceInstanceDeployV2").asText();
        assertEquals(id, latest().at("/latestDeployment/id").asText());
        assertTrue(gql.data(Docs.SERVICE_INSTANCE_DEPLOY, "environmentId", p.productionId(), "serviceId", api)
                .get("serviceInstanceDeploy").asBoolean());
        JsonNode redeployed = gql.data(Docs.DEPLOYMENT_REDEPLOY, "id", id).get("deploymentRedeploy");
        assertNotEquals(id, redeployed.get("id").asText());
        assertEquals("SUCCESS", redeployed.get("status").asText());
        assertEquals(before + 4, sandbox.stats().deploymentsFor("production", "api"));
    }

    @Test
    void deployingNeedsSomethingToDeploy() {
        String bare = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "bare"))
                .at("/serviceCreate/id").asText();
        assertEquals(List.of("ServiceInstance has no deployment to redeploy; deploy it first"),
                gql.errors(Docs.SERVICE_INSTANCE_REDEPLOY, "environmentId", p.productionId(), "serviceId", bare));
        assertEquals(List.of("ServiceInstance has no source to deploy: connect a repo or an image first"),
                gql.errors(Docs.SERVICE_INSTANCE_DEPLOY_V2, "environmentId", p.productionId(), "serviceId", bare));
        assertEquals(List.of("commitSha needs a repo source; this service deploys an image"),
                gql.errors(Docs.SERVICE_INSTANCE_DEPLOY_V2, "environmentId", p.productionId(), "serviceId", api,
                        "commitSha", "abc123"));
        assertEquals(List.of("Deployment not found"), gql.errors(Docs.DEPLOYMENT_REDEPLOY, "id", "nope"));
        String staging = environment(p.id(), "staging");
        assertEquals(List.of("ServiceInstance not found"),
                gql.errors(Docs.SERVICE_INSTANCE_REDEPLOY, "environmentId", staging, "serviceId", api));
    }

    @Test
    void aProjectTokenDeploysInItsOwnEnvironmentOnly() {
        String staging = fork(p.id(), "staging", p.productionId(), false);
        Gql scoped = gql.withProjectToken(sandbox.mintProjectToken("demo", "staging"));
        assertTrue(scoped.data(Docs.SERVICE_INSTANCE_REDEPLOY, "environmentId", staging, "serviceId", api)
                .get("serviceInstanceRedeploy").asBoolean());
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.SERVICE_INSTANCE_DEPLOY_V2,
                "environmentId", p.productionId(), "serviceId", api));
    }
}
