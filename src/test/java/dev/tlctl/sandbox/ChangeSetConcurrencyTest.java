package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * baseConfigEtag is a compare-and-swap: concurrent applies from the same base, over real HTTP on
 * several threads (and through two sandboxes sharing one state file, as two processes would),
 * see exactly one winner. Also the lost-answer fault and a restart between apply and poll.
 */
class ChangeSetConcurrencyTest {
    private static final int THREADS = 8;

    @TempDir
    Path dir;

    private static SandboxConfig config(Path state) {
        return SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withStateFile(state)
                .withRateLimit(1_000_000, 1_000_000);
    }

    /** A project "demo" with a service "api" from an image (so that changes deploy it); returns the production environment's id. */
    private static String demo(Gql gql) {
        JsonNode project = gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "demo")).get("projectCreate");
        gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", project.get("id").asText(), "name", "api",
                "source", Map.of("image", "nginx:1")));
        return project.at("/environments/edges/0/node/id").asText();
    }

    private static String etag(Gql gql, String environmentId) {
        return gql.data(Docs.CONFIG_ETAG, "id", environmentId).at("/environment/configEtag").asText();
    }

    private static JsonNode variables(Gql gql, String environmentId) {
        JsonNode config = gql.data(Docs.CONFIG_ETAG, "id", environmentId).at("/environment/config/services");
        return config.elements().next().path("variables");
    }

    /**
     * Fires one apply per client at once, all from {@code base}, each setting its own new variable
     * (a no-op would keep the etag and rightly let another apply through); returns each answer's
     * error code, or "applied".
     */
    private static List<String> race(List<Gql> clients, String environmentId, String base, int round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                Gql client = clients.get(i);
                Map<String, Object> set = ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "R" + round + "V" + i, "x"));
                answers.add(pool.submit(() -> {
                    start.await();
                    JsonNode json = client.post(Docs.CHANGE_SET_APPLY, "environmentId", environmentId, "input", set,
                            "baseConfigEtag", base).json();
                    return json.has("errors") ? json.at("/errors/0/extensions/code").asText("(no code)")
                            : json.at("/data/environmentApplyChangeSet/status").asText();
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> answer : answers) {
                outcomes.add(answer.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneWinner(List<String> outcomes) {
        assertEquals(1, outcomes.stream().filter("applied"::equals).count(), outcomes.toString());
        assertEquals(THREADS - 1, outcomes.stream().filter("STALE_ENVIRONMENT_BASE"::equals).count(),
                outcomes.toString());
    }

    @Test
    void concurrentAppliesFromOneBaseHaveExactlyOneWinner() throws Exception {
        try (Sandbox sandbox = Sandbox.start(config(dir.resolve("state.json")))) {
            Gql gql = Gql.account(sandbox);
            String production = demo(gql);
            for (int round = 0; round < 3; round++) {
                String base = etag(gql, production);
                int deployments = sandbox.stats().totalDeployments();
                List<Gql> clients = new ArrayList<>();
                for (int i = 0; i < THREADS; i++) {
                    clients.add(gql);
                }
                assertOneWinner(race(clients, production, base, round));
                assertEquals(round + 1, variables(gql, production).size(), "one change set landed per round");
                assertEquals(deployments + 1, sandbox.stats().totalDeployments());
            }
        }
    }

    @Test
    void twoSandboxesOnOneStateFileAlsoHaveExactlyOneWinner() throws Exception {
        Path state = dir.resolve("shared.json");
        try (Sandbox first = Sandbox.start(config(state)); Sandbox second = Sandbox.start(config(state))) {
            Gql one = Gql.account(first);
            Gql two = Gql.account(second);
            String production = demo(one);
            String base = etag(two, production);
            List<Gql> clients = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                clients.add(i % 2 == 0 ? one : two);
            }
            assertOneWinner(race(clients, production, base, 0));
            assertEquals(1, variables(one, production).size());
            assertEquals(1, variables(two, production).size());
            assertEquals(1, Gql.MAPPER.readTree(state.toFile()).get("changeSetApplies").size(), "one record, saved");
        }
    }

    @Test
    void aLostAnswerStillAppliedTheChangeSetSoARetryFromTheSameBaseIsStale() throws IOException {
        Path state = dir.resolve("lost.json");
        try (Sandbox sandbox = Sandbox.start(config(state).withFaults("once:environmentApplyChangeSet=lost"))) {
            Gql gql = Gql.account(sandbox);
            String production = demo(gql);
            String base = etag(gql, production);
            Map<String, Object> set = ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "A", "1"));
            AssertionError lost = assertThrows(AssertionError.class, () -> gql.post(Docs.CHANGE_SET_APPLY,
                    "environmentId", production, "input", set, "baseConfigEtag", base));
            assertTrue(lost.getCause() instanceof IOException, lost.toString());
            assertTrue(Files.readString(state).contains("\"A\""), "applied and saved before the answer was lost");
            JsonNode retry = gql.post(Docs.CHANGE_SET_APPLY, "environmentId", production, "input", set,
                    "baseConfigEtag", base).json();
            assertEquals("STALE_ENVIRONMENT_BASE", retry.at("/errors/0/extensions/code").asText(), retry.toString());
        }
    }

    @Test
    void anApplyResultSurvivesARestartBeforeThePoll() throws IOException {
        Path state = dir.resolve("restart.json");
        String production;
        String id;
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            Gql gql = Gql.account(sandbox);
            production = demo(gql);
            id = gql.data(Docs.CHANGE_SET_APPLY, "environmentId", production, "input",
                    ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "A", "1")), "waitForCompletion", false)
                    .at("/environmentApplyChangeSet/id").asText();
        }
        try (Sandbox sandbox = Sandbox.start(config(state))) {
            JsonNode done = Gql.account(sandbox).data(Docs.CHANGE_SET_POLL, "environmentId", production, "id", id)
                    .get("environmentChangeSetApply");
            assertEquals("applied", done.get("status").asText());
            assertEquals("applied", done.at("/changes/0/status").asText());
        }
    }
}
