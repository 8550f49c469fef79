package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.testing.Tlctl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's outputs CI can rely on: apply --json is JSON Lines in every outcome; four failures,
 * four exit codes and summaries; validate without values; ${file:} outside the folder in every
 * mode; the question asked whenever stdin is a terminal; saved-plan hints and plans applied twice;
 * waits said out loud.
 */
class OutputsTest extends E2eTest {

    /** Every line of stdout as JSON, each on one line. */
    private static List<JsonNode> lines(Run run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            if (!line.isBlank()) {
                out.add(Gql.JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void applyJsonIsJsonLinesInEveryOutcome() throws Exception {
        World w = world();
        w.edit("tl-engine.yaml", s -> s.replace("numReplicas: 2", "numReplicas: two"));
        Run invalid = w.tlctl("apply", "--yes", "--json");
        assertEquals(65, invalid.code(), invalid::toString);
        List<JsonNode> events = lines(invalid);
        assertEquals(List.of("error", "result"), events.stream().map(e -> e.path("event").asText()).toList(), invalid::toString);
        assertEquals(65, events.get(0).path("exitCode").asInt());
        assertEquals("the spec is invalid: 1 error", events.get(0).path("summary").asText());
        assertTrue(events.get(0).path("diagnostics").get(0).path("file").asText().endsWith("/tl-engine.yaml"));
        assertEquals("failed", events.get(1).path("status").asText());
        assertFalse(events.get(1).path("succeeded").asBoolean());
        events.forEach(e -> assertEquals(1, e.path("formatVersion").asInt()));

        Run usage = w.tlctl("apply", "--yes", "--json", "--bogus");
        assertEquals(64, usage.code(), usage::toString);
        assertEquals(List.of("error", "result"), lines(usage).stream().map(e -> e.path("event").asText()).toList());

        w.edit("tl-engine.yaml", s -> s.replace("numReplicas: two", "numReplicas: 2"));
        Run noToken = w.run(Map.of(), false, "", World.withEnvFile("apply", "--yes", "--json"));
        assertEquals(77, noToken.code(), noToken::toString);
        assertEquals(List.of("error", "result"), lines(noToken).stream().map(e -> e.path("event").asText()).toList());
        assertEquals("no Railway token", lines(noToken).get(0).path("summary").asText());

        Run refused = w.tlctl("apply", "--json", "--prune");
        assertEquals(64, refused.code(), refused::toString);
        assertEquals(List.of("plan", "error", "result"), lines(refused).stream().map(e -> e.path("event").asText()).toList(),
                "the plan event, then the refusal, then the result: " + refused);
    }

    @Test
    void aMissingSecretAMissingFileABadTokenAndBrokenYamlAreFourOutcomes() throws Exception {
        World w = world();
        Run missing = w.run(w.env(), false, "", "plan");
        assertEquals(78, missing.code(), missing::toString);
        assertTrue(missing.err().contains("Error: values the spec references are not set (6 references cannot be resolved);"
                + " the spec itself is valid."), missing::toString);

        Run noFile = w.tlctl("plan", "-f", "nope/tl-engine.yaml");
        assertEquals(66, noFile.code(), noFile::toString);
        assertTrue(noFile.err().contains("Error: the spec cannot be read: " + w.dir.resolve("nope/tl-engine.yaml")
                + ": no spec file here."), noFile::toString);

        Map<String, String> badToken = new LinkedHashMap<>(w.env());
        badToken.put("RAILWAY_API_TOKEN", "fake-revoked-token-0000");
        w.secret("fake-revoked-token-0000");
        Run refused = w.run(badToken, false, "", World.withEnvFile("plan"));
        assertEquals(77, refused.code(), refused::toString);
        assertTrue(refused.err().startsWith("Error: Railway refused the token (\"Not Authorized\")\n"), refused::toString);
        assertTrue(refused.err().contains("check that RAILWAY_API_TOKEN holds a valid token"), refused::toString);
        assertFalse(refused.err().contains("HTTP 200") || refused.err().contains("Could not"), "no operation: " + refused);

        w.write("tl-engine.yaml", "project: [unclosed\n");
        Run broken = w.tlctl("plan");
        assertEquals(65, broken.code(), broken::toString);
        assertTrue(broken.err().contains("Error: the spec is not valid YAML: 1 error."), broken::toString);

        w.write("tl-engine.yaml", java.nio.file.Files.readString(World.REPOSITORY.resolve("tl-engine.yaml"))
                .replace("numReplicas: 2", "numReplicas: two"));
        Run invalid = w.tlctl("plan");
        assertEquals(65, invalid.code(), invalid::toString);
        assertTrue(invalid.err().contains("Error: the spec is invalid: 1 error."), invalid::toString);
    }

    @Test
    void validateWithoutValuesChecksTheRestAndNotesWhatIsMissing() throws Exception {
        World w = world();
        Run validate = w.run(Map.of(), false, "", "validate");
        assertEquals(0, validate.code(), validate::toString);
        assertTrue(validate.out().startsWith(w.dir.resolve("tl-engine.yaml") + " is valid."), validate::toString);
        assertTrue(validate.err().startsWith(w.dir.resolve("environments/production.yaml") + ":5:17: note: 6 references"
                + " cannot be resolved\n"), validate::toString);
        JsonNode json = Gql.JSON.readTree(w.run(Map.of(), false, "", "validate", "--json").out());
        assertTrue(json.path("valid").asBoolean());
        assertEquals("note", json.path("notes").get(0).path("severity").asText());

        w.edit("tl-engine.yaml", s -> s.replace("numReplicas: 2", "numReplicas: two"));
        Run both = w.run(Map.of(), false, "", "validate");
        assertEquals(65, both.code(), "a real error still fails: " + both);
        assertTrue(both.err().contains("note: 6 references cannot be resolved"), both::toString);
    }

    @Test
    void aFileOutsideTheSpecFolderIsAnErrorInEveryMode() {
        World w = world();
        w.edit("environments/production.yaml", s -> s + "  CERT: ${file:../outside.pem}\n");
        for (String[] args : List.of(new String[] {"validate", "--sandbox"}, new String[] {"plan", "--sandbox"},
                new String[] {"plan", "--sandbox", "--env", "staging"}, new String[] {"validate"})) {
            Tlctl.Run done = Tlctl.in(w.dir).env(Map.of()).run(args);
            assertEquals(65, done.code(), done::toString);
            assertTrue(done.err().contains("${file:../outside.pem} reads outside the spec's folder"), done::toString);
        }
    }

    @Test
    void theQuestionIsAskedWhenStdinIsATerminalEvenIfStdoutIsNot() {
        World w = world();
        // On the scene's clock, so that Railway's delays after a create pass while tlctl waits.
        Tlctl.Run piped = Tlctl.in(w.dir).env(w.env()).clock(w.clock).onSleep(w.clock::advance).stdinTerminal("yes\n")
                .run(World.withEnvFile("apply"));
        assertEquals(0, piped.code(), piped::toString);
        assertTrue(piped.err().contains("Apply these changes to project tl-engine? Only 'yes' is accepted: "), piped::toString);
        assertTrue(piped.out().contains("Apply complete:"), piped::toString);
        Tlctl.Run noTerminal = Tlctl.in(w.dir).env(w.env()).clock(w.clock).onSleep(w.clock::advance)
                .run(World.withEnvFile("apply", "--prune"));
        assertEquals(0, noTerminal.code(), "nothing to do needs no answer: " + noTerminal);
    }

    @Test
    void aSavedPlanRepeatsItsFlagsAndSaysWhenItWasAppliedAlready() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"3\""));
        w.output("staging.tlplan");
        Run plan = w.tlctl("plan", "--env", "staging", "--out", "staging.tlplan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.err().contains("Saved the plan to staging.tlplan. Apply it with: tlctl apply staging.tlplan"
                + " --env-file environments/sandbox.env --env staging\n"), plan::toString);

