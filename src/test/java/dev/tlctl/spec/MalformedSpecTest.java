package dev.tlctl.spec;

import static dev.tlctl.spec.SpecFixture.LEAK;
import static dev.tlctl.spec.SpecFixture.assertErrors;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every input of {@link MalformedSpecs}: exactly the errors listed, all at once, and no secret in them. */
class MalformedSpecTest {
    @TempDir
    Path tmp;

    static List<MalformedSpecs.Case> cases() {
        return MalformedSpecs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheseErrors(MalformedSpecs.Case c) {
        SpecFixture.Loaded loaded = c.fixture().load(tmp);
        assertErrors(loaded, c.errors().toArray(String[]::new));
        for (int i = 0; i < c.details().size(); i++) {
            String expected = c.details().get(i);
            if (expected != null) {
                SpecFixture.assertDetail(loaded.errors().get(i), expected);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void neverEchoesASecret(MalformedSpecs.Case c) {
        SpecFixture.Loaded loaded = c.fixture().load(tmp);
        assertFalse(loaded.errors().isEmpty());
        for (Diagnostic d : loaded.diagnostics()) {
            assertFalse(d.format().contains(LEAK), () -> "a secret in: " + d.format());
            assertTrue(d.detail() == null || !d.detail().isBlank(), "a detail is null or has words");
        }
    }
}
