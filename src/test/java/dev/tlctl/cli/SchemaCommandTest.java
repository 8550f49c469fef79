package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Tlctl;
import dev.tlctl.testing.Tlctl.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tlctl schema}: the committed copies under {@code schema/} are what it prints, and the
 * repository's spec files name them on their {@code yaml-language-server} line.
 */
class SchemaCommandTest {
    static final Path REPOSITORY = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({"schema/tl-engine.schema.json, ''", "schema/overlay.schema.json, --overlay"})
    void theCommittedCopyIsWhatTheCommandPrints(String copy, String flag) throws IOException {
        String[] args = flag.isEmpty() ? new String[] {"schema"} : new String[] {"schema", flag};
        Run run = Tlctl.in(tmp).env(Map.of()).run(args);
        assertEquals(0, run.code(), run::toString);
        assertEquals("", run.err());
        assertEquals(Files.readString(REPOSITORY.resolve(copy)), run.out(),
                () -> copy + " is stale: run  bin/tlctl " + String.join(" ", args) + " > " + copy);
    }

    @ParameterizedTest
    @CsvSource({"tl-engine.yaml, schema/tl-engine.schema.json",
        "environments/production.yaml, schema/overlay.schema.json",
        "environments/staging.yaml, schema/overlay.schema.json"})
    void theRepositorysSpecFilesNameTheirSchema(String file, String schema) throws IOException {
        Path path = REPOSITORY.resolve(file);
        String first = Files.readAllLines(path).get(0);
        String prefix = "# yaml-language-server: $schema=";
        assertTrue(first.startsWith(prefix), first);
        Path named = path.getParent().resolve(first.substring(prefix.length())).normalize();
        assertEquals(REPOSITORY.resolve(schema), named);
    }

    @Test
    void helpSaysHowToUseIt() {
        for (List<String> args : List.of(List.of("schema", "--help"), List.of("version", "--help"))) {
            Run run = Tlctl.in(tmp).env(Map.of()).run(args.toArray(String[]::new));
            assertEquals(0, run.code(), run::toString);
            assertTrue(run.out().contains("Examples:") && run.out().contains("Exit codes"), run::toString);
            assertTrue(run.out().lines().allMatch(line -> line.length() <= 80), run::toString);
        }
        assertTrue(Tlctl.in(tmp).env(Map.of()).run("schema", "--help").out()
                .contains("# yaml-language-server: $schema=tl-engine.schema.json"));
    }
}
