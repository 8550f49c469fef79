package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Tlctl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Did-you-mean for environment and service names, wherever a command is given one. */
class DidYouMeanTest {
    @TempDir
    Path tmp;

    @Test
    void aMistypedEnvironmentGetsTheClosestDeclaredOne() {
        Path dir = ValidateCommandTest.valid().writeTo(tmp);
        for (String command : new String[] {"plan", "drift", "status", "deploy"}) {
            Tlctl.Run run = Tlctl.in(dir).env(Map.of()).run(command, "--sandbox", "--env", "stagin");
            assertEquals(ExitCodes.USAGE, run.code(), run::toString);
            assertTrue(run.err().contains("did you mean staging?"), command + ": " + run);
        }
        Tlctl.Run json = Tlctl.in(dir).env(Map.of()).run("plan", "--sandbox", "--env", "prodution", "--json");
        assertTrue(json.out().contains("did you mean production?"), json::toString);
        Tlctl.Run far = Tlctl.in(dir).env(Map.of()).run("plan", "--sandbox", "--env", "qa");
        assertFalse(far.err().contains("did you mean"), "no suggestion when nothing is close: " + far);
    }

    @Test
    void aMistypedServiceGetsTheClosestDeclaredOne() {
        Path dir = ValidateCommandTest.valid().writeTo(tmp);
        Tlctl.Run run = Tlctl.in(dir).env(Map.of()).run("deploy", "--sandbox", "--env", "staging", "--service", "apj");
        assertEquals(ExitCodes.USAGE, run.code(), run::toString);
        assertTrue(run.err().contains("unknown service \"apj\" in --service; did you mean api?"), run::toString);
    }

    @Test
    void theCoresWordingsAreRead() {
        assertEquals("no service \"engin-api\" in project p; did you mean engine-api?", DidYouMean.summary(
                "no service \"engin-api\" in project p", "Its services: engine-api, engine-worker."));
        assertEquals("project p has no environment stagin; did you mean staging?", DidYouMean.summary(
                "project p has no environment stagin", "It has: production, staging."));
        assertEquals("a project token reaches only environment x", DidYouMean.summary(
                "a project token reaches only environment x", "To list, use an account token."));
    }
}
