package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: survives restarts, is replaced atomically, and is shared with the token helpers. */
class PersistenceTest {
    @TempDir
    Path dir;

    private SandboxConfig config(Path state) {
        return SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withStateFile(state).withRateLimit(1_000_000, 1_000_000);
    }

    @Test
    void everythingSurvivesARestartOnTheSameStateFile() throws IOException {
        Path state = dir.resolve("nested/dir/sandbox.json");
        String token;
        String projectId;
        String environmentId;
        String apiId;
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            token = sandbox.accountToken();
            Gql gql = Gql.account(sandbox);
            JsonNode project = gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "demo")).get("projectCreate");
            projectId = project.get("id").asText();
            environmentId = project.at("/environments/edges/0/node/id").asText();
            apiId = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", projectId, "name", "api",
                    "source", Map.of("image", "nginx"))).at("/serviceCreate/id").asText();
            gql.data(Docs.VARIABLE_UPSERT, "input", Map.of("projectId", projectId, "environmentId", environmentId,
                    "serviceId", apiId, "name", "PORT", "value", "3000"));
            sandbox.setMeasurement("demo", "CPU_USAGE", 3);
        }
        assertTrue(Files.isRegularFile(state));
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            assertEquals(token, sandbox.accountToken(), "the generated token was saved");
            Gql gql = Gql.account(sandbox);
            assertEquals("demo", gql.data(Docs.PROJECT, "id", projectId).at("/project/name").asText());
            assertEquals("3000", gql.data(Docs.VARIABLES, "projectId", projectId, "environmentId", environmentId,
                    "serviceId", apiId).at("/variables/PORT").asText());
            assertEquals(2, sandbox.stats().deploymentsFor("production", "api"));
            assertEquals(3.0, gql.data(Docs.USAGE, "measurements", List.of("CPU_USAGE")).at("/usage/0/value").asDouble());
            String second = gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "second"))
                    .at("/projectCreate/id").asText();
            assertNotEquals(projectId, second, "ids keep counting after a restart");
        }
        try (Sandbox sandbox = Sandbox.start(config(state).withToken("my-token"))) {
            assertEquals("my-token", sandbox.accountToken());
            assertEquals(2, new Gql(sandbox.graphqlUrl(), "my-token", Gql.Auth.BEARER)
                    .data(Docs.PROJECTS).at("/projects/edges").size());
            assertEquals(List.of("Not Authorized"),
                    new Gql(sandbox.graphqlUrl(), token, Gql.Auth.BEARER).errors(Docs.ME));
        }
    }

    @Test
    void theFileIsReplacedAtomicallyNeverRewrittenInPlace() throws IOException {
        Path state = dir.resolve("sandbox.json");
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            Gql gql = Gql.account(sandbox);
            gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "first"));
            String before = Files.readString(state);
            try (FileChannel old = FileChannel.open(state, StandardOpenOption.READ)) {
                gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "second"));
                // the old file (inode) is intact: the new state went to a new file renamed over it
                ByteBuffer buffer = ByteBuffer.allocate((int) old.size());
                old.read(buffer, 0);
                String oldContent = new String(buffer.array(), StandardCharsets.UTF_8);
                assertEquals(before, oldContent);
                assertFalse(oldContent.contains("\"second\""));
            }
            JsonNode now = Gql.MAPPER.readTree(state.toFile());
            assertEquals(2, now.get("projects").size());
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(dir.resolve(".sandbox.json.lock"), state), files.sorted().toList(),
                        "no temporary file is left behind; the lock file that serialises writers stays");
            }
        }
    }

    @Test
    void aMissingFileIsAFreshStateAndABrokenOneAClearError() throws IOException {
        Path state = dir.resolve("fresh.json");
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            assertEquals(1, Gql.account(sandbox).data(Docs.API_TOKEN).at("/apiToken/workspaces").size());
        }
        JsonNode saved = Gql.MAPPER.readTree(state.toFile());
        assertEquals("sandbox", saved.at("/workspaces/0/name").asText());
        assertEquals("HOBBY", saved.at("/workspaces/0/plan").asText());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ not json");
        IOException e = assertThrows(IOException.class, () -> Sandbox.start(config(broken)));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("broken.json"), e.getMessage());
    }

    @Test
    void tokensMintedIntoTheFileWhileServingAreAcceptedOnTheNextRequest() throws IOException {
        Path state = dir.resolve("sandbox.json");
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            Gql gql = Gql.account(sandbox);
            gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "demo"));
            String workspaceToken = SandboxTokens.mintWorkspaceToken(state, null);
            assertEquals("sandbox", gql.withBearer(workspaceToken).data(Docs.API_TOKEN)
                    .at("/apiToken/workspaces/0/name").asText());
            String projectToken = SandboxTokens.mintProjectToken(state, "demo", "production");
            assertEquals("production", gql.withProjectToken(projectToken).data(Docs.PROJECT_TOKEN)
                    .at("/projectToken/environment/name").asText());
            // and a later mutation by the server keeps them
            gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "more"));
            assertEquals(sandbox.accountToken(), SandboxTokens.accountToken(state));
        }
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            assertTrue(Files.readString(state).contains("WORKSPACE"));
            assertEquals(2, Gql.account(sandbox).data(Docs.PROJECTS).at("/projects/edges").size());
        }
        assertThrows(SandboxException.class, () -> SandboxTokens.mintProjectToken(state, "nope", "production"));
    }

    @Test
    void idsAreDeterministicFromTheSeed() throws IOException {
        List<String> first = ids(1);
        assertEquals(first, ids(1));
        assertNotEquals(first, ids(2));
        for (String id : first) {
            assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        }
    }

    private static List<String> ids(long seed) throws IOException {
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withSeed(seed))) {
            JsonNode project = Gql.account(sandbox).data(Docs.PROJECT_CREATE, "input", Map.of("name", "demo"))
                    .get("projectCreate");
            return List.of(sandbox.accountToken(), project.get("id").asText(),
                    project.at("/environments/edges/0/node/id").asText());
        }
    }

    @Test
    void volumesComeFromTheStateFile() throws IOException {
        Path state = dir.resolve("sandbox.json");
        String projectId;
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            projectId = Gql.account(sandbox).data(Docs.PROJECT_CREATE, "input", Map.of("name", "demo"))
                    .at("/projectCreate/id").asText();
        }
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) Gql.MAPPER.readTree(state.toFile());
        json.withArray("volumes").addObject().put("id", "vol-1").put("projectId", projectId)
                .put("name", "data").put("createdAt", "2026-01-01T00:00:00Z");
        Gql.MAPPER.writeValue(state.toFile(), json);
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            JsonNode volumes = Gql.account(sandbox).data(Docs.PROJECT_CONNECTIONS, "id", projectId, "first", 5)
                    .at("/project/volumes/edges");
            assertEquals(1, volumes.size());
            assertEquals("data", volumes.at("/0/node/name").asText());
            JsonNode full = Gql.account(sandbox).data(Docs.PROJECT, "id", projectId).at("/project/volumes/edges/0/node");
            assertEquals(projectId, full.at("/project/id").asText());
            assertEquals("2026-01-01T00:00:00Z", full.get("createdAt").asText());
        }
    }
}
