package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A wait that gives up ends the command with exit 1 and says what was waited for, for how long,
 * what was done and what to do; and running again converges. (The client's own tests count the
 * waits, RailwayWaitsTest; these check that what it throws comes out of the one door.)
 */
class GiveUpTest extends E2eTest {

    /** Railway lists what was created 45 s later: longer than tlctl looks (1+2+4+8+15 s). */
    @Test
    void aProjectRailwayDoesNotListInThirtySecondsEndsTheApplyAndTheNextOneFindsIt() {
        World w = world(c -> c.withDelays(Duration.ofSeconds(45), Duration.ZERO));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(1, apply.code(), apply::toString);
        assertEquals(java.util.List.of(1L, 2L, 4L, 8L, 15L), apply.sleeps().stream().map(Duration::toSeconds).toList(),
                "looked for 30 s, then gave up");
        assertTrue(apply.err().contains("Apply failed at step 1 of 4 (create project tl-engine with environment"
                + " production)."), apply::toString);
        assertTrue(apply.err().contains("Error: Railway does not list project tl-engine (")
                && apply.err().contains(") 30 s after creating it, so tlctl cannot check that no other run created one"
                        + " at the same moment. The project was created; run tlctl apply again in a minute: it finds"
                        + " the project by name."), apply::toString);

        // Railway stays that slow: each run makes what it can and gives up at the next wait, so the
        // third converges, and there is one project throughout.
        w.later();
        Run second = w.tlctl("apply", "--yes");
        assertEquals(1, second.code(), second::toString);
        assertTrue(second.err().contains("Apply failed at step 2 of 3 (create service engine-api).\n  Error: Railway did"
                + " not make the new services' instances in production, staging visible within 30 s of creating the"
                + " services; they were created. Run tlctl apply again in a minute to finish."), second::toString);
        w.later();
        Run third = w.tlctl("apply", "--yes");
        assertEquals(0, third.code(), third::toString);
        assertEquals(1, w.projects(World.PROJECT).size(), "the project made by the first run, not a second");
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void changeSetsStillApplyingAfterTwoMinutesEndTheApplyWithExitOne() {
        World w = world(c -> c.withDelays(Duration.ZERO, Duration.ofMinutes(10)));
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        w.edit("tl-engine.yaml", s -> s.replace("healthcheckTimeout: 60", "healthcheckTimeout: 90"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("Error: Railway did not apply the changes to environments production, staging:"
                + " they were still being applied after 120 polls a second apart; the outcome is unknown. Run tlctl"
                + " plan in a while to see where it stands."), apply::toString);
    }
}
