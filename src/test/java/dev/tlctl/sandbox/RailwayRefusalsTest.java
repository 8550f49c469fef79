package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What Railway refuses, the sandbox refuses, in Railway's words where they are known (issue 12):
 * replicas, one pre-deploy command, vCPU and memory per plan, regions, cron schedules, names; no-op writes deploy
 * nothing; a missing variable cannot be deleted; unknown tokens.
 */
class RailwayRefusalsTest extends SandboxTestBase {
    Project p;
    String api;

    @BeforeEach
    void aService() {
        p = project("demo");
        api = service(p.id(), "api");
    }

    private List<String> update(Map<String, Object> input) {
        return gql.errors(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", input);
    }

    private List<String> patch(Map<String, Object> deploy) {
        return gql.errors(Docs.PATCH_COMMIT, "environmentId", p.productionId(),
                "patch", Map.of("services", Map.of(api, Map.of("deploy", deploy))));
    }

    private List<String> limits(Double vcpus, Double memoryGb) {
        Map<String, Object> input = new HashMap<>(Map.of("environmentId", p.productionId(), "serviceId", api));
        input.put("vCPUs", vcpus);
        input.put("memoryGB", memoryGb);
        return gql.errors(Docs.LIMITS_UPDATE, "input", input);
    }

    /** Asserts the config and the deployments did not change. */
    private void assertUnchanged(String etag, int deployments) {
        assertEquals(etag, environmentView(p.productionId(), false).get("configEtag").asText());
        assertEquals(deployments, sandbox.stats().totalDeployments());
    }

    @Test
    void replicasFollowRailwaysRulesAndThePlan() {
        String etag = environmentView(p.productionId(), false).get("configEtag").asText();
        int deployments = sandbox.stats().totalDeployments();
        assertEquals(List.of("Error in numReplicas - Invalid input"), update(Map.of("numReplicas", 0)));
        assertEquals(List.of("Error in numReplicas - the HOBBY plan allows at most 6 replicas, not 7"),
                update(Map.of("numReplicas", 7, "region", "us-west2")));
        assertEquals(List.of("Error in numReplicas - Invalid input"),
                patch(Map.of("multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 0)))));
        assertEquals(List.of("Error in numReplicas - the HOBBY plan allows at most 6 replicas, not 8"),
                patch(Map.of("multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 4),
                        "europe-west4-drams3a", Map.of("numReplicas", 4)))));
        assertUnchanged(etag, deployments);

        sandbox.setWorkspacePlan("PRO");
        assertEquals(List.of(), gql.post(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId",
                p.productionId(), "input", Map.of("numReplicas", 20, "region", "us-west2")).json()
                .path("errors").findValuesAsText("message"));
        sandbox.setWorkspacePlan("FREE");
        assertEquals(List.of("Error in numReplicas - the FREE plan allows at most 1 replica, not 2"),
                update(Map.of("numReplicas", 2)));
    }

    @Test
    void aPreDeployCommandIsOneCommandAndAListOfTwoFailsTheWholeCommit() {
        // Issue 16, item 9: "Error in preDeployCommand - Invalid input" for a list, and the whole commit fails.
        String etag = environmentView(p.productionId(), false).get("configEtag").asText();
        int deployments = sandbox.stats().totalDeployments();
        assertEquals(List.of("Error in preDeployCommand - Invalid input"),
                update(Map.of("preDeployCommand", List.of("python -m migrate", "python -m seed"))));
        assertEquals(List.of("Error in preDeployCommand - Invalid input"),
                gql.errors(Docs.PATCH_COMMIT, "environmentId", p.productionId(), "patch", Map.of("services", Map.of(api,
                        Map.of("variables", Map.of("A", Map.of("value", "1")),
                                "deploy", Map.of("preDeployCommand", List.of("a", "b")))))));
        assertUnchanged(etag, deployments);
        assertTrue(environmentView(p.productionId(), false).at("/config/services/" + api + "/variables/A").isMissingNode(),
                "the variable of the same commit was not written either");

        assertEquals(List.of(), gql.post(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId",
                p.productionId(), "input", Map.of("preDeployCommand", List.of("python -m migrate"))).json()
                .path("errors").findValuesAsText("message"), "one command is fine");
        assertEquals("python -m migrate", environmentView(p.productionId(), false)
                .at("/config/services/" + api + "/deploy/preDeployCommand/0").asText());
    }

    @Test
    void vcpuAndMemoryLimitsArePerReplicaAndPerPlan() {
        assertEquals(List.of("vCPUs must be more than 0 and at most 8 per replica on the HOBBY plan, not 12"),
                limits(12.0, null));
        assertEquals(List.of("memoryGB must be more than 0 and at most 8 per replica on the HOBBY plan, not 0"),
                limits(null, 0.0));
        assertEquals(List.of("memoryGB must be more than 0 and at most 8 per replica on the HOBBY plan, not 16"),
                patch(Map.of("limitOverride", Map.of("containers", Map.of("memoryBytes", 16_000_000_000L)))));
        sandbox.setWorkspacePlan("PRO");
        assertTrue(gql.data(Docs.LIMITS_UPDATE, "input", Map.of("environmentId", p.productionId(), "serviceId", api,
                "vCPUs", 24.0, "memoryGB", 24.0)).get("serviceInstanceLimitsUpdate").asBoolean());
        sandbox.setWorkspacePlan("FREE");
        assertEquals(List.of("vCPUs must be more than 0 and at most 1 per replica on the FREE plan, not 2"),
                limits(2.0, null));
        assertEquals(List.of("memoryGB must be more than 0 and at most 0.5 per replica on the FREE plan, not 1"),
                limits(null, 1.0));
    }

    @Test
    void regionsComeFromTheRegionsList() {
        String message = "Invalid region mars-1: expected one of us-west2, us-east4-eqdc4a, europe-west4-drams3a,"
                + " asia-southeast1-eqsg3a (the regions query lists them)";
        assertEquals(List.of(message), update(Map.of("numReplicas", 1, "region", "mars-1")));
        assertEquals(List.of(message), patch(Map.of("multiRegionConfig", Map.of("mars-1", Map.of("numReplicas", 1)))));
        JsonNode regions = gql.data(Docs.REGIONS, "projectId", p.id()).get("regions");
        assertEquals(8, regions.size());
        assertEquals("us-east4-eqdc4a", regions.at("/1/name").asText());
        assertEquals("Virginia, USA", regions.at("/1/location").asText());
        assertEquals("us-east4", regions.at("/1/region").asText());
        JsonNode legacy = regions.get(6);
        assertEquals("europe-west4", legacy.get("name").asText());
        assertTrue(legacy.at("/deploymentConstraints/deprecationInfo/isDeprecated").asBoolean());
        assertEquals("europe-west4-drams3a", legacy.at("/deploymentConstraints/deprecationInfo/replacementRegion")
                .asText());
        assertTrue(commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("multiRegionConfig",
                Map.of("europe-west4", Map.of("numReplicas", 1))))))), "a deprecated region is still accepted");
    }

    @Test
    void cronSchedulesFollowRailwaysGrammarAndFrequencyRule() {
        assertEquals(List.of("Invalid cron schedule \"*/7 * * * *\": runs at 00:56 and 01:00 UTC are only 4 minutes"
                + " apart; every two consecutive runs must be at least 5 minutes apart"),
                update(Map.of("cronSchedule", "*/7 * * * *")));
        assertEquals(List.of("Invalid cron schedule \"0,59 0,23 * * 1\": runs at 23:59 and 00:00 UTC are only 1 minute"
                + " apart; every two consecutive runs must be at least 5 minutes apart"),
                update(Map.of("cronSchedule", "0,59 0,23 * * 1")));
        assertEquals(List.of("Invalid cron schedule \"* * * *\": expected 5 fields (minute hour day-of-month month"
                + " day-of-week), found 4"), update(Map.of("cronSchedule", "* * * *")));
        assertEquals(List.of("Invalid cron schedule \"0 24 * * *\": 24 is out of range for the hour field (0-23)"),
                patch(Map.of("cronSchedule", "0 24 * * *")));
        assertEquals(List.of("Invalid cron schedule \"0 9 * * MON\": \"MON\" is not a number in the day of the week"
                + " field (0-7)"), update(Map.of("cronSchedule", "0 9 * * MON")));
        for (String valid : List.of("*/5 * * * *", "30 9 * * 1-5", "0 */2 * * *", "15 14 1 * *", "0 0 * * 7")) {
            assertTrue(gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                    "input", Map.of("cronSchedule", valid)).get("serviceInstanceUpdate").asBoolean(), valid);
        }
    }

    @Test
    void namesFollowRailwaysRules() {
        gql.assertError("A service named \"api\" already exists in this project", Docs.SERVICE_CREATE,
                "input", Map.of("projectId", p.id(), "name", "api"));
        gql.assertError("Service name must not contain control characters", Docs.SERVICE_CREATE,
                "input", Map.of("projectId", p.id(), "name", "a\tb"));
        gql.assertError("Environment name must not be blank", Docs.ENVIRONMENT_CREATE,
                "input", Map.of("projectId", p.id(), "name", " "));
        gql.assertError("Project name must not contain control characters", Docs.PROJECT_CREATE,
                "input", Map.of("name", "x\ny"));
        String invalid = "Invalid variable name \"1ST\": use letters, digits and underscores, not starting with a digit";
        assertEquals(List.of(invalid), gql.errors(Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(),
                "environmentId", p.productionId(), "serviceId", api, "name", "1ST", "value", "x")));
        assertEquals(List.of("patch.services." + api + ".variables: " + invalid.replace("1ST", "A-B")),
                gql.errors(Docs.PATCH_COMMIT, "environmentId", p.productionId(), "patch",
                        Map.of("services", Map.of(api, Map.of("variables", Map.of("A-B", Map.of("value", "x")))))));
    }

    @Test
    void aNoOpInstanceUpdateOrPatchDeploysNothing() {
        assertTrue(gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("startCommand", "run")).get("serviceInstanceUpdate").asBoolean());
        int deployments = sandbox.stats().totalDeployments();
        String etag = environmentView(p.productionId(), false).get("configEtag").asText();
        assertTrue(gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("startCommand", "run")).get("serviceInstanceUpdate").asBoolean());
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "run")))));
        assertTrue(gql.data(Docs.LIMITS_UPDATE, "input", Map.of("environmentId", p.productionId(), "serviceId", api))
                .get("serviceInstanceLimitsUpdate").asBoolean());
        assertUnchanged(etag, deployments);
    }

    @Test
    void deletingAVariableThatIsNotThereIsAnError() {
        assertEquals(List.of("Variable NOPE not found"), gql.errors(Docs.VARIABLE_DELETE, "input", Map.of(
                "projectId", p.id(), "environmentId", p.productionId(), "serviceId", api, "name", "NOPE")));
        assertEquals(List.of("Variable NOPE not found"), gql.errors(Docs.VARIABLE_DELETE, "input", Map.of(
                "projectId", p.id(), "environmentId", p.productionId(), "name", "NOPE")));
    }

    @Test
    void anUnknownProjectTokenIsProjectTokenNotFound() {
        assertEquals(List.of("Project Token not found"),
                gql.withProjectToken("00000000-0000-4000-8000-000000000000").errors(Docs.PROJECT_TOKEN));
    }

    @Test
    void aWrongAccountTokenIsNotAuthorized() {
        assertEquals(List.of("Not Authorized"),
                gql.withBearer("00000000-0000-4000-8000-000000000000").errors(Docs.ME));
        String projectToken = sandbox.mintProjectToken("demo", "production");
        assertEquals(List.of("Not Authorized"), gql.withBearer(projectToken).errors(Docs.ME),
                "a project token in the Bearer header is a wrong account token");
    }

    @Test
    void forksCopyNoSealedVariables() {
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("variables", Map.of(
                "KEY", Map.of("value", "k", "isSealed", true), "PLAIN", Map.of("value", "p"))))));
        String fork = fork(p.id(), "preview", p.productionId(), true);
        JsonNode variables = environmentView(fork, true).at("/config/services/" + api + "/variables");
        assertEquals(List.of("PLAIN"), List.copyOf(Gql.MAPPER.convertValue(variables, Map.class).keySet()),
                "Railway does not copy sealed variables when duplicating an environment");
    }
}
