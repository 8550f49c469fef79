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

/** {@code tlctl env create NAME --from ENV} for a name no template names: a one-off ephemeral copy. */
class EnvCopyTest extends E2eTest {

    private World ready() {
        World w = PreviewTest.withTemplate(world());
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        return w;
    }

    private static Map<String, JsonNode> all(World w) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (String name : World.names(w.project().path("environments"))) {
            out.put(name, w.environment(name));
        }
        return out;
    }

    private static JsonNode row(World w, String name) throws Exception {
        Run list = w.tlctl("env", "list", "--json");
        assertEquals(0, list.code(), list::toString);
        for (JsonNode e : Gql.JSON.readTree(list.out()).path("environments")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError(name + " is not listed: " + list);
    }

    @Test
    void aCopyOfStagingCarriesItsVariablesIsListedAsACopyAndIsDeletedWithoutForce() throws Exception {
        World w = ready();
        Map<String, JsonNode> before = all(w);
        Run copy = w.tlctl("env", "create", "try-redis", "--from", "staging");
        assertEquals(0, copy.code(), copy::toString);
        assertEquals(2, copy.requests(), "the read and the create: " + copy);
        String id = w.environmentId("try-redis");
        assertTrue(copy.out().startsWith("Copied staging to try-redis: " + id), copy::toString);
        assertTrue(copy.out().contains("try-redis carries staging's variables, secrets included (not printed"),
                copy::toString);
        w.assertNoSecretShown();

        JsonNode config = w.config("try-redis");
        JsonNode staging = w.config("staging");
        assertEquals(staging.path("sharedVariables").path("DATABASE_URL").path("value").asText(),
                config.path("sharedVariables").path("DATABASE_URL").path("value").asText(), "Railway's fork copies it");
        assertEquals(staging.path("services").size(), config.path("services").size(), "every service instance");
        Map<String, JsonNode> after = all(w);
        after.remove("try-redis");
        assertEquals(before, after, "every other environment exactly as it was");

        JsonNode row = row(w, "try-redis");
        assertEquals("copy", row.path("kind").asText());
        assertEquals("staging", row.path("from").asText());
        assertTrue(row.path("ephemeral").asBoolean());
        assertTrue(row.path("template").isNull());

        Run again = w.tlctl("env", "create", "try-redis", "--from", "staging", "--json");
        assertEquals(0, again.code(), again::toString);
        JsonNode doc = Gql.JSON.readTree(again.out());
        assertFalse(doc.path("created").asBoolean(), again::toString);
        assertEquals("staging", doc.path("copiedFrom").asText());
        assertEquals(1, again.requests(), "it exists: the read only");

        Run delete = w.tlctl("env", "delete", "try-redis", "--yes");
        assertEquals(0, delete.code(), delete::toString);
        assertEquals(List.of("production", "staging"), World.names(w.project().path("environments")));
    }

    @Test
    void copyingProductionNeedsForceAndASecondCopyWaitsForTheQuota() {
        World w = ready();
        Run refused = w.tlctl("env", "create", "scratch", "--from", "production");
        assertEquals(1, refused.code(), refused::toString);
        assertTrue(refused.err().contains("refusing to copy production, the project's default environment, without"
                + " --force"), refused::toString);
        assertEquals(1, refused.requests(), "the read only: " + refused);
        assertEquals(List.of("production", "staging"), World.names(w.project().path("environments")));

        assertEquals(0, w.tlctl("env", "create", "scratch", "--from", "production", "--force").code());
        Run second = w.tlctl("env", "create", "scratch-2", "--from", "staging");
        assertEquals(0, second.code(), second::toString);
        assertTrue(second.sleeps().stream().anyMatch(d -> d.compareTo(Duration.ofSeconds(1)) >= 0), second::toString);
        assertTrue(second.err().contains("Railway creates one environment per user every 30 s"), second::toString);
        assertEquals(List.of("production", "staging", "scratch", "scratch-2"),
                World.names(w.project().path("environments")));
    }

    @Test
    void anUnknownSourceOrATakenNameChangesNothing() {
        World w = ready();
        Run unknown = w.tlctl("env", "create", "scratch", "--from", "stagin");
        assertEquals(64, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("no environment \"stagin\""), unknown::toString);
        assertTrue(unknown.err().contains("did you mean staging?"), unknown::toString);
        Run deleteUnknown = w.tlctl("env", "delete", "stagin", "--yes");
        assertEquals(64, deleteUnknown.code(), deleteUnknown::toString);
        assertTrue(deleteUnknown.err().contains("did you mean staging?"), deleteUnknown::toString);
        Run taken = w.tlctl("env", "create", "staging", "--from", "production", "--force");
        assertEquals(64, taken.code(), "declared: " + taken);
        Run template = w.tlctl("env", "create", "pr-3", "--from", "production");
        assertEquals(64, template.code(), "a template's name keeps its template's source: " + template);
        assertEquals(List.of("production", "staging"), World.names(w.project().path("environments")));
    }
}