        Run apply = w.tlctl("apply", "staging.tlplan", "--env", "staging", "--yes");
        assertEquals(0, apply.code(), "the hint's command works: " + apply);
        Run again = w.tlctl("apply", "staging.tlplan", "--env", "staging", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("This plan was already applied: Railway holds every change it makes (1 change):\n"
                + "    staging/engine-api/variable/GUNICORN_WORKERS\n"), again::toString);
        Run other = w.tlctl("apply", "staging.tlplan", "--env", "production", "--yes");
        assertEquals(64, other.code(), other::toString);
        assertTrue(other.err().contains("Error: the saved plan " + w.dir.resolve("staging.tlplan") + " was made with --env"
                + " staging, not --env production"), other::toString);
    }

    @Test
    void aWaitOfASecondOrMoreIsSaidOnStderrAndAsAnEvent() throws Exception {
        World w = world(c -> c.withRateLimit(1000, 3));
        Run apply = w.tlctl("apply", "--yes", "--json");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.err().matches("(?s).*tlctl: waiting 1s for another attempt to [^\n]+: Railway answered HTTP 429 \\(rate limited,"
                + " Retry-After 1 s\\); attempt \\d follows\\.\n.*"), apply::toString);
        List<JsonNode> waits = lines(apply).stream().filter(e -> e.path("event").asText().equals("wait")).toList();
        assertFalse(waits.isEmpty(), apply::toString);
        assertEquals(1000, waits.get(0).path("waitMs").asLong());
        assertTrue(waits.get(0).path("reason").asText().startsWith("Railway answered HTTP 429"), waits::toString);
    }
}
