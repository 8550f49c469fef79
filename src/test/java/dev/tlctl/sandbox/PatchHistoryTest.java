package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lineage of an environment's config: every commit through Railway's patch flow leaves an
 * EnvironmentPatch with its message (environmentPatches, environmentPatch); direct variable
 * writes leave none; the staged patch is listed as STAGED until committed.
 */
class PatchHistoryTest extends SandboxTestBase {
    Project p;
    String api;

    @BeforeEach
    void aService() {
        p = project("demo");
        api = service(p.id(), "api");
    }

    List<JsonNode> patches(Object... paging) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("environmentId", p.productionId());
        for (int i = 0; i < paging.length; i += 2) {
            variables.put((String) paging[i], paging[i + 1]);
        }
        List<JsonNode> out = new ArrayList<>();
        gql.data(Docs.ENVIRONMENT_PATCHES, variables.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray())
                .at("/environmentPatches/edges").forEach(e -> out.add(e.get("node")));
        return out;
    }

    String commit(Map<String, Object> patch, String message) {
        return gql.data(Docs.PATCH_COMMIT, "environmentId", p.productionId(), "patch", patch, "message", message)
                .get("environmentPatchCommit").asText();
    }

    Map<String, Object> variable(String name, String value) {
        return Map.of("services", Map.of(api, Map.of("variables", Map.of(name, Map.of("value", value)))));
    }

    @Test
    void aCommitIsListedWithItsIdAndMessageAndItsContentMaskedUnlessDecrypted() {
        assertEquals(List.of(), patches(), "nothing committed yet");
        String id = commit(variable("KEY", "s3cr3t"), "first (run abc)");

        List<JsonNode> listed = patches();
        assertEquals(1, listed.size());
        JsonNode patch = listed.get(0);
        assertEquals(id, patch.get("id").asText(), "environmentPatchCommit answers the patch's id");
        assertEquals("COMMITTED", patch.get("status").asText());
        assertEquals("first (run abc)", patch.get("message").asText());
        assertEquals(p.productionId(), patch.get("environmentId").asText());
        assertFalse(patch.get("appliedAt").isNull());

        JsonNode masked = gql.data(Docs.ENVIRONMENT_PATCH, "id", id, "decrypt", false).get("environmentPatch");
        assertEquals(id, masked.get("id").asText());
        assertFalse(masked.at("/patch/services/" + api + "/variables/KEY").has("value"), masked.toString());
        JsonNode decrypted = gql.data(Docs.ENVIRONMENT_PATCH, "id", id, "decrypt", true).get("environmentPatch");
        assertEquals("s3cr3t", decrypted.at("/patch/services/" + api + "/variables/KEY/value").asText());
        assertEquals(List.of("Environment patch not found"), gql.errors(Docs.ENVIRONMENT_PATCH, "id", "nope",
                "decrypt", false));
    }

    @Test
    void directVariableWritesLeaveNoPatch() {
        commit(variable("A", "1"), "one");
        gql.data(Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "name", "SHARED", "value", "x"));
        assertEquals(List.of("one"), patches().stream().map(n -> n.get("message").asText()).toList());
    }

    @Test
    void firstAndLastReadBothEndsOldestFirst() {
        for (int i = 0; i < 5; i++) {
            commit(variable("N", String.valueOf(i)), "commit " + i);
        }
        assertEquals(List.of("commit 0", "commit 1"), patches("first", 2).stream()
                .map(n -> n.get("message").asText()).toList());
        assertEquals(List.of("commit 3", "commit 4"), patches("last", 2).stream()
                .map(n -> n.get("message").asText()).toList());
    }

    @Test
    void theStagedPatchIsListedStagedThenCommittedUnderTheSameId() {
        commit(variable("A", "1"), "before");
        String staged = gql.data(Docs.STAGE_CHANGES, "environmentId", p.productionId(), "input", variable("B", "2"),
                "merge", true).at("/environmentStageChanges/id").asText();
        List<JsonNode> listed = patches();
        assertEquals(List.of("COMMITTED", "STAGED"), listed.stream().map(n -> n.get("status").asText()).toList());
        assertEquals(staged, listed.get(1).get("id").asText());

        gql.data(Docs.COMMIT_STAGED, "environmentId", p.productionId(), "skipDeploys", true);
        listed = patches();
        assertEquals(2, listed.size(), listed.toString());
        assertEquals(staged, listed.get(1).get("id").asText());
        assertEquals("COMMITTED", listed.get(1).get("status").asText());
        assertEquals("tlctl test", listed.get(1).get("message").asText());
    }

    @Test
    void aChangeSetThatChangesSomethingLeavesAPatchWithItsMessage() {
        Map<String, Object> set = ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "FEATURE", "on"));
        gql.data(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(), "input", set, "commitMessage", "cs");
        gql.data(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(), "input", set, "commitMessage", "no-op");
        List<JsonNode> listed = patches();
        assertEquals(List.of("cs"), listed.stream().map(n -> n.get("message").asText()).toList(),
                "the second changed nothing");
        JsonNode content = gql.data(Docs.ENVIRONMENT_PATCH, "id", listed.get(0).get("id").asText(), "decrypt", true)
                .at("/environmentPatch/patch");
        assertEquals("on", content.at("/services/" + api + "/variables/FEATURE/value").asText(), content.toString());
        assertTrue(content.path("services").path(api).path("deploy").isMissingNode(), "only what changed: " + content);
    }
}
