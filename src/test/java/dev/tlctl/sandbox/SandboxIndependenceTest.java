package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox is a second, independent implementation of Railway's API: nothing under
 * src/main/java/dev/tlctl/sandbox may use another dev.tlctl package (by import or by name).
 */
class SandboxIndependenceTest {
    static final Path SOURCES = Path.of("src/main/java/dev/tlctl/sandbox");
    static final Pattern TLCTL_REFERENCE = Pattern.compile("\\bdev\\.tlctl\\.(?!sandbox\\b)[A-Za-z_]");

    @Test
    void sandboxSourcesUseNothingOfTlctlOutsideTheSandbox() throws IOException {
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(SOURCES)) {
            for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher matcher = TLCTL_REFERENCE.matcher(lines.get(i));
                    if (matcher.find()) {
                        offences.add(file + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertTrue(files > 10, "found only " + files + " sources under " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), offences);
    }

    @Test
    void theScanRecognisesAnImportOfAnotherPackage() {
        assertTrue(TLCTL_REFERENCE.matcher("import dev.tlctl.cli.Main;").find());
        assertTrue(TLCTL_REFERENCE.matcher("x = dev.tlctl.railway.Client.create();").find());
        assertTrue(!TLCTL_REFERENCE.matcher("import dev.tlctl.sandbox.Store;").find());
        assertTrue(TLCTL_REFERENCE.matcher("import dev.tlctl.sandboxes.Other;").find());
    }
}
