package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StateReader} reads what the mapper reads: the state files the sandbox writes (a fresh one,
 * one after many kinds of writes) to the same records, compared through the mapper's own writing;
 * and anything else it leaves to the mapper (null), never reading it otherwise.
 */
class StateReaderTest extends SandboxTestBase {
    @TempDir
    Path dir;

    private static String written(State state) throws IOException {
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(state);
    }

    private static void sameAsTheMapper(byte[] bytes, boolean direct) throws IOException {
        State read = StateReader.read(bytes);
        if (direct) {
            assertNotNull(read, new String(bytes, StandardCharsets.UTF_8));
        }
        if (read != null) {
            assertEquals(written(Json.MAPPER.readValue(bytes, State.class)), written(read));
        }
    }

    @Test
    void whatTheSandboxWritesReadsAsTheMapperReadsIt() throws IOException {
        Path file = dir.resolve("state.json");
        try (Sandbox written = Sandbox.start(config().withStateFile(file))) {
            sameAsTheMapper(Files.readAllBytes(file), true);
            Gql client = Gql.account(written);
            var created = client.data(Docs.PROJECT_CREATE, "input", Map.of("name", "tl-engine")).get("projectCreate");
            String projectId = created.get("id").asText();
            String production = created.at("/environments/edges/0/node/id").asText();
            String api = client.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", projectId, "name", "api",
                    "source", Map.of("image", "nginx:1"))).at("/serviceCreate/id").asText();
            client.data(Docs.PATCH_COMMIT, "environmentId", production, "patch", Map.of("services", Map.of(api, Map.of(
                    "variables", Map.of("A", Map.of("value", "1"), "S", Map.of("value", "s", "isSealed", true)),
                    "deploy", Map.of("numReplicas", 2, "startCommand", "run")))));
            client.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", projectId, "name", "staging",
                    "sourceEnvironmentId", production));
            client.data(Docs.CLI_SERVICE_DOMAIN_CREATE, "environmentId", production, "serviceId", api, "targetPort", 80);
            client.data(Docs.CLI_VOLUME_CREATE, "projectId", projectId, "environmentId", production, "serviceId", api,
                    "mountPath", "/data");
            written.mintWorkspaceToken(null);
            written.mintProjectToken("tl-engine", "staging");
            written.setUsage("tl-engine", "production", "api", "CPU_USAGE", 12.5);
            written.setCurrentUsage(3);
            written.openPullRequest("tl-engine", 7, "feat/x");
            written.addMember("Dev", "MEMBER");
            written.restrictEnvironment("tl-engine", "production", true);
            sameAsTheMapper(Files.readAllBytes(file), true);
        }
    }

    @Test
    void anythingElseIsLeftToTheMapper() throws IOException {
        String fresh = Json.MAPPER.writeValueAsString(FreshState.create(1, "t", config().clock()));
        sameAsTheMapper(fresh.replace("{\"formatVersion\"", "{\"unknown\":{\"a\":[1,{\"b\":null}]},\"formatVersion\""), true);
        for (String odd : List.of(
                fresh.replace("\"formatVersion\":2", "\"formatVersion\":null"),
                fresh.replace("\"formatVersion\":2", "\"formatVersion\":2.0"),
                fresh.replace("\"formatVersion\":2", "\"formatVersion\":\"2\""),
                fresh.replace("\"seed\":1", "\"seed\":true"),
                fresh.replace("\"users\":[", "\"users\":{\"x\":1},\"ignored\":["),
                fresh + " {}",
                "[]",
                "null",
                "{\"users\":",
                "")) {
            State read = StateReader.read(odd.getBytes(StandardCharsets.UTF_8));
            assertNull(read, odd);
        }
        assertEquals(2, Json.MAPPER.readValue(fresh.replace("\"formatVersion\":2", "\"formatVersion\":2.0"), State.class)
                .formatVersion, "the mapper reads what this reader leaves to it");
    }

    private static void sameAsTheMapper(String json, boolean direct) throws IOException {
        sameAsTheMapper(json.getBytes(StandardCharsets.UTF_8), direct);
    }
}
