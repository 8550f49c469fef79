package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Tlctl;
import dev.tlctl.testing.Tlctl.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shortcuts of start-up keep what the user sees: {@code -V} and {@code --version} build no
 * subcommand and print what {@code version} prints; the root's help still lists every command;
 * the early start finds {@code --sandbox} among the options only.
 */
class StartupPathTest {
    @TempDir
    Path tmp;

    @Test
    void theVersionFlagsPrintWhatTheCommandPrints() {
        String expected = Tlctl.in(tmp).env(Map.of()).run("version").out();
        for (String flag : new String[] {"--version", "-V"}) {
            Run run = Tlctl.in(tmp).env(Map.of()).run(flag);
            assertEquals(0, run.code(), run::toString);
            assertEquals(expected, run.out(), flag);
        }
        assertTrue(Main.versionOnly("--version"));
        assertFalse(Main.versionOnly("--version", "plan"));
        assertFalse(Main.versionOnly("--help"));
    }

    @Test
    void theRootsHelpStillListsEveryCommand() {
        Run run = Tlctl.in(tmp).env(Map.of()).run("--help");
        assertEquals(0, run.code(), run::toString);
        for (String command : TlctlCommand.SUBCOMMANDS.keySet()) {
            assertTrue(run.out().contains("\n  " + command + " "), command + " in\n" + run.out());
        }
    }

    @Test
    void theEarlyStartReadsTheSpecsGlobalOptionsOffTheArguments() {
        EarlyStart.Globals none = EarlyStart.globals("plan", "--env", "staging");
        assertEquals(new EarlyStart.Globals(null, List.of(), List.of(), false), none);
        EarlyStart.Globals all = EarlyStart.globals("-f", "x/tl-engine.yaml", "plan", "--env-file=a.env", "--env-file",
                "b.env", "--allow-file", "/etc/ca.pem", "--sandbox", "--api-url", "--sandbox", "--", "--env-file", "c.env");
        assertEquals(new EarlyStart.Globals(Path.of("x/tl-engine.yaml"), List.of(Path.of("a.env"), Path.of("b.env")),
                List.of(Path.of("/etc/ca.pem")), true), all);
        assertEquals(Path.of("y.yaml"), EarlyStart.globals("validate", "--file=y.yaml").file());
        // Forms it does not read: no loads ahead (the command reads the spec all the same).
        assertNull(EarlyStart.globals("plan", "-fy.yaml"));
        assertNull(EarlyStart.globals("plan", "-qf", "y.yaml"));
        assertNull(EarlyStart.globals("plan", "-f", "a.yaml", "-f", "b.yaml"));
        assertNull(EarlyStart.globals("plan", "--env-file"));
    }

    @Test
    void aCommandTakesTheSpecLoadedAheadOnlyWhenItsSourceIsTheSame() throws Exception {
        java.nio.file.Files.writeString(tmp.resolve("tl-engine.yaml"), """
                version: 1
                project:
                  name: shop
                environments:
                  production: {}
                services:
                  api:
                    source:
                      image: nginx:1.27
                """);
        Run run = Tlctl.in(tmp).env(Map.of()).run("validate", "--env-file", "nope.env");
        assertEquals(66, run.code(), run::toString);
        Run valid = Tlctl.in(tmp).env(Map.of()).run("validate");
        assertEquals(0, valid.code(), valid::toString);
    }

    @Test
    void theSandboxFlagCountsBeforeTheEndOfOptionsOnly() {
        assertTrue(EarlyStart.hasFlag(new String[] {"plan", "--sandbox"}, "--sandbox"));
        assertTrue(EarlyStart.hasFlag(new String[] {"--sandbox", "plan"}, "--sandbox"));
        assertFalse(EarlyStart.hasFlag(new String[] {"plan", "--", "--sandbox"}, "--sandbox"));
        assertFalse(EarlyStart.hasFlag(new String[] {"plan", "--sandbox-state", "x.json"}, "--sandbox"));
    }
}
