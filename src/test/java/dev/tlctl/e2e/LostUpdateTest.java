package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
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

    @Test
    void twoAppliesAtOnceOnOneEnvironmentNeverBothSucceed() throws Exception {
        for (String setting : List.of("numReplicas", "DEBUG")) {
            World w = World.start(dir.resolve(setting), c -> c);
            try {
                assertEquals(0, w.tlctl("apply", "--yes").code());
                World.copySpec(w.dir.resolve("other"));
                if (setting.equals("numReplicas")) {
                    w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2"));
                    w.edit("other/environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 3"));
                } else {
                    w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
                    w.edit("other/environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"3\"")
                            .replace("ENVIRONMENT: staging", "ENVIRONMENT: staging-2"));
                }
                // Both have planned before either writes: the contended case.
                CyclicBarrier planned = new CyclicBarrier(2);
                w.hook(new RequestListener() {
                    @Override
                    public void onRequest(GraphQLRequest request, int attempt) {
                        if (request.document().startsWith("mutation Commit")
                                || request.document().startsWith("query EnvironmentEtags")) {
                            try {
                                planned.await(20, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }
                });
                ExecutorService threads = Executors.newFixedThreadPool(2);
                try {
                    CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> w.tlctl("apply", "--yes"), threads);
                    CompletableFuture<Run> b = CompletableFuture.supplyAsync(() -> w.tlctl("-f", "other/tl-engine.yaml",
                            "apply", "--yes"), threads);
                    List<Run> runs = new ArrayList<>(List.of(a.join(), b.join()));
                    assertTrue(runs.stream().filter(r -> r.code() == 0).count() <= 1,
                            () -> setting + ": both reported success:\n" + runs);
                    assertTrue(runs.stream().allMatch(r -> r.code() == 0 || r.code() == 1), runs::toString);
                } finally {
                    threads.shutdownNow();
                }
                w.assertNoSecretShown();
            } finally {
                w.close();
            }
        }
    }
}
