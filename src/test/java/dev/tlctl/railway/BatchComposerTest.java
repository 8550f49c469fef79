package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.secret.Secret;
import graphql.language.AstPrinter;
import graphql.parser.Parser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchComposerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SERVICE_CREATE = Documents.load("ServiceCreate");
    private static final String ETAG = Documents.load("EnvironmentEtag");

    @Test
    void onePart() {
        DocumentBatch batch = new BatchComposer().add("s0", SERVICE_CREATE, Map.of("input", Map.of("name", "api"))).compose();
        // What goes on the wire: graphql-java's compact print.
        assertEquals("mutation Batch($s0_input:ServiceCreateInput!){s0:serviceCreate(input:$s0_input){id name}}",
                batch.document());
        assertDocument("mutation Batch($s0_input: ServiceCreateInput!) { s0: serviceCreate(input: $s0_input) { id name } }",
                batch);
        assertEquals(Map.of("s0_input", Map.of("name", "api")), batch.variables());
        assertEquals("serviceCreate", batch.operation());
        assertTrue(batch.isMutation());
    }

    @Test
    void twoPartsAsInTheDesign() {
        Secret secret = Secret.of("s3cr3t-fixture");
        DocumentBatch batch = new BatchComposer()
                .add("s0", SERVICE_CREATE, Map.of("input", Map.of("name", "api")))
                .add("s1", SERVICE_CREATE, Map.of("input", Map.of("name", "worker", "variables", Map.of("K", secret))))
                .compose();
        assertDocument("mutation Batch($s0_input: ServiceCreateInput!, $s1_input: ServiceCreateInput!) {"
                + " s0: serviceCreate(input: $s0_input) { id name } s1: serviceCreate(input: $s1_input) { id name } }",
                batch);
        assertEquals(List.of("s0_input", "s1_input"), List.copyOf(batch.variables().keySet()));
        assertSame(secret, ((Map<?, ?>) ((Map<?, ?>) batch.variables().get("s1_input")).get("variables")).get("K"));
        assertEquals("serviceCreate x2", batch.operation());
        GraphQLRequest request = batch.request("create services api and worker", false);
        assertEquals("serviceCreate x2", request.operation());
        assertEquals("Batch", request.operationName());
        assertEquals(GraphQLRequest.OperationType.MUTATION, request.type());
        assertEquals(batch.document(), request.document());
        assertFalse(request.retrySafe());
        assertFalse(request.toString().contains("s3cr3t"));
    }

    @Test
    void fivePartsWithResultsByAlias() throws Exception {
        BatchComposer composer = new BatchComposer();
        for (int i = 0; i < 5; i++) {
            composer.add("e" + i, ETAG, Map.of("id", "env-" + i));
        }
        DocumentBatch batch = composer.compose();
        StringBuilder expected = new StringBuilder("query Batch(");
        for (int i = 0; i < 5; i++) {
            expected.append(i == 0 ? "" : ", ").append("$e").append(i).append("_id: String!");
        }
        expected.append(") {");
        for (int i = 0; i < 5; i++) {
            expected.append(" e").append(i).append(": environment(id: $e").append(i).append("_id) { id configEtag }");
        }
        expected.append(" }");
        assertDocument(expected.toString(), batch);
        assertEquals("env-3", batch.variables().get("e3_id"));
        assertFalse(batch.isMutation());
        assertEquals(GraphQLRequest.OperationType.QUERY, batch.request("read etags", true).type());
        assertEquals("environment x5", batch.operation());
        assertEquals(List.of("e0", "e1", "e2", "e3", "e4"), batch.aliases());

        JsonNode data = JSON.readTree("{\"e0\":{\"id\":\"env-0\",\"configEtag\":\"a\"},\"e3\":{\"id\":\"env-3\",\"configEtag\":\"d\"}}");
        assertEquals("d", batch.result(data, "e3").path("configEtag").asText());
        assertTrue(batch.result(data, "e4").isMissingNode());
        assertEquals("a", batch.data(data, "e0").path("environment").path("configEtag").asText());
        assertThrows(IllegalArgumentException.class, () -> batch.result(data, "e9"));
    }

    @Test
    void stringLiteralsAreNeverRenamedOrCountedAsBraces() {
        String doc = "mutation Rename($id: String!, $name: String!) {\n"
                + "  serviceUpdate(id: $id, input: {name: \"costs $5 {not} \\\" $id\"}) { id }\n"
                + "  other: serviceUpdate(id: $id, input: {name: \"\"\"block $name { \\\"\"\" }\"\"\"}) { name }\n"
                + "}\n";
        DocumentBatch batch = new BatchComposer().add("r0", doc, Map.of("id", "svc-1", "name", "n")).compose();
        assertDocument("mutation Batch($r0_id: String!, $r0_name: String!) {"
                + " r0_serviceUpdate: serviceUpdate(id: $r0_id, input: { name: \"costs $5 {not} \\\" $id\" }) { id }"
                + " r0_other: serviceUpdate(id: $r0_id, input: { name: \"\"\"block $name { \\\"\"\" }\"\"\" }) { name } }",
                batch);
        assertTrue(batch.document().contains("{name:\"costs $5 {not} \\\" $id\"}"), batch.document());
        assertTrue(batch.document().contains("{name:\"block $name { \\\"\\\"\\\" }\"}"), "the same value: " + batch.document());
    }

    @Test
    void defaultValuesCommentsAndSeveralRootFields() throws Exception {
        String doc = "# lists projects; a comment with $first and { is ignored\n"
                + "query Overview($first: Int = 5, $names: [String!] = [\"a\", \"$b\"], $id: String!) {\n"
                + "  projects(first: $first) { edges { node { id } } } # trailing $comment\n"
                + "  env: environment(id: $id) @include(if: true) { id }\n"
                + "}";
        DocumentBatch batch = new BatchComposer()
                .add("q0", doc, Map.of("id", "env-1"))
                .add("q1", ETAG, Map.of("id", "env-2"))
                .compose();
        assertDocument("query Batch($q0_first: Int = 5, $q0_names: [String!] = [\"a\", \"$b\"], $q0_id: String!,"
                + " $q1_id: String!) { q0_projects: projects(first: $q0_first) { edges { node { id } } }"
                + " q0_env: environment(id: $q0_id) @include(if: true) { id } q1: environment(id: $q1_id) { id configEtag } }",
                batch);
        // Only the variables given are sent: a default applies to the others.
        assertEquals(Map.of("q0_id", "env-1", "q1_id", "env-2"), batch.variables());
        JsonNode data = JSON.readTree("{\"q0_projects\":{\"edges\":[]},\"q0_env\":{\"id\":\"env-1\"},\"q1\":{\"id\":\"env-2\"}}");
        JsonNode part = batch.data(data, "q0");
        assertEquals("env-1", part.path("env").path("id").asText());
        assertTrue(part.path("projects").path("edges").isArray());
        assertThrows(IllegalArgumentException.class, () -> batch.result(data, "q0"));
        assertEquals("env-2", batch.result(data, "q1").path("id").asText());
    }

    @Test
    void variablesRenamedEverywhereInsideTheField() {
        String doc = "mutation Patch($environmentId: String!, $patch: EnvironmentConfig, $skip: Boolean = false) {"
                + " environmentPatchCommit(environmentId: $environmentId, patch: $patch) @skip(if: $skip) }";
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("environmentId", "env-1");
        values.put("patch", null);
        DocumentBatch batch = new BatchComposer("Commit").add("p", doc, values).compose();
        assertDocument("mutation Commit($p_environmentId: String!, $p_patch: EnvironmentConfig, $p_skip: Boolean = false) {"
                + " p: environmentPatchCommit(environmentId: $p_environmentId, patch: $p_patch) @skip(if: $p_skip) }",
                batch);
        assertTrue(batch.variables().containsKey("p_patch"));
        assertNull(batch.variables().get("p_patch"));
    }

    @Test
    void rejectsFragments() {
        String definition = "query Q { project(id: \"p\") { ...Fields } } fragment Fields on Project { id }";
        String spread = "query Q { project(id: \"p\") { ...Fields } }";
        String inline = "query Q { project(id: \"p\") { ... on Project { id } } }";
        String onlyFragment = "fragment Fields on Project { id }";
        for (String doc : List.of(definition, spread, inline, onlyFragment)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new BatchComposer().add("a", doc, Map.of()));
            assertTrue(e.getMessage().contains("uses fragments, which tlctl's operation documents do not support"),
                    e.getMessage());
        }
        assertEquals("The GraphQL document Q uses fragments, which tlctl's operation documents do not support: write"
                        + " the fields out instead (line 1, column 30).",
                assertThrows(IllegalArgumentException.class, () -> new BatchComposer().add("a", spread, Map.of())).getMessage());
    }

    @Test
    void rejectsMixingQueriesAndMutations() {
        BatchComposer composer = new BatchComposer().add("e0", ETAG, Map.of("id", "env-1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> composer.add("s0", SERVICE_CREATE, Map.of()));
        assertEquals("A batch cannot mix queries and mutations: part s0 (ServiceCreate) is a mutation, part e0"
                + " (EnvironmentEtag) a query.", e.getMessage());
    }

    @Test
    void rejectsWhatCannotBeComposed() {
        assertReject("holds more than one operation", "query A { a } query B { b }");
        assertReject("uses variable $id without declaring it", "query A { environment(id: $id) { id } }");
        assertReject("is a subscription", "subscription S { deploymentLogs(deploymentId: \"d\") { message } }");
        assertReject("has a directive on the operation", "query A @cached { a }");
        assertReject("The GraphQL document of part a is not valid GraphQL: Invalid syntax", "query A { environment(id: \"abc) { id } }");
        assertReject("at line 1 column 27", "query A { environment(id: \"abc) { id } }");
        assertReject("is not valid GraphQL", "query A { }");
        assertReject("is not valid GraphQL", "");
        assertReject("is not valid GraphQL", "# only a comment");
        // graphql-java's limits bound what a part costs to parse.
        assertReject("is not valid GraphQL", "query A { " + "a ".repeat(20_000) + "}");
        assertReject("is not valid GraphQL", "query A { " + "a { ".repeat(2_000) + "b" + " }".repeat(2_000) + " }");
        assertReject("declares variable $id twice", "query A($id: String, $id: Int) { a }");
        assertReject("has a value for $nope, which its document does not declare", ETAG, Map.of("nope", 1));
        assertReject("must be a GraphQL name", ETAG, Map.of(), "1st");
        assertReject("reserved by GraphQL", ETAG, Map.of(), "__x");

        BatchComposer dup = new BatchComposer().add("a", ETAG, Map.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> dup.add("a", ETAG, Map.of()))
                .getMessage().contains("already has a part with alias a"));

        BatchComposer clash = new BatchComposer()
                .add("a", "query X($b_c: String) { environment(id: $b_c) { id } }", Map.of())
                .add("a_b", "query Y($c: String) { environment(id: $c) { id } }", Map.of());
        assertEquals("The batch would use the name $a_b_c for both $b_c of part a and $c of part a_b; choose other aliases.",
                assertThrows(IllegalArgumentException.class, clash::compose).getMessage());

        assertThrows(IllegalStateException.class, () -> new BatchComposer().compose());
    }

    /**
     * The batch's document is {@code expected} as graphql-java prints it (compact): the same
     * operation, with white space, commas and string quoting normalised.
     */
    private static void assertDocument(String expected, DocumentBatch batch) {
        assertEquals(AstPrinter.printAstCompact(Parser.parse(expected).getDefinitions().get(0)), batch.document());
    }

    private static void assertReject(String expected, String doc) {
        assertReject(expected, doc, Map.of(), "a");
    }

    private static void assertReject(String expected, String doc, Map<String, ?> variables) {
        assertReject(expected, doc, variables, "a");
    }

    private static void assertReject(String expected, String doc, Map<String, ?> variables, String alias) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BatchComposer().add(alias, doc, variables));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
