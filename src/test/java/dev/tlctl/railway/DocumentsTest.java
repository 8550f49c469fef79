package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentsTest {
    @Test
    void loadsAndCachesDocuments() {
        String first = Documents.load("EnvironmentPatchCommit");
        assertSame(first, Documents.load("EnvironmentPatchCommit"));
        assertTrue(first.startsWith("mutation EnvironmentPatchCommit("));
    }

    @Test
    void buildsARequestNamedAfterTheOperation() {
        GraphQLRequest request = Documents.request("EnvironmentDelete", "delete environment pr-12", Map.of("id", "env-9"), true);
        assertEquals("environmentDelete", request.operation());
        assertEquals(Documents.load("EnvironmentDelete"), request.document());
        assertTrue(request.retrySafe());
    }

    @Test
    void refusesUnknownOrOddNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Documents.load("NoSuchOperation"))
                .getMessage().contains("/dev/tlctl/railway/graphql/NoSuchOperation.graphql"));
        assertThrows(IllegalArgumentException.class, () -> Documents.load("../secret"));
    }
}
