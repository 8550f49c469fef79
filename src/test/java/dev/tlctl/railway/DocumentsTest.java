package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.railway.GraphQLRequest.OperationType;
import java.util.List;
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
        assertEquals("EnvironmentDelete", request.operationName());
        assertEquals(OperationType.MUTATION, request.type());
        assertEquals(Documents.load("EnvironmentDelete"), request.document());
        assertTrue(request.retrySafe());
        // A comment comes before its first line.
        assertEquals(OperationType.QUERY, Documents.request("ReadProject", "read", Map.of(), true).type());
    }

    @Test
    void theTypeIsReadFromTheFirstLineThatIsNotAComment() {
        assertEquals(OperationType.QUERY, Documents.typeOf("query A { a }", "A", "A.graphql"));
        assertEquals(OperationType.MUTATION, Documents.typeOf("# makes one\r\n\n  # $x: {\nmutation A($x: X) { a(x: $x) }", "A",
                "A.graphql"));
        assertEquals(OperationType.QUERY, Documents.typeOf("query A\n{ a }", "A", "A.graphql"));
        for (String wrong : List.of("query AB { a }", "query B { a }", "{ a }", "subscription A { a }", "# only a comment",
                "", "fragment A on B { a } query A { a }", "queryA { a }")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Documents.typeOf(wrong, "A", "A.graphql"),
                    wrong);
            assertEquals("The operation document A.graphql must begin, after its comment lines, with 'query A' or"
                    + " 'mutation A'.", e.getMessage());
        }
    }

    @Test
    void refusesUnknownOrOddNames() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Documents.load("NoSuchOperation"))
                .getMessage().contains("/dev/tlctl/railway/graphql/NoSuchOperation.graphql"));
        assertThrows(IllegalArgumentException.class, () -> Documents.load("../secret"));
    }
}
