package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.RailwaySchema;
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

    @TestFactory
    Stream<DynamicTest> eachDocumentIsNamedAfterItsOperationAndValid() throws IOException {
        assumeSchema();
        return documentNames().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            String text = Files.readString(FOLDER.resolve(name + ".graphql"));
            OperationDocument parsed = OperationDocument.parse(text, name);
            assertEquals(name, parsed.name(), "the file is named after its operation");
            assertEquals(List.of(), RailwaySchema.validate(text));
        }));
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
