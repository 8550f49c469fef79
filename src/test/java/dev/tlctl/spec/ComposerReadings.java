package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** For the tests of a reader that stands in for the composer: its tree is the composer's, or none. */
final class ComposerReadings {
    private ComposerReadings() {}

    /** Compares {@code reader}'s tree with the composer's; returns whether the reader read the text. */
    static boolean same(BiFunction<String, String, YNode> reader, String text) {
        Problems problems = new Problems();
        YNode composed = YamlLoader.composed(text, "f.yaml", problems);
        YNode read = reader.apply(text, "f.yaml");
        if (read != null) {
            assertEquals(composed, read, text.length() > 400 ? text.substring(0, 400) : text);
            assertFalse(problems.hasErrors(), () -> "read, yet the composer found: " + problems.all());
        }
        return read != null;
    }

    /**
     * Runs {@code same} over the repository's spec files (each must read) and every file of
     * {@link MalformedSpecs}, written under {@code tmp}; asserts that more than {@code 1/share} of
     * the latter read.
     */
    static void corpus(Path tmp, Predicate<String> same, int share) throws IOException {
        for (Path file : List.of(Path.of("tl-engine.yaml"), Path.of("environments/production.yaml"),
                Path.of("environments/staging.yaml"))) {
            String text = Files.readString(file);
            assertTrue(same.test(text), text);
        }
        int files = 0;
        int read = 0;
        for (MalformedSpecs.Case c : MalformedSpecs.all()) {
            Path dir = Files.createDirectories(tmp.resolve("case-" + files));
            c.fixture().writeTo(dir);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .toList()) {
                    files++;
                    if (same.test(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))) {
                        read++;
                    }
                }
            }
        }
        assertTrue(files > 50, "files read: " + files);
        assertTrue(read > files / share, read + " of " + files + " read");
    }
}
