package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staged changes as Railway's dashboard and CLI use them: environmentStageChanges,
 * environmentStagedChanges, environmentPatchCommitStaged and Environment.unmergedChangesCount;
 * and what the other writes do to a staged patch (nothing).
 */
class StagedChangesTest extends SandboxTestBase {
    @TempDir
    Path dir;

    Project p;
    String api;

    @Override
    SandboxConfig config() {
        return super.config().withStateFile(dir.resolve("state.json"));
    }

    @BeforeEach
    void aService() {
        p = project("demo");
        api = service(p.id(), "api");
    }

    JsonNode stage(String environmentId, Object patch, Boolean merge) {
        Map<String, Object> variables = new HashMap<>(Map.of("environmentId", environmentId, "input", patch));
        variables.put("merge", merge);
        return gql.data(Docs.STAGE_CHANGES, variables.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray())
                .get("environmentStageChanges");
    }

    int unmerged(String environmentId) {
        return gql.data(Docs.UNMERGED, "id", environmentId).at("/environment/unmergedChangesCount").asInt();
    }

    String etag(String environmentId) {
        return gql.data(Docs.UNMERGED, "id", environmentId).at("/environment/configEtag").asText();
    }

    JsonNode staged(boolean decrypt) {
        return gql.data(Docs.STAGED_CHANGES, "environmentId", p.productionId(), "decrypt", decrypt)
                .get("environmentStagedChanges");
    }

