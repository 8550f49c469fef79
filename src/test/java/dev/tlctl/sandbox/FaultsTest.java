package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Injected faults: each kind over real HTTP, one-shot faults, determinism, and the spec grammar. */
class FaultsTest {
    @TempDir
    Path dir;

    private static Sandbox start(String faults, long seed) throws IOException {
        return start(SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withFaults(faults).withSeed(seed));
    }

    private static Sandbox start(SandboxConfig config) throws IOException {
        return Sandbox.start(config.withRateLimit(1_000_000, 1_000_000));
    }

    /** The request fails at the transport: the connection closed without an answer. */
    private static IOException assertNoAnswer(Gql gql, String query, Object... variables) {
        return assertThrows(IOException.class, () -> {
            try {
                gql.post(query, variables);
            } catch (AssertionError e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw e;
            }
        });
    }

    @Test
    void rate429AndRate5xxAnswerTheStatusWithoutExecuting() throws IOException {
        try (Sandbox sandbox = start("429=1", 1)) {
            Gql.Response response = Gql.account(sandbox).post(Docs.PROJECT_CREATE, "input", Map.of("name", "x"));
            assertEquals(429, response.status());
            assertEquals("1", response.header("Retry-After"));
            assertTrue(response.header("X-RateLimit-Remaining") != null);
            assertEquals(1, sandbox.stats().requests(), "faulted requests count");
            assertEquals(1, sandbox.stats().mutations());
        }
        try (Sandbox sandbox = start("5xx=1", 1)) {
            Gql gql = Gql.account(sandbox);
            Set<Integer> statuses = new java.util.TreeSet<>();
            for (int i = 0; i < 20; i++) {
                Gql.Response response = gql.post(Docs.PROJECT_CREATE, "input", Map.of("name", "x" + i));
                statuses.add(response.status());
                assertTrue(response.text().contains("tlctl sandbox fault"), response.text());
            }
            assertTrue(Set.of(500, 502, 503, 504).containsAll(statuses) && statuses.size() > 1, statuses.toString());
            assertEquals(20, sandbox.stats().requests());
            assertEquals(0, sandbox.stats().totalDeployments());
        }
    }

