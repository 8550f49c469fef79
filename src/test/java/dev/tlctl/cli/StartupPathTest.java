package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Checkout;
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
    void theRootsOptionsWithAValueAreTheOnesTheArgumentScansSkip() {
        // Main.subcommandName and EarlyStart.specOptions read the arguments before picocli does,
        // from this list: an option with a value missing from it would be taken for the command.
        java.util.Set<String> withValue = new java.util.TreeSet<>();
        new TlctlCommand(CliContext.system()).model().options().stream().filter(o -> o.arity().max() > 0)
                .forEach(o -> withValue.addAll(List.of(o.names())));
        assertEquals(withValue, new java.util.TreeSet<>(TlctlCommand.OPTIONS_WITH_VALUE));
    }

    @Test
    void theEarlyStartReadsTheSpecsGlobalOptionsOffTheArguments() {
        EarlyStart.SpecOptions none = EarlyStart.specOptions("plan", "--env", "staging");
        assertEquals(new EarlyStart.SpecOptions(null, List.of(), List.of(), false), none);
        EarlyStart.SpecOptions all = EarlyStart.specOptions("-f", "x/tl-engine.yaml", "plan", "--env-file=a.env", "--env-file",
                "b.env", "--allow-file", "/etc/ca.pem", "--sandbox", "--api-url", "--sandbox", "--", "--env-file", "c.env");
        assertEquals(new EarlyStart.SpecOptions(Path.of("x/tl-engine.yaml"), List.of(Path.of("a.env"), Path.of("b.env")),
                List.of(Path.of("/etc/ca.pem")), true), all);
        assertEquals(Path.of("y.yaml"), EarlyStart.specOptions("validate", "--file=y.yaml").file());
        // Forms it does not read: no loads ahead (the command reads the spec all the same).
        assertNull(EarlyStart.specOptions("plan", "-fy.yaml"));
        assertNull(EarlyStart.specOptions("plan", "-qf", "y.yaml"));
        assertNull(EarlyStart.specOptions("plan", "-f", "a.yaml", "-f", "b.yaml"));
        assertNull(EarlyStart.specOptions("plan", "--env-file"));
    }

    @Test
    void anEnvFileTheSpecsLoadAheadCannotReadFailsWhereTheCommandReadsIt() {
        Path checkout = Checkout.of(tmp.resolve("checkout"));
        Run missing = Tlctl.in(checkout).env(Map.of()).run("validate", "--env-file", "nope.env");
        assertEquals(66, missing.code(), missing::toString);
        assertTrue(missing.err().contains("nope.env"), missing::toString);
        Run valid = Tlctl.in(checkout).env(Map.of()).run("validate", "--env-file", "environments/sandbox.env");
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