    @Test
    void stagingChangesNothingButTheStagedPatchAndItsCount() {
        String etag = etag(p.productionId());
        int deployments = sandbox.stats().totalDeployments();
        assertEquals(0, unmerged(p.productionId()));
        JsonNode placeholder = staged(false);
        assertEquals(0, placeholder.get("patch").size(), "nothing staged: an empty placeholder");
        assertEquals(placeholder.get("id"), staged(false).get("id"), "with a stable id");

        JsonNode first = stage(p.productionId(), Map.of("services", Map.of(api, Map.of(
                "variables", Map.of("KEY", Map.of("value", "s3cr3t")),
                "deploy", Map.of("numReplicas", 2, "startCommand", "run")))), null);
        assertEquals("STAGED", first.get("status").asText());
        assertEquals(3, unmerged(p.productionId()), "a variable and two settings");
        assertEquals(etag, etag(p.productionId()), "the config did not change");
        assertEquals(deployments, sandbox.stats().totalDeployments());
        assertTrue(instance(p.productionId(), api).get("startCommand").isNull());

        JsonNode masked = staged(false);
        assertEquals(first.get("id"), masked.get("id"));
        assertFalse(masked.at("/patch/services/" + api + "/variables/KEY").has("value"), "masked without decrypt");
        assertEquals("s3cr3t", staged(true).at("/patch/services/" + api + "/variables/KEY/value").asText());
        assertEquals(p.productionId(), masked.at("/environment/id").asText());
        assertTrue(masked.get("appliedBy").isNull());

        Map<String, Object> removal = new HashMap<>();
        removal.put("OLD", null);
        stage(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "run2"))),
                "sharedVariables", removal), true);
        JsonNode merged = staged(true).get("patch");
        assertEquals("run2", merged.at("/services/" + api + "/deploy/startCommand").asText());
        assertEquals(2, merged.at("/services/" + api + "/deploy/numReplicas").asInt(), "merged, not replaced");
        assertTrue(merged.at("/sharedVariables/OLD").isNull() && merged.get("sharedVariables").has("OLD"),
                "a staged null is a deletion to commit later");
        assertEquals(4, unmerged(p.productionId()));

        stage(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("sleepApplication", true)))),
                false);
        assertEquals(1, unmerged(p.productionId()), "without merge the input replaces the staged patch");
    }

    @Test
    void committingTheStagedPatchAppliesItWholeAndEmptiesIt() {
        String id = stage(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy",
                Map.of("startCommand", "run")))), null).get("id").asText();
        int deployments = sandbox.stats().deploymentsFor("production", "api");
        assertEquals(id, gql.data(Docs.COMMIT_STAGED, "environmentId", p.productionId())
                .get("environmentPatchCommitStaged").asText());
        assertEquals("run", instance(p.productionId(), api).get("startCommand").asText());
        assertEquals(deployments + 1, sandbox.stats().deploymentsFor("production", "api"));
        assertEquals(0, unmerged(p.productionId()));
        assertEquals(0, staged(false).get("patch").size());

        stage(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "go")))), null);
        gql.data(Docs.COMMIT_STAGED, "environmentId", p.productionId(), "skipDeploys", true);
        assertEquals("go", instance(p.productionId(), api).get("startCommand").asText());
        assertEquals(deployments + 1, sandbox.stats().deploymentsFor("production", "api"), "skipDeploys");

        assertEquals(List.of("There are no staged changes to commit in environment production"),
                gql.errors(Docs.COMMIT_STAGED, "environmentId", p.productionId()));
    }

    @Test
    void otherWritesLeaveTheStagedPatchAlone() {
        stage(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "staged")))),
                null);
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("healthcheckPath", "/h")))));
        assertEquals(1, unmerged(p.productionId()), "environmentPatchCommit commits only its own patch");
        assertEquals("/h", instance(p.productionId(), api).get("healthcheckPath").asText());
        assertTrue(instance(p.productionId(), api).get("startCommand").isNull());
        gql.data(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(), "input",
                ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "A", "1")));
        assertEquals(1, unmerged(p.productionId()), "a change set too");
        assertEquals("staged", staged(true).at("/patch/services/" + api + "/deploy/startCommand").asText());
    }

    @Test
    void aPatchThatCouldNotBeCommittedIsNotStagedAndOneThatNoLongerCanStaysStaged() {
        assertEquals(List.of("Service nope not found"), gql.errors(Docs.STAGE_CHANGES, "environmentId",
                p.productionId(), "input", Map.of("services", Map.of("nope", Map.of("deploy", Map.of())))));
        assertEquals(List.of("Invalid cron schedule \"* * * * *\": runs at 00:00 and 00:01 UTC are only 1 minute"
                + " apart; every two consecutive runs must be at least 5 minutes apart"),
                gql.errors(Docs.STAGE_CHANGES, "environmentId", p.productionId(), "input",
                        Map.of("services", Map.of(api, Map.of("deploy", Map.of("cronSchedule", "* * * * *"))))));
        assertEquals(0, unmerged(p.productionId()));

        stage(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "x")))), null);
        gql.data(Docs.SERVICE_DELETE, "id", api);
        assertEquals(List.of("Service " + api + " not found"),
                gql.errors(Docs.COMMIT_STAGED, "environmentId", p.productionId()));
        assertEquals(1, unmerged(p.productionId()), "still staged, for someone to look at");
    }

    @Test
    void stageInitialChangesStagesTheCopyOfTheSource() {
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("variables", Map.of(
                "PLAIN", Map.of("value", "p"), "KEY", Map.of("value", "k", "isSealed", true))))));
        String preview = gql.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", p.id(), "name", "preview",
                "sourceEnvironmentId", p.productionId(), "stageInitialChanges", true)).at("/environmentCreate/id")
                .asText();
        assertEquals(List.of(), instanceServiceIds(preview), "nothing committed yet");
        assertEquals(0, sandbox.stats().deploymentsFor("preview", "api"));
        assertTrue(unmerged(preview) > 0);
        gql.data(Docs.COMMIT_STAGED, "environmentId", preview);
        assertEquals(List.of(api), instanceServiceIds(preview));
        assertEquals(1, sandbox.stats().deploymentsFor("preview", "api"));
        JsonNode variables = variables(p.id(), preview, api, true);
        assertEquals("p", variables.get("PLAIN").asText());
        assertFalse(variables.has("KEY"), "sealed variables are not copied");
    }

    @Test
    void projectTokensStageInTheirOwnEnvironmentAndTheStagedPatchSurvivesARestart() throws IOException {
        String staging = environment(p.id(), "staging");
        Gql scoped = gql.withProjectToken(sandbox.mintProjectToken("demo", "production"));
        assertEquals("STAGED", scoped.data(Docs.STAGE_CHANGES, "environmentId", p.productionId(), "input",
                Map.of("sharedVariables", Map.of("A", Map.of("value", "1")))).at("/environmentStageChanges/status")
                .asText());
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.STAGE_CHANGES, "environmentId", staging,
                "input", Map.of()));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.STAGED_CHANGES, "environmentId", staging));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.COMMIT_STAGED, "environmentId", staging));

        sandbox.close();
        sandbox = Sandbox.start(config());
        gql = Gql.account(sandbox);
        assertEquals(1, unmerged(p.productionId()));
    }
}
