package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Tlctl;
import dev.tlctl.testing.Tlctl.Run;
import java.nio.file.Path;
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
    void theSandboxFlagCountsBeforeTheEndOfOptionsOnly() {
        assertTrue(EarlyStart.hasFlag(new String[] {"plan", "--sandbox"}, "--sandbox"));
        assertTrue(EarlyStart.hasFlag(new String[] {"--sandbox", "plan"}, "--sandbox"));
        assertFalse(EarlyStart.hasFlag(new String[] {"plan", "--", "--sandbox"}, "--sandbox"));
        assertFalse(EarlyStart.hasFlag(new String[] {"plan", "--sandbox-state", "x.json"}, "--sandbox"));
    }
}
