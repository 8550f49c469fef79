package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Tlctl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every command's --help: examples, exit codes, and no unresolved picocli variable ("null"). */
class HelpTextTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"", "validate", "plan", "apply", "init", "import", "drift", "vars", "vars list", "billing", "billing check",
        "completion", "sandbox", "sandbox serve", "sandbox token"})
    void helpHasExamplesAndExitCodes(String command) {
        String[] args = (command.isEmpty() ? "--help" : command + " --help").split(" ");
        Tlctl.Run run = Tlctl.in(dir).env(Map.of()).run(args);
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("Examples:"), run.out());
        assertFalse(run.out().matches("(?s).*\\bnull\\b.*"), "an unresolved ${...} prints null:\n" + run.out());
        assertTrue(run.out().contains("Exit codes"), run.out());
    }
}