    @Test
    void dropClosesTheConnectionBeforeExecuting() throws IOException {
        try (Sandbox sandbox = start("once:projectCreate=drop", 1)) {
            Gql gql = Gql.account(sandbox);
            assertNoAnswer(gql, Docs.PROJECT_CREATE, "input", Map.of("name", "demo"));
            assertEquals(0, gql.data(Docs.PROJECTS).at("/projects/edges").size(), "not executed");
            gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "demo"));
            assertEquals(1, gql.data(Docs.PROJECTS).at("/projects/edges").size(), "once: never again");
            assertEquals(4, sandbox.stats().requests());
        }
    }

    @Test
    void lostExecutesAndSavesTheMutationThenDropsTheAnswer() throws IOException {
        Path state = dir.resolve("state.json");
        try (Sandbox sandbox = start(SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withStateFile(state)
                .withFaults("once:projectCreate=lost"))) {
            Gql gql = Gql.account(sandbox);
            assertNoAnswer(gql, Docs.PROJECT_CREATE, "input", Map.of("name", "demo"));
            assertTrue(Files.readString(state).contains("\"demo\""), "saved before the answer was lost");
            JsonNode projects = gql.data(Docs.PROJECTS).at("/projects/edges");
            assertEquals(1, projects.size(), "executed exactly once");
            assertEquals("demo", projects.at("/0/node/name").asText());
        }
    }

    @Test
    void errorAnswersAGraphqlErrorWithHttp200AndOnceMatchesOperationNames() throws IOException {
        try (Sandbox sandbox = start("once:variables=error,once:EnvironmentPatchCommit=503,once:Me=429", 1)) {
            Gql gql = Gql.account(sandbox);
            JsonNode project = gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "demo")).get("projectCreate");
            String projectId = project.get("id").asText();
            String environmentId = project.at("/environments/edges/0/node/id").asText();
            assertEquals(List.of("tlctl sandbox fault: injected error"),
                    gql.errors(Docs.VARIABLES, "projectId", projectId, "environmentId", environmentId));
            assertEquals(0, gql.data(Docs.VARIABLES, "projectId", projectId, "environmentId", environmentId)
                    .get("variables").size());
            Gql.Response commit = gql.post(Docs.PATCH_COMMIT, "environmentId", environmentId,
                    "patch", Map.of("sharedVariables", Map.of("A", Map.of("value", "1"))));
            assertEquals(503, commit.status());
            assertEquals(0, gql.data(Docs.VARIABLES, "projectId", projectId, "environmentId", environmentId)
                    .get("variables").size(), "a 503 fault does not execute");
            assertEquals(429, gql.post(Docs.ME).status());
            assertEquals(200, gql.post(Docs.ME).status());
        }
    }

    @Test
    void latencyDelaysEveryRequest() throws IOException {
        try (Sandbox sandbox = start("latency=150ms", 1)) {
            Gql gql = Gql.account(sandbox);
            long start = System.nanoTime();
            gql.data(Docs.ME);
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 150);
        }
    }

    @Test
    void theSameSeedMeetsTheSameFaults() throws IOException {
        List<Integer> first = statuses("5xx=0.3,429=0.2,latency=1-3ms", 7);
        assertEquals(first, statuses("5xx=0.3,429=0.2,latency=1-3ms", 7));
        assertNotEquals(first, statuses("5xx=0.3,429=0.2,latency=1-3ms", 8));
        assertTrue(first.contains(200) && first.contains(429), first.toString());
    }

    private static List<Integer> statuses(String faults, long seed) throws IOException {
        try (Sandbox sandbox = start(faults, seed)) {
            Gql gql = Gql.account(sandbox);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                statuses.add(gql.post(Docs.API_TOKEN).status());
            }
            return statuses;
        }
    }

    @Test
    void resetReArmsOnceFaults() throws IOException {
        try (Sandbox sandbox = start("once:apiToken=500", 1)) {
            Gql gql = Gql.account(sandbox);
            assertEquals(500, gql.post(Docs.API_TOKEN).status());
            assertEquals(200, gql.post(Docs.API_TOKEN).status());
            sandbox.reset();
            assertEquals(500, gql.post(Docs.API_TOKEN).status());
        }
    }

    @Test
    void theSpecGrammarAcceptsEveryFormAndExplainsMistakes() {
        Faults faults = Faults.parse("429=0.1, 5xx=0.05,drop=0.02,lost=0,error=0,latency=20ms,latency=10-50ms,"
                + "latency=1s-2s,once:environmentPatchCommit=500,once:projectCreate=lost,once:serviceCreate=drop,"
                + "once:variables=error,once:me=429,once:x=5xx", 1);
        assertTrue(!faults.isEmpty());
        assertTrue(Faults.parse(null, 1).isEmpty());
        assertTrue(Faults.parse(" ", 1).isEmpty());
        Map<String, String> bad = Map.of(
                "abc", "no KEY=VALUE form",
                "429=2", "not a probability",
                "429=often", "not a probability",
                "404=0.1", "not a fault kind",
                "latency=fast", "not a duration",
                "latency=50-10ms", "ends before it starts",
                "once:=drop", "not an operation or field name",
                "once:me=404", "not a fault kind",
                "drop=0.1,", "no KEY=VALUE form");
        bad.forEach((spec, why) -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Faults.parse(spec, 1), spec);
            assertTrue(e.getMessage().contains(why), e.getMessage());
            assertTrue(e.getMessage().startsWith("Invalid fault"), e.getMessage());
        });
        assertThrows(IllegalArgumentException.class, () -> SandboxConfig.defaults().withFaults("drop=x"));
    }

    @Test
    void aDroppedAnswerIsAnIoErrorNotAnHttpStatus() throws IOException {
        try (Sandbox sandbox = start("drop=1", 1)) {
            IOException e = assertNoAnswer(Gql.account(sandbox), Docs.ME);
            assertTrue(e.getMessage() != null);
            assertEquals(1, sandbox.stats().requests());
        }
    }
}
