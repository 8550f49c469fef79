package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Checkout;
import dev.tlctl.testing.Golden;
import dev.tlctl.testing.TickingClock;
import dev.tlctl.testing.Tlctl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Markdown plan, golden: the repository's spec applied to a sandbox, then changed (an update,
 * a new variable, a deleted one, a secret changed), planned, and rendered by {@link MarkdownPlanView}
 * through {@code plan --output markdown}.
 */
class MarkdownPlanViewTest {
    @TempDir
    Path dir;

    /** One clock for every run on the sandbox's state: a wait moves it on, nothing sleeps. */
    private final TickingClock clock = new TickingClock(java.time.Instant.parse("2026-12-01T09:00:00Z"));

    private void edit(String file, String from, String to) throws IOException {
        Path path = dir.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), file + " has no " + from);
        Files.writeString(path, text.replace(from, to));
    }

    @Test
    void aPlanOnTheSandboxAsADiffBlock() throws IOException {
        Checkout.of(dir);
        Tlctl.Run apply = Tlctl.in(dir).clock(clock).onSleep(clock::advance).run("apply", "--sandbox", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        edit("environments/staging.yaml", "numReplicas: 1", "numReplicas: 2");
        edit("environments/staging.yaml", "DEBUG: \"1\"", "DEBUG: \"true\"\n  FEATURE_SEARCH: \"on\"");
        edit("environments/staging.yaml", "      GUNICORN_WORKERS: \"1\"\n", "");
        edit("tl-engine.yaml", "      GUNICORN_WORKERS: \"4\"\n", "");
        edit("environments/sandbox.env", "fake-staging-password@postgres", "fake-staging-rotated@postgres");

        Tlctl.Run shown = Tlctl.in(dir).clock(clock).onSleep(clock::advance)
                .run("plan", "--sandbox", "--env", "staging", "--output", "markdown");
        assertEquals(0, shown.code(), shown::toString);
        String markdown = shown.out();
        Golden.assertMatches("plan-change.md", markdown, dir);

        List<String> lines = markdown.lines().toList();
        String human = Tlctl.in(dir).clock(clock).onSleep(clock::advance).run("plan", "--sandbox", "--env", "staging").out();
        assertEquals("**" + human.lines().reduce((a, b) -> b).orElseThrow() + "**", lines.get(2),
                "the summary line comes first, as the human plan's last");
        int open = lines.indexOf("```diff");
        int close = lines.lastIndexOf("```");
        assertTrue(open > 0 && close > open, markdown);
        List<String> block = lines.subList(open + 1, close);
        assertTrue(block.stream().allMatch(l -> l.isEmpty() || l.matches("^[-+!#] .*")), markdown);
        assertTrue(block.stream().anyMatch(l -> l.startsWith("+ ")), markdown);
        assertTrue(block.stream().anyMatch(l -> l.startsWith("- ")), markdown);
        assertTrue(block.stream().anyMatch(l -> l.startsWith("! staging/shared/variable/DATABASE_URL (sensitive, changed)")
                || l.matches("! staging/.*DATABASE_URL \\(sensitive, changed\\).*")), markdown);
        assertFalse(markdown.contains("fake-staging"), "a secret in the Markdown plan:\n" + markdown);
        assertFalse(shown.err().contains("fake-staging"), shown::toString);
    }

    @Test
    void noValueCanCloseTheFence() {
        assertEquals("```", MarkdownPlanView.fence(List.of("+ a = \"b\"")));
        assertEquals("`````", MarkdownPlanView.fence(List.of("+ a = \"````\"")));
    }
}
