package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.RailwaySchema;
import dev.tlctl.testing.TickingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deployment's life on a driven clock (deploy time 10 s: INITIALIZING 1 s, BUILDING 5 s,
 * DEPLOYING 4 s), Railway's refusal while a build runs, failures, sleeping, and the deployment
 * mutations, through documents shaped like the official CLI's.
 */
class DeploymentLifecycleTest extends SandboxTestBase {
    static final String BUILDING = "Cannot redeploy yet, please wait for the original deployment to finish building";

    final TickingClock clock = TickingClock.still(Instant.parse("2026-09-10T10:00:00Z"));
    Project p;
    String api;

    @Override
    SandboxConfig config() {
        return super.config().withClock(clock).withDeployTime(Duration.ofSeconds(10));
    }

    @BeforeEach
    void aServiceWithAnImage() {
        p = project("demo");
        api = service(p.id(), "api");
    }

    void after(int seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    JsonNode latest() {
        return gql.data(Docs.LATEST_DEPLOYMENTS, "environmentId", p.productionId(), "serviceId", api)
                .get("serviceInstance");
    }

    String status() {
        return latest().at("/latestDeployment/status").asText();
    }

    List<String> statuses() {
        List<String> out = new ArrayList<>();
        gql.data(Docs.DEPLOYMENTS, "input", Map.of("serviceId", api)).at("/deployments/edges")
                .forEach(e -> out.add(e.at("/node/status").asText()));
        return out;
    }

    List<String> logs(String document, String deploymentId) {
        List<String> out = new ArrayList<>();
        gql.data(document, "deploymentId", deploymentId).elements().next()
                .forEach(line -> out.add(line.get("message").asText()));
        return out;
    }

    JsonNode actions(String deploymentId) {
        return gql.data(Docs.DEPLOYMENT_ACTIONS, "id", deploymentId).get("deployment");
    }

    void upsert(String name, String value, boolean skipDeploys) {
        gql.data(Docs.VARIABLE_UPSERT, "input", upsertInput(name, value, skipDeploys));
    }

    Map<String, Object> upsertInput(String name, String value, boolean skipDeploys) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "serviceId", api, "name", name, "value", value));
        input.put("skipDeploys", skipDeploys);
        return input;
    }

    @Test
    void aDeploymentBuildsThenDeploysThenSucceedsOnTheClockAndTheCliReadsEachStep() {
        String id = latest().at("/latestDeployment/id").asText();
        assertEquals("INITIALIZING", status());
        assertEquals(0, latest().get("activeDeployments").size(), "nothing serves yet");
        after(1);
        assertEquals("BUILDING", gql.data(Docs.CLI_DEPLOYMENT, "id", id).at("/deployment/status").asText());
        assertEquals(List.of("Initializing build for image nginx:1", "Building image nginx:1"),
                logs(Docs.CLI_BUILD_LOGS, id));
        assertEquals(List.of(), logs(Docs.CLI_DEPLOYMENT_LOGS, id));
        after(5);
        assertEquals("DEPLOYING", gql.data(Docs.CLI_LATEST_DEPLOYMENT, "environmentId", p.productionId(),
                "serviceId", api).at("/serviceInstance/latestDeployment/status").asText());
        assertEquals("Build completed", logs(Docs.CLI_BUILD_LOGS, id).get(2));
        after(4);
        JsonNode done = latest();
        assertEquals("SUCCESS", done.at("/latestDeployment/status").asText());
        assertEquals(id, done.at("/activeDeployments/0/id").asText());
        assertEquals(List.of("Starting container", "Deployment successful"), logs(Docs.CLI_DEPLOYMENT_LOGS, id));
        JsonNode log = gql.data(Docs.LOGS_EVERY_FIELD, "deploymentId", id, "limit", 1).at("/deploymentLogs/0");
        assertEquals("Deployment successful", log.get("message").asText());
        assertEquals("2026-09-10T10:00:10Z", log.get("timestamp").asText());
        assertEquals(api, log.at("/tags/serviceId").asText());
        assertEquals(0, gql.data(Docs.LOGS_EVERY_FIELD, "deploymentId", id, "filter", "successful",
                "endDate", "2026-09-10T10:00:09Z").get("deploymentLogs").size());
        for (String document : List.of(Docs.CLI_DEPLOYMENT, Docs.CLI_LATEST_DEPLOYMENT, Docs.CLI_BUILD_LOGS,
                Docs.CLI_DEPLOYMENT_LOGS, Docs.LOGS_EVERY_FIELD)) {
            RailwaySchema.validate(document).forEach(problem -> assertEquals("", problem, document));
        }
    }

    @Test
    void whileABuildRunsWritesThatWouldRedeployAreRefusedAndChangeNothing() {
        after(2);
        assertEquals("BUILDING", status());
        String etag = environmentView(p.productionId(), false).get("configEtag").asText();
        gql.assertError(BUILDING, Docs.VARIABLE_UPSERT, "input", upsertInput("A", "1", false));
        gql.assertError(BUILDING, Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("startCommand", "x"));
        gql.assertError(BUILDING, Docs.SERVICE_INSTANCE_REDEPLOY, "environmentId", p.productionId(), "serviceId", api);
        gql.assertError(BUILDING, Docs.PATCH_COMMIT, "environmentId", p.productionId(), "patch",
                Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "y")))));
        assertEquals(etag, environmentView(p.productionId(), false).get("configEtag").asText(), "nothing written");
        assertEquals(1, sandbox.stats().deploymentsFor("production", "api"));

        // What deploys nothing is not refused: skipDeploys, and a write that changes no deployed part.
        upsert("B", "2", true);
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("networking",
                Map.of("serviceDomains", Map.of("api-demo.up.railway.app", Map.of("port", 80)))))));
        assertEquals(1, sandbox.stats().deploymentsFor("production", "api"));

        after(4);
        assertEquals("DEPLOYING", status());
        upsert("A", "1", false);
        assertEquals(List.of("INITIALIZING", "REMOVED"), statuses(), "the newer one supersedes one still deploying");
    }

    @Test
    void theServingDeploymentIsRemovedOnlyOnceTheNewerOneSucceedsAndAFailedOneLeavesItServing() {
        after(10);
        String first = latest().at("/latestDeployment/id").asText();
        upsert("A", "1", false);
        after(6);
        assertEquals(List.of("DEPLOYING", "SUCCESS"), statuses());
        assertEquals(first, latest().at("/activeDeployments/0/id").asText(), "the old one serves while the new deploys");
        after(4);
        assertEquals(List.of("SUCCESS", "REMOVED"), statuses());

        sandbox.failDeployments("demo", "production", "api", "build");
        upsert("A", "2", false);
        after(6);
        assertEquals(List.of("FAILED", "SUCCESS", "REMOVED"), statuses());
        String failed = latest().at("/latestDeployment/id").asText();
        List<String> lines = logs(Docs.CLI_BUILD_LOGS, failed);
        assertEquals("Build failed: the build command exited with code 1", lines.get(lines.size() - 1));
        assertEquals(1, latest().get("activeDeployments").size(), "the previous deployment still serves");
    }

    @Test
    void aCrashAndAFailingHealthcheckEndTheDeploymentAtTheirTime() {
        after(10);
        sandbox.failDeployments("demo", "production", "api", "crash");
        upsert("A", "1", false);
        after(10);
        assertEquals("CRASHED", status());
        String crashed = latest().at("/latestDeployment/id").asText();
        assertEquals("Container exited with code 1", logs(Docs.CLI_DEPLOYMENT_LOGS, crashed).get(1));

        // A healthcheck that never answers fails the deployment after healthcheckTimeout (30 s here).
        sandbox.failDeployments("demo", "production", "api", "healthcheck");
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("healthcheckPath", "/health", "healthcheckTimeout", 30));
        after(35);
        assertEquals("DEPLOYING", status());
        after(1);
        assertEquals("FAILED", status());

        // Without a healthcheck path there is no healthcheck to fail.
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("healthcheckPath", ""));
        after(10);
        assertEquals("SUCCESS", status());
        sandbox.failDeployments("demo", "production", "api", "none");
        assertThrows(IllegalArgumentException.class, () -> sandbox.failDeployments("demo", "production", "api", "x"));
        assertThrows(SandboxException.class, () -> sandbox.failDeployments("demo", "production", "nope", "crash"));
    }

    @Test
    void aSleepingServiceSleepsTenMinutesAfterItsDeployAndARestartWakesIt() {
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("sleepApplication", true));
        after(10);
        assertEquals("SUCCESS", status());
        after(599);
        assertEquals("SUCCESS", status());
        after(1);
        assertEquals("SLEEPING", status());
        assertEquals(1, latest().get("activeDeployments").size(), "sleeping still counts as serving");
        String id = latest().at("/latestDeployment/id").asText();
        assertTrue(gql.data(Docs.CLI_DEPLOYMENT_RESTART, "id", id).get("deploymentRestart").asBoolean());
        assertEquals("SUCCESS", status());
    }

    @Test
    void rollbackRestoresTheImageAndVariablesOfADeploymentWithinTheRetentionWindow() {
        upsert("VERSION", "1", true);
        after(10);
        String first = latest().at("/latestDeployment/id").asText();
        upsert("VERSION", "1", false);
        after(10);
        String second = latest().at("/latestDeployment/id").asText();
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("source", Map.of("image", "nginx:2")));
        upsert("VERSION", "2", false);
        after(10);
        assertFalse(actions(latest().at("/latestDeployment/id").asText()).get("canRollback").asBoolean(),
                "the serving one");
        assertTrue(actions(second).get("canRollback").asBoolean());

        assertTrue(gql.data(Docs.CLI_DEPLOYMENT_ROLLBACK, "id", second).get("deploymentRollback").asBoolean());
        assertEquals("1", variables(p.id(), p.productionId(), api, true).get("VERSION").asText(), "variables restored");
        JsonNode rolledBack = latest().get("latestDeployment");
        assertEquals("rollback", rolledBack.at("/meta/reason").asText());
        assertEquals("nginx:1", rolledBack.at("/meta/image").asText(), "the image restored");
        after(10);
        assertEquals("SUCCESS", status());

        // Past the Hobby plan's 72 hours the image is gone.
        after(72 * 3600);
        gql.assertError("older than the 72 hours the HOBBY plan keeps", Docs.CLI_DEPLOYMENT_ROLLBACK, "id", first);
        assertFalse(actions(first).get("canRollback").asBoolean());
        assertTrue(actions(first).get("canRedeploy").asBoolean(), "a finished deployment can be redeployed");
    }

    @Test
    void removeStopsAFinishedDeploymentAndRedeployRepeatsItsCodeNotTheCurrentOne() {
        gql.assertError("only a finished deployment can be removed", Docs.CLI_DEPLOYMENT_REMOVE, "id",
                latest().at("/latestDeployment/id").asText());
        after(10);
        String id = latest().at("/latestDeployment/id").asText();
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("source", Map.of("image", "nginx:2")));
        after(10);
        JsonNode again = gql.data(Docs.DEPLOYMENT_REDEPLOY, "id", id).get("deploymentRedeploy");
        assertEquals("nginx:1", again.at("/meta/image").asText(), "the exact same code as that deployment");
        after(10);
        assertTrue(gql.data(Docs.CLI_DEPLOYMENT_REMOVE, "id", again.get("id").asText()).get("deploymentRemove")
                .asBoolean());
        assertEquals("REMOVED", status());
        assertEquals(0, latest().get("activeDeployments").size());
        gql.assertError("Deployment not found", Docs.CLI_DEPLOYMENT, "id", "nope");
    }

    @Test
    void skipDeploysNoOpWritesUsageLimitsAndServicesWithoutASourceDeployNothing() {
        after(10);
        int before = sandbox.stats().totalDeployments();
        upsert("A", "1", true);
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("numReplicas", 1));
        String customerId = gql.data("query Customer { me { workspaces { customer { id } } } }")
                .at("/me/workspaces/0/customer/id").asText();
        gql.data(Docs.USAGE_LIMIT_SET, "input", Map.of("customerId", customerId, "softLimitDollars", 10));
        String bare = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "bare"))
                .at("/serviceCreate/id").asText();
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", bare, "environmentId", p.productionId(),
                "input", Map.of("startCommand", "x"));
        assertEquals(before, sandbox.stats().totalDeployments());
    }
}
