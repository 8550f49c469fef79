package dev.tlctl.testing;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Railway's full public schema, for conformance tests. Its path comes from the system property
 * {@code railway.schema}: unset or empty skips the tests that need it; set to a missing file fails
 * them.
 */
public final class RailwaySchema {
    public static final String PROPERTY = "railway.schema";

    private static GraphQLSchema schema;

    private RailwaySchema() {}

    /** The schema's path; empty when the property is unset. Fails when it names a missing file. */
    public static Optional<Path> schemaPath() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value.strip());
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("-D" + PROPERTY + "=" + value + " names no file (resolved to "
                    + path.toAbsolutePath() + "); the schema conformance tests need Railway's schema.graphql.");
        }
        return Optional.of(path);
    }

    /** Validation errors of {@code document} against the schema; empty when valid. Skips without a schema. */
    public static List<String> validate(String document) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(
                schema(), ExecutionInput.newExecutionInput(document).build());
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }

    private static synchronized GraphQLSchema schema() {
        if (schema == null) {
            Path path = schemaPath().orElse(null);
            Assumptions.assumeTrue(path != null, "-D" + PROPERTY + " is not set: schema conformance skipped");
            try {
                schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(path)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
