package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.RailwaySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check every end-to-end test ends with: it tells a document Railway would refuse from one it accepts. */
class RecordedDocumentsTest extends E2eTest {

    @Test
    void theCheckRejectsWhatTheSchemaDoesNotHaveAndEveryScenesDocumentsAreRecorded() {
        int before = RecordedDocuments.recordedCount();
        World w = world();
        assertEquals(0, w.tlctl("plan").code());
        assertTrue(RecordedDocuments.recordedCount() >= before + 2, "tlctl's documents are recorded");
        assertTrue(w.recorder.documents().stream().anyMatch(d -> d.contains("query MyWorkspaces")),
                w.recorder.documents()::toString);

        RailwaySchema.requirePath();
        Map<String, List<String>> invalid = RecordedDocuments.invalid(List.of(
                "query E2eGood { me { id } }",
                "query E2eBad($id: String!) { environment(id: $id) { id configEtagg } }"));
        assertEquals(List.of("query E2eBad($id: String!) { environment(id: $id) { id configEtagg } }"),
                List.copyOf(invalid.keySet()));
        assertTrue(invalid.values().iterator().next().get(0).contains("configEtagg"), invalid::toString);
    }
}
