package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Location;
import dev.tlctl.testing.TickingClock;
import dev.tlctl.testing.Tlctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec diagnostics as GitHub Actions annotations: only under GitHub Actions, escaped as GitHub's toolkit does. */
class AnnotationsTest {
    @TempDir
    Path tmp;

    @Test
    void messagesAndPropertiesAreEscaped() {
        Diagnostic d = Diagnostic.warning(new Location("env,s/a:b.yaml", "services.api", 3, 9), "50% off: now",
                "line one\r\nline two");
        assertEquals("::warning file=env%2Cs/a%3Ab.yaml,line=3,col=9,title=tlctl%3A 50%25 off%3A now::"
                + "services.api: 50%25 off: now%0Aline one%0D%0Aline two", Annotations.of(d, "env,s/a:b.yaml"));
        assertNull(Annotations.of(d.asNote(), "x.yaml"), "a note is no problem");
        assertEquals("::error title=tlctl%3A x::x", Annotations.of(Diagnostic.error(new Location("", "", 0, 0), "x", null),
                ""));
    }

    @Test
    void underGitHubActionsValidateAnnotatesEachErrorOnStderr() {
        Path dir = ValidateCommandTest.invalid().writeTo(tmp);
        Tlctl.Run run = Tlctl.in(dir).env(Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", dir.toString()))
                .run("validate");
        assertEquals(65, run.code(), run::toString);
        assertTrue(run.err().contains("\n::error file=tl-engine.yaml,line=13,col=7,title=tlctl%3A invalid variable"
                + " name \"1BAD\"::services.api.variables.1BAD: invalid variable name \"1BAD\"%0AVariable names are"), run::toString);
        assertFalse(run.out().contains("::"), "stdout stays the result: " + run.out());
        Tlctl.Run json = Tlctl.in(dir).env(Map.of("GITHUB_ACTIONS", "true")).run("validate", "--json");
        assertTrue(json.err().contains("::error file="), json::toString);
        assertTrue(json.out().startsWith("{"), json::toString);
        Tlctl.Run markdown = Tlctl.in(dir).env(Map.of("GITHUB_ACTIONS", "true")).run("validate", "--output", "markdown");
        assertEquals(65, markdown.code(), markdown::toString);
        assertTrue(markdown.err().contains("::error file="), markdown::toString);
        assertTrue(markdown.out().startsWith("### tlctl validate: "), markdown::toString);
        assertFalse(markdown.out().contains("::"), "stdout stays the summary: " + markdown.out());
    }

    @Test
    void elsewhereNoAnnotation() {
        Path dir = ValidateCommandTest.invalid().writeTo(tmp);
        Tlctl.Run run = Tlctl.in(dir).env(Map.of("GITHUB_ACTIONS", "false")).run("validate");
        assertEquals(65, run.code());
        assertFalse(run.all().contains("::error"), run::toString);
    }

    @Test
    void planApplyAndDriftInJsonAnnotateTheSpecsWarningsOnStderr() throws IOException {
        Files.writeString(tmp.resolve("tl-engine.yaml"), """
                version: 1
                project:
                  name: demo
                environments:
                  production: {}
                sharedVariables:
                  UNUSED: "1"
                services:
                  api:
                    source:
                      repo: acme/api
                """);
        TickingClock clock = new TickingClock(Instant.parse("2026-12-07T09:00:00Z"));
        Map<String, String> github = Map.of("GITHUB_ACTIONS", "true", "GITHUB_WORKSPACE", tmp.toString());
        String warning = "::warning file=tl-engine.yaml,line=7,col=11,title=tlctl%3A shared variable UNUSED reaches"
                + " no service in production::";
        for (String[] command : new String[][] {{"plan", "--sandbox", "--json"}, {"apply", "--sandbox", "--yes", "--json"},
                {"drift", "--sandbox", "--json"}}) {
            Tlctl.Run run = Tlctl.in(tmp).env(github).clock(clock).onSleep(clock::advance).run(command);
            assertTrue(run.err().contains(warning), run::toString);
            assertTrue(run.out().startsWith("{"), run::toString);
            assertFalse(run.out().contains("::"), "stdout stays the document: " + run.out());
            Tlctl.Run elsewhere = Tlctl.in(tmp).env(Map.of()).clock(clock).onSleep(clock::advance).run(command);
            assertFalse(elsewhere.all().contains("::warning"), elsewhere::toString);
        }
    }
}
