package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A value that is exactly {@code ${env:NAME}} is read without the regexes, and reads as they read
 * it: resolved or missing, checked without values, its literal part and whether it holds a reference.
 */
class WholeEnvReferenceTest {
    /** The regexes' view, written out here to compare with. */
    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{(env|file):([^{}]{0,4096})}");
    private static final Pattern ANY_REFERENCE = Pattern.compile(
            "\\$\\{\\{[^}]{0,1024}}}|\\$\\{(?:env|file):[^}]{0,4096}}");

    private static final List<String> TEMPLATES = List.of("${env:API_KEY}", "${env:MISSING}", "${env:EMPTY}",
            "${env:_x1}", "${env:A}", "${env:}", "${env: A}", "${env:A }", "${env:A-B}", "${env:1A}", "${env:A}}",
            "${env:A}x", "x${env:A}", "$${env:A}", "${env:A}${env:B}", "${file:x}", "${env:A.B}", "${env:é}",
            "${env:" + "N".repeat(4096) + "}", "${env:" + "N".repeat(4097) + "}", "${{shared.A}}", "${env:{A}}");

    private static References references(boolean invent) {
        return new References(new SpecInputs(Map.of("API_KEY", "k-1", "A", "a", "B", "b", "EMPTY", "", "_x1", "x"),
                null, Set.of(), invent), Path.of(".").toAbsolutePath());
    }

    private static boolean regexContains(String text) {
        var m = REFERENCE.matcher(text);
        while (m.find()) {
            if (!m.group().startsWith("$$")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void readsAsTheRegexesRead() {
        Location at = new Location("f.yaml", "services.web.variables.X", 3, 7);
        int whole = 0;
        for (String template : TEMPLATES) {
            if (References.wholeEnvReference(template) != null) {
                whole++;
                assertTrue(regexContains(template), template);
            }
            assertEquals(regexContains(template), References.containsReference(template), template);
            assertEquals(ANY_REFERENCE.matcher(template).replaceAll("\u0001"), SecretRules.literalPart(template), template);
            for (boolean invent : List.of(false, true)) {
                for (boolean values : List.of(false, true)) {
                    Problems fastProblems = new Problems();
                    Problems slowProblems = new Problems();
                    References fast = references(invent);
                    References slow = references(invent);
                    assertEquals(slow.resolveMatching(template, at, slowProblems, values),
                            fast.resolve(template, at, fastProblems, values), template);
                    fast.report(fastProblems);
                    slow.report(slowProblems);
                    assertEquals(slowProblems.all(), fastProblems.all(), template);
                }
            }
        }
        assertEquals(6, whole);
    }

    @Test
    void onlyAWholeValidReferenceIsTakenAsOne() {
        assertEquals("API_KEY", References.wholeEnvReference("${env:API_KEY}"));
        assertNull(References.wholeEnvReference("${env: API_KEY}"));
        assertNull(References.wholeEnvReference("${env:API_KEY} "));
        assertNull(References.wholeEnvReference("${file:API_KEY}"));
        assertNotNull(References.wholeEnvReference("${env:" + "N".repeat(4096) + "}"));
        assertNull(References.wholeEnvReference("${env:" + "N".repeat(4097) + "}"));
    }
}
