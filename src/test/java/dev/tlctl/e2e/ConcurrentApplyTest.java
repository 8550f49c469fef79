package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two applies at once, in threads against one sandbox: never two projects, never two successes on one environment. */
class ConcurrentApplyTest extends E2eTest {

    /** Two runs on two threads of their own (the common pool may have one thread on a small machine). */
    private static List<Run> together(World w, String... args) {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Run> a = CompletableFuture.supplyAsync(() -> w.tlctl(args), threads);
            CompletableFuture<Run> b = CompletableFuture.supplyAsync(() -> w.tlctl(args), threads);
            List<Run> runs = new ArrayList<>();
            runs.add(a.join());
            runs.add(b.join());
            return runs;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Both threads reach this point before either goes on. */
    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theSecondOfTwoFirstAppliesMeetsRailwaysQuotaFindsTheProjectAndMakesNothing() {
        World w = world();
        CyclicBarrier bothPlanned = new CyclicBarrier(2);
        w.hook(new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                if (request.document().contains("mutation ProjectCreate")) {
                    await(bothPlanned);
                }
            }
        });
        List<Run> runs = together(w, "apply", "--yes");
        w.hook(RequestListener.NONE);

        assertEquals(List.of(0, 1), runs.stream().map(Run::code).sorted().toList(), runs::toString);
        Run loser = runs.stream().filter(r -> r.code() == 1).findFirst().orElseThrow();
        assertTrue(loser.err().contains("another apply created project tl-engine at the same time"), loser::toString);
        assertTrue(loser.err().contains("Railway refused this apply's create for its quota, so it made nothing"),
                loser::toString);
        assertTrue(loser.sleeps().contains(java.time.Duration.ofSeconds(31)), "the quota waited out: " + loser);
        assertEquals(1, w.projects(World.PROJECT).size(), "exactly one project, never a twin");
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void twoFirstAppliesThatBothCreateTheProjectLeaveOne() {
        // Both create the project before either looks for a twin: possible when Railway's quota does
        // not separate them (a quota Railway lifts); the twin check does. Lists show new projects at
        // once here, so that each run looks exactly once.
        World w = world(c -> c.withTiming(dev.tlctl.sandbox.SandboxConfig.Timing.immediate()));
        CyclicBarrier bothPlanned = new CyclicBarrier(2);
        CyclicBarrier bothCreated = new CyclicBarrier(2);
        w.hook(new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                // Both planned to create the project, and both created it before either looks for a
                // twin: the worst interleaving.
                if (request.document().contains("mutation ProjectCreate")) {
                    await(bothPlanned);
                }
                if (request.document().contains("query ProjectTwins")) {
                    await(bothCreated);
                }
            }
        });
        List<Run> runs = together(w, "apply", "--yes");
        w.hook(RequestListener.NONE);

        assertEquals(List.of(0, 1), runs.stream().map(Run::code).sorted().toList(), runs::toString);
        Run loser = runs.stream().filter(r -> r.code() == 1).findFirst().orElseThrow();
        assertTrue(loser.err().contains("another apply created project tl-engine at the same time"), loser::toString);
        assertTrue(loser.err().contains("Applied: nothing.") || loser.err().contains("Apply failed at step 1"), loser::toString);
        assertEquals(1, w.projects(World.PROJECT).size(), "exactly one project remains");

        Run again = w.tlctl("apply", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
        assertEquals(1, w.projects(World.PROJECT).size());
    }

    @Test
    void racingFirstAppliesNeverLeaveTwoProjects() {
        for (int trial = 0; trial < 4; trial++) {
            World w = World.start(dir.resolve("trial-" + trial), c -> c);
            try {
                List<Run> runs = together(w, "apply", "--yes");
                assertTrue(runs.stream().anyMatch(r -> r.code() == 0), runs::toString);
                assertEquals(1, w.projects(World.PROJECT).size(), () -> "trial: " + runs);
                Run again = w.tlctl("apply", "--yes");
                assertEquals(0, again.code(), again::toString);
                assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
                w.assertNoSecretShown();
            } finally {
                w.close();
            }
        }
    }
}
