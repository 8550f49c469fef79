package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Tlctl;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --color auto|always|never} (with {@code --no-color}, NO_COLOR and TERM=dumb) and {@code -q/--quiet}. */
class ColorAndQuietTest {
    private static final String ANSI = "\u001b[";

    @TempDir
    Path tmp;

    private Tlctl.Run validate(boolean terminal, Map<String, String> env, String... args) {
        Path dir = ValidateCommandTest.valid().writeTo(tmp);
        Tlctl tlctl = Tlctl.in(dir).env(env);
        if (terminal) {
            tlctl.terminal("");
        }
        String[] all = new String[args.length + 2];
        all[0] = "validate";
        all[1] = "--sandbox";
        System.arraycopy(args, 0, all, 2, args.length);
        Tlctl.Run run = tlctl.run(all);
        assertEquals(0, run.code(), run::toString);
        return run;
    }

    @Test
    void autoColoursATerminalOnly() {
        assertTrue(validate(true, Map.of()).out().contains(ANSI));
        assertFalse(validate(false, Map.of()).out().contains(ANSI));
        assertFalse(validate(true, Map.of("TERM", "dumb")).out().contains(ANSI), "TERM=dumb");
        assertFalse(validate(true, Map.of("NO_COLOR", "1")).out().contains(ANSI), "NO_COLOR");
        assertTrue(validate(true, Map.of("NO_COLOR", "")).out().contains(ANSI), "an empty NO_COLOR is unset");
    }

    @Test
    void alwaysAndNeverOverrule() {
        assertTrue(validate(false, Map.of(), "--color", "always").out().contains(ANSI), "CI logs");
        assertTrue(validate(false, Map.of("TERM", "dumb"), "--color=always").out().contains(ANSI));
        assertFalse(validate(true, Map.of(), "--color", "never").out().contains(ANSI));
        assertFalse(validate(true, Map.of(), "--no-color").out().contains(ANSI), "--no-color is --color never");
        Tlctl.Run help = Tlctl.in(tmp).env(Map.of()).run("--color", "always", "--help");
        assertTrue(help.out().contains(ANSI), "help is coloured too");
        Tlctl.Run bad = Tlctl.in(tmp).env(Map.of()).run("--color", "sometimes", "version");
        assertEquals(ExitCodes.USAGE, bad.code(), bad::toString);
        Tlctl.Run badJson = Tlctl.in(tmp).env(Map.of()).run("validate", "--output", "json", "--bogus");
        assertEquals(ExitCodes.USAGE, badJson.code(), badJson::toString);
        assertTrue(badJson.out().startsWith("{"), "--output json: the usage error as a JSON document too: " + badJson);
    }

    @Test
    void quietKeepsProgressOffStderrButNotErrors() {
        Path dir = ValidateCommandTest.valid().writeTo(tmp);
        Tlctl.Run loud = Tlctl.in(dir).env(Map.of()).run("plan", "--sandbox");
        assertEquals(0, loud.code(), loud::toString);
        assertTrue(loud.err().contains("requests to Railway"), loud::toString);
        Tlctl.Run quiet = Tlctl.in(dir).env(Map.of()).run("plan", "--sandbox", "-q");
        assertEquals(0, quiet.code(), quiet::toString);
        assertFalse(quiet.err().contains("requests to Railway"), quiet::toString);
        assertEquals(loud.out(), quiet.out(), "the result is the same");
        Tlctl.Run failed = Tlctl.in(dir).env(Map.of()).run("--quiet", "plan", "--sandbox", "--env", "qa");
        assertFalse(failed.code() == 0, failed::toString);
        assertTrue(failed.err().contains("Error:"), "errors are still printed: " + failed);
    }
}
