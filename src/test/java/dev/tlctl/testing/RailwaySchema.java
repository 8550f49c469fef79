package dev.tlctl.testing;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Railway's real schema ({@code ../shared/railway/schema.graphql}), for tests: read from the
 * path in the system property {@code railway.schema}. The property empty or unset: tests that need
 * the schema are skipped (a JUnit assumption). Set to a file that does not exist: they fail.
 * Never copy the schema into the project.
 */
public final class RailwaySchema {
    /** The system property Maven passes: {@code -Drailway.schema=../shared/railway/schema.graphql}. */
    public static final String PROPERTY = "railway.schema";

    private static TypeDefinitionRegistry registry;
    private static GraphQLSchema schema;

    private RailwaySchema() {}

    /**
     * The schema's path, or empty when the property is empty or unset.
     *
     * @throws AssertionError when the property names a file that does not exist
     */
    public static Optional<Path> schemaPath() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path path = Path.of(value.trim());
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("-D" + PROPERTY + "=" + value + " names no file (resolved: "
                    + path.toAbsolutePath() + "); pass the path of Railway's schema.graphql, or leave it empty to skip");
        }
        return Optional.of(path);
    }

    /** The schema's path; skips the calling test (assumption) when the property is empty. */
    public static Path requirePath() {
        Optional<Path> path = schemaPath();
        Assumptions.assumeTrue(path.isPresent(), "-D" + PROPERTY + " is empty: Railway schema checks skipped");
        return path.get();
    }

    /** The parsed type definitions of the real schema (cached). */
    public static synchronized TypeDefinitionRegistry registry() {
        if (registry == null) {
            try {
                registry = new SchemaParser().parse(Files.readString(requirePath()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return registry;
    }

    /** The real schema, for validation only (no data fetchers). */
    public static synchronized GraphQLSchema schema() {
        if (schema == null) {
            schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry());
        }
        return schema;
    }

    /**
     * Validates an operation document against the full real schema: the messages of its syntax
     * and validation errors, empty when the document is valid. Skips the calling test when the
     * property is empty.
     */
    public static List<String> validate(String document) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema(),
                ExecutionInput.newExecutionInput().query(document).build());
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
