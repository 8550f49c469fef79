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
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;

/**
 * Railway's real schema, for tests: the path in the system property {@code railway.schema} when
 * it is set, else {@code ../shared/railway/schema.graphql} beside the checkout when that file is
 * there. Neither: tests that need the schema are skipped (a JUnit assumption whose reason says
 * where the schema was looked for and how to give it). The property set to a file that does not
 * exist: they fail, so that CI, which passes it, never skips them. Never copy the schema into the
 * project.
 */
public final class RailwaySchema {
    /** The system property CI passes: {@code -Drailway.schema=../shared/railway/schema.graphql}. */
    public static final String PROPERTY = "railway.schema";
    /** Where the schema is looked for when the property is not set, from the project's folder. */
    public static final String DEFAULT_PATH = "../shared/railway/schema.graphql";

    private static TypeDefinitionRegistry registry;
    private static GraphQLSchema schema;
    private static boolean skipNoted;

    private RailwaySchema() {}

    /**
     * The schema's path: the property's, else the default path when that file exists, else empty.
     *
     * @throws AssertionError when the property names a file that does not exist
     */
    public static Optional<Path> schemaPath() {
        String value = System.getProperty(PROPERTY);
        if (value != null && !value.isBlank()) {
            Path path = Path.of(value.trim());
            if (!Files.isRegularFile(path)) {
                throw new AssertionError("-D" + PROPERTY + "=" + value + " names no file (resolved: "
                        + path.toAbsolutePath() + "); pass the path of Railway's schema.graphql, or leave it"
                        + " unset to use " + DEFAULT_PATH + " when it is there");
            }
            return Optional.of(path);
        }
        Path fallback = defaultPath();
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    /**
     * The schema's path; skips the calling test (an assumption) when there is none, saying why,
     * and notes the first skip of the run on stderr.
     */
    public static Path requirePath() {
        return requirePath(RailwaySchema::noteSkip);
    }

    /** {@link #requirePath()}, telling {@code onSkip} the reason before skipping. */
    static Path requirePath(Consumer<String> onSkip) {
        Optional<Path> path = schemaPath();
        if (path.isEmpty()) {
            String reason = skipReason();
            onSkip.accept(reason);
            Assumptions.abort(reason);
        }
        return path.get();
    }

    /** Why the schema checks are skipped: where the schema was looked for, and how to give it. */
    public static String skipReason() {
        return "Railway's schema was not found: -D" + PROPERTY + " is not set and " + defaultPath().toAbsolutePath()
                + " does not exist; this schema conformance check is skipped (put the schema there or pass -D"
                + PROPERTY + "=PATH)";
    }

    private static synchronized void noteSkip(String reason) {
        if (!skipNoted) {
            skipNoted = true;
            System.err.println("[tlctl tests] " + reason + ". Every test that needs it is skipped.");
        }
    }

    /** The default path, from Maven's {@code basedir} (the working folder when run elsewhere). */
    private static Path defaultPath() {
        return Path.of(System.getProperty("basedir", "")).resolve(DEFAULT_PATH).normalize();
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
     * and validation errors, empty when the document is valid. Skips the calling test when there
     * is no schema.
     */
    public static List<String> validate(String document) {
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(schema(),
                ExecutionInput.newExecutionInput().query(document).build());
        return result.getErrors().stream().map(GraphQLError::getMessage).toList();
    }
}
