package dev.tlctl.cli;

import static dev.tlctl.spec.SpecFixture.LEAK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tlctl.cli.CliRunner.Run;
import dev.tlctl.spec.MalformedSpecs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed input, through {@code tlctl validate} (human and JSON, with and without a
 * terminal): exit 65, and no fixture secret anywhere in stdout or stderr.
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
        for (String[] args : List.of(new String[] {"validate"}, new String[] {"validate", "--json"},
                new String[] {"validate", "--stacktrace"})) {
            for (boolean terminal : new boolean[] {false, true}) {
                Run run = CliRunner.run(dir, c.fixture().env(), terminal, args);
                assertEquals(65, run.code(), run::toString);
                assertFalse(run.all().contains(LEAK), run::toString);
                assertFalse(run.all().contains("Exception"), run::toString);
            }
        }
    }
}
