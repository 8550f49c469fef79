package dev.tlctl.cli;

import static dev.tlctl.spec.SpecFixture.LEAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tlctl.testing.Tlctl;
import dev.tlctl.testing.Tlctl.Run;
import dev.tlctl.spec.MalformedSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed input, through {@code tlctl validate} (human and JSON, with and without a
 * terminal): exit 65 (67 for no spec found; 0 when only values are missing, which validate notes),
 * no stack trace, and no fixture secret anywhere in stdout or stderr.
 */
class NoSecretInOutputTest {
    @TempDir
    Path tmp;

    static List<MalformedSpecs.Case> cases() {
        return MalformedSpecs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void validateNeverPrintsASecret(MalformedSpecs.Case c) {
        Path dir = c.fixture().writeTo(tmp);
        // Human and JSON without a terminal; human with a terminal (colour) and --stacktrace.
        Run[] runs = {
            Tlctl.in(dir).env(c.fixture().env()).run("validate"),
            Tlctl.in(dir).env(c.fixture().env()).run("validate", "--json"),
            Tlctl.in(dir).env(c.fixture().env()).terminal("").run("validate", "--stacktrace"),
        };
        // What is wrong decides the outcome: no spec found (67), values not set (a note for validate: 0), else 65.
        int expected = c.name().equals("missing spec file") ? ExitCodes.NO_SPEC
                : c.errors().stream().allMatch(e -> e.contains("cannot be resolved")) ? 0 : 65;
        for (Run run : runs) {
            assertEquals(expected, run.code(), run::toString);
            assertFalse(run.all().contains(LEAK), run::toString);
            assertFalse(run.all().contains("Exception"), run::toString);
        }
    }
}
