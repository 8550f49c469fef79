package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import dev.tlctl.spec.DotEnv;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The process killed at every request of a first apply, before the request leaves or right after
 * its answer arrives (an Error nothing catches, as close to kill -9 as a thread gets): staging
 * never holds one of production's values, whatever point it stopped at, and the next apply
 * converges to one project matching the spec.
 */
class KillTest extends E2eTest {

    /** Stops the run dead; not an Exception, so no catch-and-report path handles it. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed", null, false, false);
        }
    }

    @ParameterizedTest(name = "killed {1} request {0}")
    @CsvSource({"1, before", "2, before", "3, before", "4, before", "5, before", "6, before", "7, before",
        "8, before", "9, before", "10, before", "11, before",
        "1, after", "2, after", "3, after", "4, after", "5, after", "6, after", "7, after",
        "8, after", "9, after", "10, after", "11, after"})
    void killedAtAnyRequestStagingNeverHoldsProductionsValues(int at, String when) {
        World w = world();
        AtomicInteger requests = new AtomicInteger();
        w.hook(new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                if (when.equals("before") && requests.incrementAndGet() == at) {
                    throw new Killed();
                }
            }

            @Override
            public void onResponse(GraphQLRequest request, int httpStatus, Duration elapsed) {
                if (when.equals("after") && requests.incrementAndGet() == at) {
                    throw new Killed();
                }
            }
        });
        assertThrows(Killed.class, () -> w.tlctl("apply", "--yes"));
        w.hook(RequestListener.NONE);
        assertNoProductionValueInStaging(w);

        // Run again a moment later, as a person or a CI retry would: Railway lists a project it has
        // just created only after a moment (a run at once may meet its quota instead, and stop).
        w.clock.advance(Duration.ofSeconds(5));
        Run again = w.tlctl("apply", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertNoProductionValueInStaging(w);
        assertEquals(1, w.projects(World.PROJECT).size());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    private static void assertNoProductionValueInStaging(World w) {
        List<com.fasterxml.jackson.databind.JsonNode> projects = w.projects(World.PROJECT);
        assertTrue(projects.size() <= 1, "never two projects");
        if (projects.isEmpty() || !World.names(projects.get(0).path("environments")).contains("staging")) {
            return;
        }
        String staging = w.config("staging").toString();
        Map<String, String> values = DotEnv.read(w.dir.resolve(World.ENV_FILE));
        values.forEach((name, value) -> {
            if (name.startsWith("PRODUCTION_")) {
                assertFalse(staging.contains(value), name + "'s value is in staging: " + staging);
            }
        });
        assertFalse(staging.contains("fake-prod-password"));
    }
}
