package dev.tlctl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: the exact output of a command, kept under {@code src/test/resources/golden/} and
 * compared byte for byte after normalising what changes from run to run (loopback ports, temporary
 * folders, tlctl's version, times and durations). {@code -Dgolden.update=true} rewrites them; review the diff before committing.
 */
public final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {}

    public static void assertMatches(String name, String actual, Path tempDir) {
        String normal = normalise(actual, tempDir);
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, normal, StandardCharsets.UTF_8);
                return;
            }
            if (!Files.isRegularFile(file)) {
                throw new AssertionError("no golden file " + file + "; run the test with -Dgolden.update=true to write it."
                        + " Output:\n" + normal);
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), normal, "the output of " + name + " changed;"
                    + " if that is intended, run with -Dgolden.update=true and review the diff");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String normalise(String text, Path tempDir) {
        String out = text;
        if (tempDir != null) {
            out = out.replace(tempDir.toAbsolutePath().toString(), "<dir>");
        }
        out = out.replace("\"" + dev.tlctl.reconcile.Version.current() + "\"", "\"<version>\"");
        // Times and durations: how often the clock is read is not part of the output's contract.
        out = out.replaceAll("(\"(?:createdAt|asOf)\" ?: ?)\"[^\"]*\"", "$1\"<time>\"");
        out = out.replaceAll("(\"durationMs\" ?: ?)\\d+", "$1<ms>");
        out = out.replaceAll("\\d+\\.\\d\\ds\\b", "<s>");
        return out.replaceAll("http://127\\.0\\.0\\.1:\\d+", "http://127.0.0.1:<port>");
    }
}
