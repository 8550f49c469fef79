package dev.tlctl.e2e;

import static dev.tlctl.e2e.Interleaving.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * No update is lost silently. An environment whose changes a change set carries is written with
 * the etag the plan read, and Railway refuses it whole if someone wrote in between; any other
 * (shared variables) is written after its etag is read again and read back afterwards, and an
 * apply that finds someone else's write beside its own fails loudly, naming what differs. Two
 * applies at once on one environment never both report success.
 */
class LostUpdateTest extends E2eTest {

    /** Someone else writes to staging the moment tlctl sends a request whose document starts with {@code prefix}. */
    private static void interfereAt(World w, String prefix, Runnable write) {
        AtomicBoolean fired = new AtomicBoolean();
        w.hook(new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                if (request.document().startsWith(prefix) && fired.compareAndSet(false, true)) {
                    write.run();
                }
            }
        });
    }

    @Test
    void aGuardedWriteIsRefusedWholeWhenSomeoneWroteSinceThePlan() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 3"));
        interfereAt(w, "mutation Commit", () -> w.upsertVariable("staging", "engine-api", "FEATURE_X", "on"));

        Run apply = w.tlctl("apply", "--yes");

        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("environment staging changed on Railway after the plan was made: Railway refused"
                + " its changes (STALE_ENVIRONMENT_BASE) and nothing of them was written"), apply::toString);
        JsonNode staging = w.config("staging").path("services").path(w.serviceId("engine-api"));
        assertEquals(1, staging.path("deploy").path("multiRegionConfig").path("us-west2").path("numReplicas").asInt(),
                "tlctl's change was not written");
        assertEquals("on", staging.path("variables").path("FEATURE_X").path("value").asText(), "the other one stays");
        assertTrue(w.recorder.documents().stream().anyMatch(d -> d.contains("environmentApplyChangeSet(")),
                "written as a change set");
        assertTrue(w.recorder.documents().stream().noneMatch(d -> d.startsWith("query EnvironmentEtags")),
                "the guard is Railway's: no etag re-read");

        Run again = w.tlctl("apply", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertEquals(3, w.config("staging").path("services").path(w.serviceId("engine-api")).path("deploy")
                .path("multiRegionConfig").path("us-west2").path("numReplicas").asInt());
    }

    @Test
    void anUnguardedWriteStopsBeforeWritingWhenTheEtagMovedSinceThePlan() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        interfereAt(w, "query EnvironmentEtags", () -> w.upsertVariable("staging", null, "SOMEONE_ELSE", "was here"));

        Run apply = w.tlctl("apply", "--yes");

        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("the config of environment staging changed on Railway after the plan was made"),
                apply::toString);
        assertTrue(apply.err().contains("nothing was written"), apply::toString);
        assertEquals("1", w.config("staging").path("sharedVariables").path("DEBUG").path("value").asText());
    }

    @Test
    void anUnguardedWriteThatMetAnotherIsReadBackAndFailsLoudly() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        // After tlctl checked the etag and before its patch lands: no guard can see this one.
        interfereAt(w, "mutation Commit", () -> w.upsertVariable("staging", null, "ENVIRONMENT", "someone-else"));

        Run apply = w.tlctl("apply", "--yes");

        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("Apply wrote its changes, but Railway does not hold what it wrote"), apply::toString);
        assertTrue(apply.err().contains("    - staging/variable/ENVIRONMENT\n"), apply::toString);
        assertTrue(apply.err().contains("Someone else wrote to environment staging at the same time"), apply::toString);
        assertFalse(apply.err().contains("- staging/variable/DEBUG"), "tlctl's own change is what it wrote: " + apply);
        Run json = w.tlctl("apply", "--yes", "--json");
        assertEquals(0, json.code(), "nothing left to do once the other write is seen: " + json);
    }

    private static JsonNode json(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The names of the operations tlctl sent since the recorder was cleared. */
    private static List<String> operations(World w) {
        return w.recorder.documents().stream().map(Interleaving::operation).toList();
    }

    /** Someone else commits a patch to staging's shared variables with this message, as the dashboard or a script would. */
    private static void commitAsSomeoneElse(World w, String name, String value, String message) {
        w.gql.data("""
                mutation E2eOtherCommit($environmentId: String!, $patch: EnvironmentConfig, $message: String) {
                  environmentPatchCommit(environmentId: $environmentId, patch: $patch, commitMessage: $message)
                }""", Map.of("environmentId", w.environmentId("staging"), "patch",
                Map.of("sharedVariables", Map.of(name, Map.of("value", value))), "message", message));
    }

    @Test
    void theLineageCostsOneRequestAfterAnUnguardedWriteAndNoneBeforeItOrForAGuardedOne() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        w.clock.advance(java.time.Duration.ofMinutes(10)); // past the first apply's builds: no wait for them
        w.recorder.clear();
        Run shared = w.tlctl("apply", "--yes");
        assertEquals(0, shared.code(), shared::toString);
        assertEquals(List.of("ReadProject", "EnvironmentEtags", "Commit", "ReadProject", "EnvironmentPatches", "Commit"),
                operations(w), "the plan, the check (etags and patches in one request), the commit, the read-back,"
                + " the one request the lineage adds, and tlctl's record");
        String check = w.recorder.documents().get(1);
        assertTrue(check.contains("environmentPatches(") && check.contains("configEtag"), check);

        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2"));
        w.clock.advance(java.time.Duration.ofMinutes(10));
        w.recorder.clear();
        Run guarded = w.tlctl("apply", "--yes");
        assertEquals(0, guarded.code(), guarded::toString);
        assertTrue(operations(w).stream().noneMatch(o -> o.equals("EnvironmentPatches") || o.equals("EnvironmentEtags")),
                "Railway guards a change set: no check, no lineage: " + operations(w));
    }

    @Test
    void anotherCommitsHostileMessageIsShownEscapedAndCutAndNeverItsContent() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        String hostile = "\u001b[2J\u001b]0;pwned\u0007evil\nline\u202eright-to-left " + "x".repeat(5_000);
        w.secret("fake-other-secret");
        interfereAt(w, "mutation Commit", () -> commitAsSomeoneElse(w, "OTHER_SECRET", "fake-other-secret", hostile));

        Run apply = w.tlctl("apply", "--yes");

        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("someone else committed to environment staging at the same time"), apply::toString);
        assertTrue(apply.err().contains("\\u001b[2J\\u001b]0;pwned\\u0007evil\\u000aline\\u202eright-to-left xxx"),
                apply::toString);
        assertFalse(apply.all().contains("\u001b") || apply.all().contains("\u202e") || apply.all().contains("\u0007"),
                "no control character reaches the terminal");
        assertFalse(apply.err().contains("x".repeat(200)), "a huge message is cut");
        w.assertNoSecretShown();
    }

    @Test
    void jsonCarriesTheOtherWritesOfAConflict() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        interfereAt(w, "mutation Commit", () -> commitAsSomeoneElse(w, "FROM_SCRIPT", "x", "deploy script: bump"));

        Run apply = w.tlctl("apply", "--yes", "--json");

        assertEquals(1, apply.code(), apply::toString);
        JsonNode result = apply.out().lines().map(LostUpdateTest::json)
                .filter(e -> e.path("event").asText().equals("result")).findFirst().orElseThrow();
        assertEquals("conflict", result.path("status").asText(), result::toString);
        assertFalse(result.path("succeeded").asBoolean());
        JsonNode other = result.path("others").path(0);
        assertEquals("staging", other.path("environment").asText(), result::toString);
        assertEquals("COMMITTED", other.path("status").asText());
        assertEquals("deploy script: bump", other.path("message").asText());
        assertFalse(other.path("patchId").asText().isEmpty());
        assertFalse(other.path("time").asText().isEmpty());
        assertEquals(1, result.path("others").size(), "tlctl's own patch is not someone else's: " + result);
    }

    /**
     * Two applies at once on staging, both planned (and, for a shared variable, both checked)
     * before either writes; then one writes, reads back and ends, and only then the other: the order in
     * which a read-back of values alone sees nothing wrong (the later write holds exactly its own
     * values), and which once let both report success. Driven request by request, both ways.
     */
    @Test
    void twoAppliesAtOnceOnOneEnvironmentNeverBothSucceed() throws Exception {
        for (String setting : List.of("numReplicas", "DEBUG")) {
            for (List<String> order : List.of(List.of("a", "b"), List.of("b", "a"))) {
                contend(setting, order.get(0), order.get(1));
            }
        }
    }

    private void contend(String setting, String first, String second) throws Exception {
        boolean shared = setting.equals("DEBUG");
        World w = World.start(dir.resolve(setting + "-" + first + second), c -> c);
        try {
            assertEquals(0, w.tlctl("apply", "--yes").code());
            World.copySpec(w.dir.resolve("other"));
            if (shared) {
                w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
                w.edit("other/environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"3\"")
                        .replace("ENVIRONMENT: staging", "ENVIRONMENT: staging-2"));
            } else {
                w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2"));
                w.edit("other/environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 3"));
            }
            List<Interleaving.Step> script = new ArrayList<>(List.of(step("a", "plan"), step("b", "plan")));
            if (shared) {
                script.addAll(List.of(step("a", "etags"), step("b", "etags")));
            }
            // The first writes, reads back and ends before the second writes.
            script.addAll(List.of(step(first, "commit"), step(first, "done"), step(second, "commit"),
                    step(second, "done")));
            Interleaving turns = new Interleaving(script);
            w.hook(turns);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            Map<String, Run> runs = new LinkedHashMap<>();
            try {
                CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> turns.as("a",
                        () -> w.tlctl("apply", "--yes")), threads);
                CompletableFuture<Run> b = CompletableFuture.supplyAsync(() -> turns.as("b",
                        () -> w.tlctl("-f", "other/tl-engine.yaml", "apply", "--yes")), threads);
                runs.put("a", a.get(2, TimeUnit.MINUTES));
                runs.put("b", b.get(2, TimeUnit.MINUTES));
            } finally {
                threads.shutdownNow();
            }
            String context = setting + ", " + first + " writes first:\n" + runs;
            assertTrue(runs.values().stream().filter(r -> r.code() == 0).count() <= 1, "both reported success: " + context);
            Run won = runs.get(first);
            Run lost = runs.get(second);
            assertEquals(0, won.code(), context);
            assertEquals(1, lost.code(), "the second write met the first: " + context);
            assertTrue(turns.finished(), "every scripted request came in order: " + context);
            if (shared) {
                assertTrue(lost.err().contains("someone else committed to environment staging at the same time"),
                        context);
                assertTrue(lost.err().contains("this apply may have overwritten them"), context);
                assertTrue(lost.err().matches("(?s).*- patch \\S+ \\(COMMITTED \\S+\\): \"tlctl apply: 0 to create,"
                        + " \\d to update, 0 to delete \\(run [0-9a-f]{12}\\)\".*"), context);
                assertEquals(first.equals("a") ? "3" : "2", w.config("staging").at("/sharedVariables/DEBUG/value")
                        .asText(), "the later write stands, and its apply said so: " + context);
                Run json = w.tlctl("apply", "--yes", "--json");
                assertEquals(0, json.code(), "a third apply converges: " + json);
            } else {
                assertTrue(lost.err().contains("STALE_ENVIRONMENT_BASE"), context);
                assertEquals(first.equals("a") ? 2 : 3, w.config("staging").path("services").path(w.serviceId("engine-api"))
                        .path("deploy").path("multiRegionConfig").path("us-west2").path("numReplicas").asInt(), context);
            }
            w.assertNoSecretShown();
        } finally {
            w.close();
        }
    }
}
