package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's audit conclusions that hold: drift reports an environment holding another's secret
 * as a risk; drift --compare counts a difference as declared only when both sides hold what the
 * spec says (a hand edit is undeclared).
 */
class AuditConclusionsTest extends E2eTest {
    private static final String PRODUCTION_URL =
            "postgresql://engine:fake-prod-password@postgres.sandbox.invalid:5432/enginedb";

    @Test
    void driftReportsStagingOnProductionsSecretAsARisk() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.upsertVariable("staging", null, "DATABASE_URL", PRODUCTION_URL);

        Run human = w.tlctl("drift", "--env", "staging");
        assertEquals(2, human.code(), human::toString);
        assertTrue(human.out().contains("Risks (one environment reading another's resource):\n"
                + "  RISK: staging/variable/DATABASE_URL holds the same secret value as production/variable/DATABASE_URL\n"),
                human::toString);
        assertTrue(human.out().contains("Drift: 1 difference (0 on Railway only, 0 in the YAML only, 1 different); 1 risk."),
                human::toString);

        JsonNode json = Gql.JSON.readTree(w.tlctl("drift", "--json").out());
        assertEquals(1, json.path("risks").size(), json::toString);
        assertEquals("staging/variable/DATABASE_URL", json.path("risks").get(0).path("address").asText());
        assertEquals("production/variable/DATABASE_URL", json.path("risks").get(0).path("otherAddress").asText());
        assertEquals(1, json.path("summary").path("risks").asInt());

        Run markdown = w.tlctl("drift", "--output", "markdown");
        assertTrue(markdown.out().contains("- **RISK**: staging/variable/DATABASE\\_URL holds the same secret value as"
                + " production/variable/DATABASE\\_URL\n"), markdown::toString);

        // Put back, the risk is gone; a secret both environments take from one source on purpose is none.
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertEquals(0, w.tlctl("drift").code());
    }

    @Test
    void aSecretTheSpecGivesBothEnvironmentsIsNoRisk() {
        World w = world();
        w.edit("tl-engine.yaml", s -> s.replace("  DEBUG: \"0\"\n", "  DEBUG: \"0\"\n  SENTRY_DSN: ${env:SENTRY_DSN}\n"));
        w.edit(World.ENV_FILE, s -> s + "SENTRY_DSN=https://0123456789abcdef0123456789fake00@o0.ingest.sentry.io/0\n");
        w.secret("https://0123456789abcdef0123456789fake00@o0.ingest.sentry.io/0");
        assertEquals(0, w.tlctl("apply", "--yes").code());
        Run drift = w.tlctl("drift");
        assertEquals(0, drift.code(), "one source for both, declared: " + drift);
        Run compare = w.tlctl("drift", "--compare", "production", "staging", "--undeclared-only");
        assertFalse(compare.out().contains("SENTRY_DSN"), compare::toString);
    }

    @Test
    void compareCountsAHandEditAsUndeclared() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertEquals(List.of(), undeclared(w), "freshly applied: every difference is the spec's");

        w.upsertVariable("staging", "engine-api", "GUNICORN_WORKERS", "7");
        w.upsertVariable("staging", null, "DATABASE_URL", "postgresql://engine:fake-other-password@elsewhere.invalid/x");
        w.secret("fake-other-password");
        w.patch("staging", Map.of("services", Map.of(w.serviceId("engine-api"),
                Map.of("deploy", Map.of("multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 3)))))));
        assertEquals(List.of("engine-api setting deploy.numReplicas", "engine-api variable GUNICORN_WORKERS",
                "shared variable DATABASE_URL"), undeclared(w),
                "the spec declares these differences, but staging no longer holds what it says");
        Run undeclaredOnly = w.tlctl("drift", "--compare", "production", "staging", "--undeclared-only");
        assertEquals(2, undeclaredOnly.code(), undeclaredOnly::toString);
        assertTrue(undeclaredOnly.out().contains("variable GUNICORN_WORKERS"), undeclaredOnly::toString);
    }

    /** The undeclared differences of compare, as "service subject name". */
    private static List<String> undeclared(World w) throws Exception {
        JsonNode doc = Gql.JSON.readTree(w.tlctl("drift", "--compare", "production", "staging", "--json").out());
        List<String> out = new ArrayList<>();
        for (JsonNode d : doc.path("differences")) {
            if (!d.path("declared").asBoolean() && !d.path("risk").asBoolean()) {
                out.add((d.path("service").isNull() ? "shared" : d.path("service").asText()) + " "
                        + d.path("subject").asText() + " " + d.path("name").asText());
            }
        }
        out.sort(null);
        return out;
    }
}
