package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.Checkout;
import dev.tlctl.testing.TickingClock;
import dev.tlctl.testing.Tlctl;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output human|json|markdown} on init, import and validate, on the repository's spec and a sandbox. */
class OutputFormatsTest {
    @TempDir
    Path tmp;

    private final TickingClock clock = new TickingClock(Instant.parse("2026-12-01T09:00:00Z"));

    private Tlctl.Run run(Path dir, String... args) {
        return Tlctl.in(dir).clock(clock).onSleep(clock::advance).run(args);
    }

    @Test
    void initAsJsonAndMarkdown() throws Exception {
        Path dir = Checkout.of(tmp.resolve("checkout"));
        Tlctl.Run json = run(dir, "init", "--sandbox", "--json");
        assertEquals(0, json.code(), json::toString);
        JsonNode document = Json.MAPPER.readTree(json.out());
        assertEquals("init", document.get("kind").asText());
        assertEquals("tl-engine", document.get("project").asText());
        assertTrue(document.get("created").asBoolean(), json.out());
        assertFalse(document.get("recorded").asBoolean(), "no terminal, no --record: " + json.out());
        assertFalse(document.get("projectId").asText().isEmpty());

        Tlctl.Run markdown = run(dir, "init", "--sandbox", "--record", "--output", "markdown");
        assertEquals(0, markdown.code(), markdown::toString);
        assertEquals("### tlctl init: tl-engine\n\nProject **tl-engine** exists: `" + document.get("projectId").asText()
                + "`\n\nRecorded `project.id` in " + dir.resolve("tl-engine.yaml") + ".\n", markdown.out());
        Tlctl.Run both = run(dir, "init", "--sandbox", "--json", "--output", "markdown");
        assertEquals(ExitCodes.USAGE, both.code(), "two outputs asked for: " + both);
    }

    @Test
    void importAndValidateInMarkdown() throws Exception {
        Path dir = Checkout.of(tmp.resolve("checkout"));
        assertEquals(0, run(dir, "apply", "--sandbox", "--yes").code());
        Tlctl.Run imported = run(dir, "import", "--sandbox", "--project", "tl-engine", "--stdout", "--output", "markdown");
        assertEquals(0, imported.code(), imported::toString);
        assertTrue(imported.out().startsWith("### tlctl import: tl-engine (`"), imported.out());
        assertTrue(imported.out().contains("| tl-engine.yaml | printed |"), imported.out());
        assertTrue(imported.out().contains("```yaml\n"), imported.out());
        assertFalse(imported.all().contains("fake-prod-password"), "no secret value: " + imported);

        Tlctl.Run valid = run(dir, "validate", "--sandbox", "--output", "markdown");
        assertEquals(0, valid.code(), valid::toString);
        assertTrue(valid.out().startsWith("### tlctl validate: " + dir.resolve("tl-engine.yaml")
                + " is valid\n\nProject **tl-engine**: 3 services in production, staging."),
                valid.out());
        Tlctl.Run json = run(dir, "validate", "--sandbox", "--output", "json");
        assertEquals(Json.MAPPER.readTree(run(dir, "validate", "--sandbox", "--json").out()), Json.MAPPER.readTree(json.out()));
    }
}
