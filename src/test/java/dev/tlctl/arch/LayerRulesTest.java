package dev.tlctl.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Enforces the layers of DESIGN.md by scanning imports of the main sources: which tlctl packages
 * each package may import, and where picocli, okhttp, graphql-java, SnakeYAML and Jackson may
 * appear.
 */
class LayerRulesTest {
    private static final Path MAIN = Path.of("src/main/java/dev/tlctl");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bdev\\.tlctl\\.(\\w+)\\.");

    /** package -> the tlctl packages it may use (itself always). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("secret", Set.of()),
            Map.entry("spec", Set.of("secret")),
            Map.entry("live", Set.of("secret")),
            Map.entry("plan", Set.of("spec", "live", "secret")),
            Map.entry("railway", Set.of("live", "secret")),
            Map.entry("apply", Set.of("plan", "live", "railway", "secret")),
            Map.entry("audit", Set.of("spec", "live", "plan", "secret")),
            Map.entry("adopt", Set.of("secret", "spec", "live", "plan")),
            Map.entry("reconcile", Set.of("secret", "spec", "live", "plan", "audit", "railway", "apply", "adopt")),
            Map.entry("sandbox", Set.of()),
            // reconcile is the only door: the command line speaks its requests, results and failures,
            // never the client's or the applier's types.
            Map.entry("cli", Set.of("secret", "spec", "live", "plan", "audit", "adopt", "reconcile", "sandbox")));

    /**
     * third-party prefix -> the packages that may use it; the longest prefix that matches decides.
     * graphql-java's parser and printer may compose the client's documents; its schema and
     * execution engine stay in the sandbox.
     */
    private static final Map<String, Set<String>> LIBRARIES = Map.of(
            "picocli.", Set.of("cli"),
            "okhttp3.", Set.of("railway"),
            "okio.", Set.of("railway"),
            "graphql.", Set.of("sandbox"),
            "graphql.parser.", Set.of("sandbox", "railway"),
            "graphql.language.", Set.of("sandbox", "railway"),
            "org.yaml.snakeyaml.", Set.of("spec"),
            "org.tomlj.", Set.of("adopt"),
            "com.fasterxml.jackson.", Set.of("railway", "reconcile", "cli", "sandbox", "adopt"));

    @Test
    void everyPackageImportsOnlyWhatItsLayerAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(MAIN)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String pkg = MAIN.relativize(file).getName(0).toString();
                assertTrue(ALLOWED.containsKey(pkg), "a package DESIGN.md does not know: " + pkg);
                String source = Files.readString(file);
                List<String> used = new ArrayList<>();
                Matcher imports = IMPORT.matcher(source);
                while (imports.find()) {
                    used.add(imports.group(1));
                }
                Matcher qualified = QUALIFIED.matcher(source);
                while (qualified.find()) {
                    used.add("dev.tlctl." + qualified.group(1) + ".");
                }
                for (String name : used) {
                    if (name.startsWith("dev.tlctl.")) {
                        String target = name.substring("dev.tlctl.".length()).split("\\.")[0];
                        if (!target.equals(pkg) && ALLOWED.containsKey(target) && !ALLOWED.get(pkg).contains(target)) {
                            violations.add(MAIN.relativize(file) + " uses dev.tlctl." + target);
                        }
                    }
                    library(name).filter(lib -> !LIBRARIES.get(lib).contains(pkg))
                            .ifPresent(lib -> violations.add(MAIN.relativize(file) + " uses " + lib + "*"));
                }
            }
        }
        assertTrue(files > 50, "the scan found the sources");
        assertEquals(List.of(), violations);
    }

    @Test
    void theClientMayUseGraphqlJavasParserAndPrinterOnly() {
        assertEquals(Optional.of("graphql.parser."), library("graphql.parser.Parser"));
        assertEquals(Optional.of("graphql.language."), library("graphql.language.AstPrinter"));
        for (String engine : List.of("graphql.schema.GraphQLSchema", "graphql.GraphQL", "graphql.util.TraverserContext",
                "graphql.execution.ExecutionStrategy", "graphql.validation.Validator")) {
            assertEquals(Optional.of("graphql."), library(engine), engine);
            assertEquals(Set.of("sandbox"), LIBRARIES.get(library(engine).get()), engine);
        }
    }

    /** The longest library prefix {@code name} starts with. */
    private static Optional<String> library(String name) {
        return LIBRARIES.keySet().stream().filter(name::startsWith).max(Comparator.comparingInt(String::length));
    }
}
