package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.RailwaySchema;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every operation document, alone and batched, validates against Railway's full schema. */
class OperationDocumentsConformanceTest {
    private static final Path FOLDER = Path.of("src/main/resources/dev/tlctl/railway/graphql");

    @Test
    void theRequiredDocumentsExist() throws IOException {
        List<String> names = documentNames();
        for (String required : List.of("ProjectCreate", "ServiceCreate", "EnvironmentCreate", "EnvironmentPatchCommit",
                "UsageLimitSet", "UsageLimitRemove", "ServiceDelete", "EnvironmentDelete", "EnvironmentEtag")) {
            assertTrue(names.contains(required), required + " missing from " + names);
        }
    }

    /** What the transport sends as operationName and treats as a read or a write, against graphql-java's parse. */
    @TestFactory
    Stream<DynamicTest> eachDocumentIsNamedAfterItsOperationWhoseTypeItsFirstLineSays() throws IOException {
        return documentNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Document parsed = Parser.parse(Files.readString(FOLDER.resolve(name + ".graphql")));
            assertEquals(1, parsed.getDefinitions().size(), "one operation, no fragment");
            OperationDefinition operation = (OperationDefinition) parsed.getDefinitions().get(0);
            assertEquals(name, operation.getName(), "the file is named after its operation");
            GraphQLRequest request = Documents.request(name, "test", Map.of(), true);
            assertEquals(name, request.operationName());
            assertEquals(operation.getOperation().name(), request.type().name());
            assertEquals(request.type(), Documents.type(name));
        }));
    }

    @TestFactory
    Stream<DynamicTest> eachDocumentIsValid() throws IOException {
        assumeSchema();
        return documentNames().stream().map(name -> DynamicTest.dynamicTest(name, () ->
                assertEquals(List.of(), RailwaySchema.validate(Files.readString(FOLDER.resolve(name + ".graphql"))))));
    }

    @TestFactory
    Stream<DynamicTest> eachDocumentBatchedTwiceIsValid() throws IOException {
        assumeSchema();
        return documentNames().stream().map(name -> DynamicTest.dynamicTest(name + " x2", () -> {
            String text = Files.readString(FOLDER.resolve(name + ".graphql"));
            DocumentBatch batch = new BatchComposer().add("a0", text, Map.of()).add("a1", text, Map.of()).compose();
            assertEquals(List.of(), RailwaySchema.validate(batch.document()), batch.document());
        }));
    }

    @Test
    void etagsOfManyEnvironmentsInOneQueryAreValid() {
        assumeSchema();
        BatchComposer composer = new BatchComposer("EnvironmentEtags");
        for (int i = 0; i < 7; i++) {
            composer.add("e" + i, Documents.load("EnvironmentEtag"), Map.of("id", "env-" + i));
        }
        String document = composer.compose().document();
        assertEquals(List.of(), RailwaySchema.validate(document), document);
    }

    @Test
    void theValidatorRejectsWhatTheSchemaDoesNotHave() {
        assumeSchema();
        assertTrue(!RailwaySchema.validate("query { environment(id: \"x\") { noSuchField } }").isEmpty());
        assertTrue(!RailwaySchema.validate("mutation M($i: String!) { serviceCreate(input: $i) { id } }").isEmpty());
    }

    private static void assumeSchema() {
        RailwaySchema.requirePath(); // skips, saying why, without the schema; fails for a -D path that is missing
    }

    private static List<String> documentNames() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".graphql"))
                    .map(f -> f.substring(0, f.length() - ".graphql".length()))
                    .sorted()
                    .toList();
        }
    }
}
