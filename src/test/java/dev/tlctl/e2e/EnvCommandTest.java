package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code tlctl env} on the sandbox: create a preview (its id, the quota's wait), list the
 * environments, delete one and only it, prune the expired ones on a driven clock.
 */
class EnvCommandTest extends E2eTest {

    private World ready() {
        World w = PreviewTest.withTemplate(world());
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        return w;
    }

    /** Every environment but {@code except}: its config (values included) and etag, by name. */
    private static Map<String, JsonNode> others(World w, String except) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String name : World.names(w.project().path("environments"))) {
            if (!name.equals(except)) {
                out.put(name, w.environment(name));
            }
        }
        return out;
    }

    @Test
    void createGivesThePreviewStagingsSizingItsOwnSecretsAndTheBranchThenPlanIsClean() throws Exception {
        World w = ready();
        Run create = w.tlctl("env", "create", "pr-1", "--branch", "feature-x", "--json");
        assertEquals(0, create.code(), create::toString);
        JsonNode doc = Gql.JSON.readTree(create.out());
        assertEquals(w.environmentId("pr-1"), doc.path("id").asText());
        assertTrue(doc.path("created").asBoolean());
        assertEquals(3, create.requests(), "the read, the create, one commit: " + create);

        String api = w.serviceId("engine-api");
        JsonNode config = w.config("pr-1");
        JsonNode instance = config.path("services").path(api);
        assertEquals(1, instance.path("deploy").path("multiRegionConfig").path("us-west2").path("numReplicas").asInt());
        assertEquals("feature-x", instance.path("source").path("branch").asText());
        assertEquals(PreviewTest.PREVIEW_DB, config.path("sharedVariables").path("DATABASE_URL").path("value").asText(),
                "its own secret, not staging's");

        assertEquals(0, w.tlctl("apply", "--env", "pr-1", "--yes").code());
        Run plan = w.tlctl("plan", "--env", "pr-1", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);

        Run again = w.tlctl("env", "create", "pr-1", "--json");
        assertEquals(0, again.code(), again::toString);
        assertFalse(Gql.JSON.readTree(again.out()).path("created").asBoolean(), "it exists: brought up to date");
    }

    @Test
    void aSecondCreateInsideTheQuotaWindowWaitsVisiblyAndSucceeds() {
        World w = ready();
        assertEquals(0, w.tlctl("env", "create", "pr-1").code());
        Run second = w.tlctl("env", "create", "pr-2");
        assertEquals(0, second.code(), second::toString);
        assertTrue(second.sleeps().stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(1)) >= 0), second::toString);
        assertTrue(second.err().contains("Railway creates one environment per user every 30 s"), second::toString);
        assertTrue(World.names(w.project().path("environments")).containsAll(List.of("pr-1", "pr-2")));
    }

    @Test
    void deleteRemovesThatPreviewAndLeavesEveryOtherEnvironmentExactlyAsItWas() throws Exception {
        World w = ready();
        assertEquals(0, w.tlctl("env", "create", "pr-1").code());
        w.later();
        assertEquals(0, w.tlctl("env", "create", "pr-2").code());
        Map<String, JsonNode> before = others(w, "pr-1");

        Run refused = w.tlctl("env", "delete", "pr-1");
        assertEquals(64, refused.code(), "no terminal, no --yes: " + refused);
        assertTrue(refused.err().contains("- pr-1 (preview (pr)"), refused::toString);

        Run delete = w.tlctl("env", "delete", "pr-1", "--yes", "--json");
        assertEquals(0, delete.code(), delete::toString);
        assertEquals("pr-1", Gql.JSON.readTree(delete.out()).path("environments").path(0).path("name").asText());
        assertEquals(2, delete.requests(), "the read and the delete: " + delete);
        assertEquals(before, others(w, "pr-1"), "every other environment, pr-2 included, exactly as it was");
        assertFalse(World.names(w.project().path("environments")).contains("pr-1"));
    }

    @Test
    void deleteRefusesTheDefaultEnvironmentAlwaysAndADeclaredOneWithoutForce() {
        World w = ready();
        Run production = w.tlctl("env", "delete", "production", "--yes", "--force");
        assertEquals(1, production.code(), production::toString);
        assertTrue(production.err().contains("refusing to delete production, the project's default environment"),
                production::toString);
        Run staging = w.tlctl("env", "delete", "staging", "--yes");
        assertEquals(1, staging.code(), staging::toString);
        assertTrue(staging.err().contains("environment staging is declared in the spec"), staging::toString);
        assertEquals(List.of("production", "staging"), World.names(w.project().path("environments")));
    }

    @Test
    void pruneExpiredDeletesOnlyPreviewsPastTheirTtl() throws Exception {
        World w = ready();
        assertEquals(0, w.tlctl("env", "create", "pr-1").code());
        w.clock.advance(Duration.ofDays(5));
        assertEquals(0, w.tlctl("env", "create", "pr-2").code());
        w.clock.advance(Duration.ofDays(3)); // pr-1 is 8 days old (ttl 7d), pr-2 3 days

        Run list = w.tlctl("env", "list", "--json");
        assertEquals(0, list.code(), list::toString);
        assertEquals(1, list.requests(), "one read, usage included");
        Map<String, JsonNode> rows = new LinkedHashMap<>();
        Gql.JSON.readTree(list.out()).path("environments").forEach(e -> rows.put(e.path("name").asText(), e));
        assertEquals("declared", rows.get("staging").path("kind").asText());
        assertEquals("preview", rows.get("pr-1").path("kind").asText());
        assertEquals("staging", rows.get("pr-1").path("from").asText());
        assertTrue(rows.get("pr-1").path("ephemeral").asBoolean());
        assertTrue(rows.get("pr-1").path("expired").asBoolean());
        assertFalse(rows.get("pr-2").path("expired").asBoolean());
        assertTrue(rows.get("pr-1").path("spentDollars").isNumber(), list::toString);

        Run prune = w.tlctl("env", "prune", "--expired", "--yes");
        assertEquals(0, prune.code(), prune::toString);
        assertTrue(prune.out().contains("Deleted pr-1"), prune::toString);
        assertEquals(List.of("production", "staging", "pr-2"), World.names(w.project().path("environments")));
        Run nothing = w.tlctl("env", "prune", "--expired", "--yes");
        assertTrue(nothing.out().contains("Nothing to delete."), nothing::toString);
    }
}
