package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import dev.tlctl.testing.FakeCredentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's first trust test: credentials of every format put on Railway behind tlctl's back,
 * under names that say nothing, and production's database URL written over staging's
 * {@code ${{shared.DATABASE_URL}}} reference. Then every view and format that can show a value
 * (plan, drift, drift --compare, vars list, billing; human, JSON, Markdown; values asked for)
 * is run, and none may print any of them, while plain values do show (so the test can fail).
 */
class LeakTest extends E2eTest {
    private static final String PRODUCTION_URL =
            "postgresql://engine:fake-prod-password@postgres.sandbox.invalid:5432/enginedb";

    @Test
    void noViewOrFormatShowsACredentialWhateverTheSpecSaysAboutIt() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        FakeCredentials.all().values().forEach(w::secret);
        int i = 0;
        for (String value : FakeCredentials.all().values()) {
            // Names that are no secret's: only the content can tell.
            w.upsertVariable("staging", "engine-api", "PLAIN_" + i, value);
            w.upsertVariable("production", null, "SHARED_" + i, value);
            i++;
        }
        w.upsertVariable("staging", "engine-api", "DATABASE_URL", PRODUCTION_URL);
        w.upsertVariable("staging", "engine-api", "MAX_REQUESTS", "1234");
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"3\""));

        List<Run> runs = new ArrayList<>();
        for (String[] args : List.of(
                new String[] {"plan"}, new String[] {"plan", "--show-values"}, new String[] {"plan", "--json"},
                new String[] {"plan", "--prune"}, new String[] {"plan", "--prune", "--json"},
                new String[] {"drift", "--show-values"}, new String[] {"drift", "--show-values", "--json"},
                new String[] {"drift", "--show-values", "--output", "markdown"},
                new String[] {"drift", "--compare", "production", "staging", "--show-values"},
                new String[] {"drift", "--compare", "production", "staging", "--show-values", "--json"},
                new String[] {"drift", "--compare", "production", "staging", "--show-values", "--output", "markdown"},
                new String[] {"vars", "list", "--env", "staging", "--show-values"},
                new String[] {"vars", "list", "--env", "staging", "--show-values", "--json"},
                new String[] {"vars", "list", "--env", "staging", "--show-values", "--output", "markdown"},
                new String[] {"vars", "list", "--env", "production", "--show-values", "--json"},
                new String[] {"billing"}, new String[] {"billing", "--json"},
                new String[] {"billing", "--output", "markdown"})) {
            Run run = w.tlctl(args);
            assertTrue(run.code() == 0 || run.code() == 2, run::toString);
            runs.add(run);
        }
        for (Run run : runs) {
            for (Map.Entry<String, String> credential : FakeCredentials.all().entrySet()) {
                assertFalse(run.all().contains(credential.getValue()),
                        () -> credential.getKey() + " shown by " + run);
            }
            assertFalse(run.all().contains("fake-prod-password"), run::toString);
        }
        // Not vacuous: the plain values are there, and the secrets are said to be there.
        assertTrue(runs.get(0).out().contains("~ staging/engine-api/variable/GUNICORN_WORKERS: \"1\" -> \"3\""),
                runs.get(0)::toString);
        assertTrue(runs.get(0).out().contains("~ staging/engine-api/variable/DATABASE_URL (sensitive, changed)"),
                runs.get(0)::toString);
        assertTrue(runs.get(3).out().contains("- staging/engine-api/variable/PLAIN_0 (sensitive)"), runs.get(3)::toString);
        assertTrue(runs.get(5).out().contains("1234"), runs.get(5)::toString);
        assertTrue(runs.get(12).out().contains("1234"), runs.get(12)::toString);
        assertTrue(runs.get(11).out().contains("PLAIN_0"), runs.get(11)::toString);
    }

    @Test
    void aPlainVariableDeletedKeepsItsClassification() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.upsertVariable("staging", "engine-api", "LEGACY_WORKERS", "8");
        Run pruning = w.tlctl("plan", "--prune");
        assertTrue(pruning.out().contains("- staging/engine-api/variable/LEGACY_WORKERS (was \"8\")"), pruning::toString);
        Run json = w.tlctl("plan", "--prune", "--json");
        assertTrue(json.out().contains("\"before\" : \"8\""), json::toString);
        assertTrue(json.out().contains("\"sensitive\" : false"), json::toString);
    }

    @Test
    void markdownPingsNobody() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.upsertVariable("staging", "engine-api", "OWNER", "@octocat please look");
        Run drift = w.tlctl("drift", "--show-values", "--output", "markdown");
        assertTrue(drift.out().contains("@&#8203;octocat please look"), drift::toString);
        assertFalse(drift.out().contains("@octocat"), drift::toString);
        Run vars = w.tlctl("vars", "list", "--env", "staging", "--show-values", "--output", "markdown");
        assertFalse(vars.out().contains("@octocat"), vars::toString);
        Run compare = w.tlctl("drift", "--compare", "production", "staging", "--show-values", "--output", "markdown");
        assertFalse(compare.out().contains("@octocat"), compare::toString);
    }
}
