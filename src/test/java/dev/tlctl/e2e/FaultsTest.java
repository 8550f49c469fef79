package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults injected by the sandbox: random 429s, 5xx and dropped connections are retried; a create
 * whose answer is lost is read back, never repeated blindly; a failure that persists stops apply
 * with what was and was not applied, and the next apply converges.
 */
class FaultsTest extends E2eTest {

    /**
     * Seed 4 fails seven of the apply's requests: five HTTP 429s (answered with Retry-After) and a
     * 504, each retried after the wait the transport chose (Retry-After, or its backoff with the
     * run's fixed jitter), and the service create's dropped connection, which is not retried but
     * read back, found missing and sent again after an announced wait. The one apply converges.
     * The counts are exact: a change in how tlctl retries or how many requests an apply sends
     * shows here.
     */
    @Test
    void applyConvergesUnderRandomFaults() {
        World w = world(c -> c.withFaults("429=0.3,5xx=0.2,drop=0.1").withSeed(4));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        String limited = "HTTP 429 (rate limited, Retry-After 1 s)";
        assertEquals(List.of(
                "projectTwins after attempt 1 in PT1S: " + limited,
                "readProject after attempt 1 in PT1S: " + limited,
                "environment x2 after attempt 1 in PT0.051S: HTTP 504",
                "environment x2 after attempt 2 in PT1S: " + limited,
                "readProject after attempt 1 in PT1S: " + limited,
                "readProject after attempt 2 in PT1S: " + limited), retries(w));
        assertEquals(List.of("project tl-engine: Railway lists a new project a moment after creating it (1 s)",
                "another attempt to create service engine-api: Railway's answer to the last one was lost and a read found"
                        + " nothing made (1 s)"), w.recorder.announcedWaits());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(531), Duration.ofMillis(51), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1)), apply.sleeps(), "every wait: the retries' and the announced ones, in order");
        assertEquals(19, apply.requests(), "requests, retries and the create sent again included");
        assertConverged(w);
    }

    /** Each retry as {@code operation after attempt N in WAIT: reason}. */
    private static List<String> retries(World w) {
        return w.recorder.events().stream().filter(e -> e.startsWith("retry "))
                .map(e -> e.replaceFirst("^retry GraphQLRequest\\[operation=([^,]+), .*?\\] after", "$1 after")).toList();
    }

    @Test
    void theRateLimitIsHonouredThroughRetryAfter() {
        World w = world(c -> c.withRateLimit(1000, 3));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        String limited = " after attempt 1 in PT1S: HTTP 429 (rate limited, Retry-After 1 s)";
        assertEquals(List.of("projectTwins" + limited, "environment x2" + limited, "environmentPatchCommit x2" + limited),
                retries(w), "at 3 requests a second, the apply meets the limit three times and waits as told");
        assertEquals(13, apply.requests(), "requests, the three refused included");
        assertConverged(w);
    }

    @ParameterizedTest
    @ValueSource(strings = {"projectCreate", "serviceCreate", "environmentCreate"})
    void aCreateWhoseAnswerIsLostIsReadBackNotRepeated(String operation) {
        World w = world(c -> c.withFaults("once:" + operation + "=lost"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(1, w.stats().field(operation), operation + " was sent once: " + apply);
        assertConverged(w);
    }

    @Test
    void aPersistentFailureSaysWhatWasAppliedAndTheNextApplyConverges() {
        World w = world(c -> c.withFaults("once:environmentPatchCommit=error"));
        Run failed = w.tlctl("apply", "--yes");
        assertEquals(1, failed.code(), failed::toString);
        assertEquals(1, w.stats().field("environmentPatchCommit"), "a GraphQL error is not retried: " + failed);
        String err = failed.err();
        assertTrue(err.contains("Apply failed at step 4 of 4 (commit environments production, staging and set the usage"
                + " limit)."), err);
        assertTrue(err.contains("Railway said: Could not commit the config of environments production, staging and set the"
                + " usage limit: Railway answered \"tlctl sandbox fault: injected error\" (environmentPatchCommit x2,"
                + " usageLimitSet, HTTP 200)."), err);
        assertTrue(err.contains("Applied (3 created, 0 updated, 0 deleted):\n    - create project tl-engine with"
                + " environment production\n    - create environment staging\n    - create service engine-api\n"), err);
        assertTrue(err.contains("Not applied:\n    - commit environments production, staging and set the usage limit (may"
                + " be partly applied)\n"), err);
        assertTrue(err.contains("Running `tlctl apply` again converges"), err);
        assertFalse(failed.out().contains("Apply complete"), failed::toString);

        Run again = w.tlctl("apply", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertConverged(w);
    }

    /** One project with the spec's environments and service, and nothing left to do. */
    private static void assertConverged(World w) {
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        assertEquals(1, w.projects(World.PROJECT).size(), "exactly one project");
        assertEquals(List.of("production", "staging"), World.names(w.project().path("environments")));
        assertEquals(List.of("engine-api"), World.names(w.project().path("services")));
        assertFalse(w.config("staging").toString().contains("fake-prod-password"), "no production secret in staging");
    }
}
