package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Checkout;
import dev.tlctl.testing.TickingClock;
import dev.tlctl.testing.Tlctl;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Did-you-mean for environment and service names, wherever a command is given one (said by the core). */
class DidYouMeanTest {
    @TempDir
    Path tmp;

    private final TickingClock clock = new TickingClock(Instant.parse("2026-12-01T09:00:00Z"));

    private Tlctl.Run run(Path dir, String... args) {
        return Tlctl.in(dir).clock(clock).onSleep(clock::advance).run(args);
    }

    @Test
    void aMistypedEnvironmentGetsTheClosestDeclaredOne() {
        Path dir = ValidateCommandTest.valid().writeTo(tmp);
        for (String command : new String[] {"plan", "apply", "drift", "status", "deploy"}) {
            Tlctl.Run run = Tlctl.in(dir).env(Map.of()).run(command, "--sandbox", "--env", "stagin");
            assertEquals(ExitCodes.USAGE, run.code(), run::toString);
            assertTrue(run.err().contains("unknown environment \"stagin\" in --env; did you mean staging?"),
                    command + ": " + run);
        }
        Tlctl.Run json = Tlctl.in(dir).env(Map.of()).run("plan", "--sandbox", "--env", "prodution", "--json");
        assertTrue(json.out().contains("did you mean production?"), json::toString);
        Tlctl.Run far = Tlctl.in(dir).env(Map.of()).run("plan", "--sandbox", "--env", "qa");
        assertEquals(ExitCodes.USAGE, far.code(), far::toString);
        assertFalse(far.err().contains("did you mean"), "no suggestion when nothing is close: " + far);
    }

    @Test
    void aMistypedServiceGetsTheClosestDeclaredOne() {
        Path dir = ValidateCommandTest.valid().writeTo(tmp);
        for (String command : new String[] {"deploy", "rollback"}) {
            Tlctl.Run run = Tlctl.in(dir).env(Map.of()).run(command, "--sandbox", "--env", "staging", "--service", "apj");
            assertEquals(ExitCodes.USAGE, run.code(), run::toString);
            assertTrue(run.err().contains("unknown service \"apj\" in --service; did you mean api?"), command + ": " + run);
        }
    }

    @Test
    void namesReadFromRailwayGetTheClosestLiveOne() {
        Path dir = Checkout.of(tmp.resolve("checkout"));
        assertEquals(0, run(dir, "apply", "--sandbox", "--yes").code());
        Tlctl.Run env = run(dir, "vars", "list", "--sandbox", "--env", "stagin");
        assertEquals(ExitCodes.USAGE, env.code(), env::toString);
        assertTrue(env.err().contains("no environment \"stagin\" in project tl-engine on Railway; did you mean"
                + " staging?"), env::toString);
        Tlctl.Run service = run(dir, "vars", "list", "--sandbox", "--env", "staging", "--service", "engin-api");
        assertEquals(ExitCodes.USAGE, service.code(), service::toString);
        assertTrue(service.err().contains("no service \"engin-api\" in project tl-engine; did you mean engine-api?"),
                service::toString);
        Tlctl.Run imported = run(dir, "import", "--sandbox", "--project", "tl-engine", "--env", "stagin", "--stdout");
        assertEquals(ExitCodes.USAGE, imported.code(), imported::toString);
        assertTrue(imported.err().contains("project tl-engine has no environment stagin; did you mean staging?"),
                imported::toString);
    }
}
