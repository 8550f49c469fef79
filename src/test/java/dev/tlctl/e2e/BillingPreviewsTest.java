package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import org.junit.jupiter.api.Test;

/** {@code tlctl billing} lists the previews together (their spend summed) beside each environment's row. */
class BillingPreviewsTest extends E2eTest {

    private World twoPreviewsWithUsage() {
        World w = PreviewTest.withTemplate(world());
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        assertEquals(0, w.tlctl("env", "create", "pr-1").code());
        w.later();
        assertEquals(0, w.tlctl("env", "create", "pr-2").code());
        w.later();
        w.sandbox.setUsage(World.PROJECT, "pr-1", "engine-api", "CPU_USAGE", 4_320);      // $2
        w.sandbox.setUsage(World.PROJECT, "pr-2", "engine-api", "CPU_USAGE", 8_640);      // $4
        w.sandbox.setUsage(World.PROJECT, "staging", "engine-api", "CPU_USAGE", 21_600);  // $10
        return w;
    }

    @Test
    void theJsonDocumentSumsThePreviewsAndKeepsEachEnvironment() throws Exception {
        World w = twoPreviewsWithUsage();
        Run billing = w.tlctl("billing", "--json");
        assertEquals(0, billing.code(), billing::toString);
        assertEquals(1, billing.requests(), "one read, usage included");
        JsonNode doc = Gql.JSON.readTree(billing.out());
        JsonNode previews = doc.path("previews");
        assertEquals("[\"pr-1\",\"pr-2\"]", previews.path("environments").toString());
        assertEquals(6.0, previews.path("spentDollars").asDouble(), 0.001, billing::toString);
        double projected = 0;
        for (JsonNode e : doc.path("environments")) {
            if (e.path("name").asText().startsWith("pr-")) {
                projected += e.path("projectedDollars").asDouble();
            }
        }
        assertEquals(projected, previews.path("projectedDollars").asDouble(), 0.011, billing::toString);
        assertTrue(projected > 6.0, "projected past what was spent: " + billing);
        assertEquals(3, doc.path("environments").size(), "staging, pr-2 and pr-1 keep their rows: " + billing);
    }

    @Test
    void theHumanAndMarkdownTablesHaveAPreviewsRow() {
        World w = twoPreviewsWithUsage();
        Run human = w.tlctl("billing");
        assertEquals(0, human.code(), human::toString);
        assertEquals(1, human.requests());
        String row = human.out().lines().filter(l -> l.startsWith("previews (2: pr-1, pr-2)")).findFirst().orElse("");
        assertTrue(row.matches("previews \\(2: pr-1, pr-2\\) +\\$6\\.00 +\\$6\\.\\d\\d .*"), human::toString);
        assertTrue(human.out().contains("\n  pr-2 "), "its own row too: " + human);
        assertTrue(human.out().contains("\n  pr-1 "), "its own row too: " + human);

        Run markdown = w.tlctl("billing", "--output", "markdown");
        assertEquals(0, markdown.code(), markdown::toString);
        assertTrue(markdown.out().contains("| previews (2: pr-1, pr-2) | $6.00 | $6."), markdown::toString);
    }

    @Test
    void withoutPreviewsThereIsNoPreviewsRowAndAnEmptyGroup() throws Exception {
        World w = PreviewTest.withTemplate(world());
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.sandbox.setUsage(World.PROJECT, "staging", "engine-api", "CPU_USAGE", 4_320);
        Run human = w.tlctl("billing");
        assertTrue(human.out().lines().noneMatch(l -> l.startsWith("previews")), human::toString);
        JsonNode previews = Gql.JSON.readTree(w.tlctl("billing", "--json").out()).path("previews");
        assertEquals(0, previews.path("environments").size());
        assertEquals(0.0, previews.path("spentDollars").asDouble());
    }
}
