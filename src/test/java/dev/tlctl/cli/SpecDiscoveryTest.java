package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.Checkout;
import dev.tlctl.testing.Tlctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without -f, the spec is found in the current folder or the nearest one above it, as git finds its repository. */
class SpecDiscoveryTest {
    @TempDir
    Path tmp;

    /** A checkout: .git, the repository's spec and its overlays. */
    private Path checkout() {
        return Checkout.of(tmp.resolve("checkout"));
    }

    @Test
    void fromASubfolderTheSpecAboveIsReadWithItsOverlays() throws IOException {
        Path dir = checkout();
        Path sub = dir.resolve("environments");
        Tlctl.Run here = Tlctl.in(dir).env(Map.of()).run("validate", "--sandbox", "--json");
        Tlctl.Run below = Tlctl.in(sub).env(Map.of()).run("validate", "--sandbox", "--json");
        assertEquals(0, below.code(), below::toString);
        JsonNode document = Json.MAPPER.readTree(below.out());
        assertEquals(dir.resolve("tl-engine.yaml").toString(), document.get("file").asText());
        assertEquals(2, document.get("environments").size(), "the overlays beside the spec: " + below.out());
        assertEquals(Json.MAPPER.readTree(here.out()).get("environments"), document.get("environments"));

        Tlctl.Run plan = Tlctl.in(sub).env(Map.of()).run("plan", "--sandbox");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(Files.isRegularFile(dir.resolve(".tlctl/sandbox.json")), "the sandbox's state beside the spec");
        assertFalse(Files.exists(sub.resolve(".tlctl")), "nothing written in the subfolder");
    }

    @Test
    void noSpecHereOrAboveHasItsOwnMessageAndExitCode() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty/deeper"));
        Files.createDirectories(tmp.resolve("empty/.git"));
        for (String command : new String[] {"validate", "plan", "drift"}) {
            Tlctl.Run run = Tlctl.in(empty).env(Map.of()).run(command, "--sandbox");
            assertEquals(ExitCodes.NO_SPEC, run.code(), run::toString);
            assertTrue(run.err().contains("Error: no tl-engine.yaml in " + empty + " or any folder above it"), run::toString);
            assertTrue(run.err().contains("or pass -f FILE"), run::toString);
        }
        Tlctl.Run json = Tlctl.in(empty).env(Map.of()).run("validate", "--json");
        assertEquals(ExitCodes.NO_SPEC, Json.MAPPER.readTree(json.out()).get("exitCode").asInt(), json::toString);
    }

    @Test
    void theSearchStopsAtTheRepositorysRoot() throws IOException {
        Path outer = checkout();
        Path inner = Files.createDirectories(outer.resolve("vendor/other"));
        Files.createDirectories(outer.resolve("vendor/.git"));
        Tlctl.Run run = Tlctl.in(inner).env(Map.of()).run("validate");
        assertEquals(ExitCodes.NO_SPEC, run.code(), "a spec outside the checkout is never read: " + run);
    }

    @Test
    void dashFStillNamesTheFileFromTheWorkingDirectory() throws IOException {
        Path dir = checkout();
        Tlctl.Run run = Tlctl.in(dir.resolve("environments")).env(Map.of()).run("validate", "--sandbox", "-f",
                "../tl-engine.yaml");
        assertEquals(0, run.code(), run::toString);
        Tlctl.Run missing = Tlctl.in(dir.resolve("environments")).env(Map.of()).run("validate", "-f", "nope.yaml");
        assertEquals(ExitCodes.NO_INPUT, missing.code(), "a named file that cannot be read: " + missing);
    }
}
