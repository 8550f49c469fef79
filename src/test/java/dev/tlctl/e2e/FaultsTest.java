package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
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

    @Test
    void applyConvergesUnderRandomFaults() {
        World w = world(c -> c.withFaults("429=0.3,5xx=0.2,drop=0.1").withSeed(4));
        // About half the requests fail; the transport retries each up to 5 times. Should one run
        // still give up, it must say so, and the next one must pick up from what Railway has.
        Run last = null;
        for (int i = 0; i < 3 && (last == null || last.code() != 0); i++) {
            last = w.tlctl("apply", "--yes");
            assertTrue(last.code() == 0 || last.code() == 1, last::toString);
        }
        assertEquals(0, last.code(), last::toString);
        assertTrue(w.recorder.events().stream().anyMatch(e -> e.startsWith("retry ")), "faults were met and retried");
        assertConverged(w);
    }

    @Test
    void theRateLimitIsHonouredThroughRetryAfter() {
        World w = world(c -> c.withRateLimit(1000, 3));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(w.recorder.events().stream().anyMatch(e -> e.startsWith("retry ") && e.contains("HTTP 429")
                && e.contains("in PT1S")), () -> "6 requests at 3 per second meet the limit: " + w.recorder.events());
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
        Run plan = null;
        for (int i = 0; i < 3 && (plan == null || plan.code() == 1); i++) {
            plan = w.tlctl("plan", "--detailed-exitcode"); // a read that gives up under faults may be retried
        }
        assertEquals(0, plan.code(), plan::toString);
        assertEquals(1, w.projects(World.PROJECT).size(), "exactly one project");
        assertEquals(List.of("production", "staging"), World.names(w.project().path("environments")));
        assertEquals(List.of("engine-api"), World.names(w.project().path("services")));
        assertFalse(w.config("staging").toString().contains("fake-prod-password"), "no production secret in staging");
    }
}
