package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A spec written inline: the base file, overlays under {@code environments/}, any other file,
 * and the values {@code ${env:...}} reads. {@link #load(Path)} writes it into a fresh folder
 * under a JUnit {@code @TempDir} and loads it; diagnostics come back with file names relative to
 * that folder, so tests read {@code "tl-engine.yaml"} and {@code "environments/staging.yaml"}.
 */
public final class SpecFixture {
    /** Every fake secret of the fixtures contains this; no output may ever contain it. */
    public static final String MARKER = "fake-s3cr3t-MARKER";
    /** The part of {@link #MARKER} that output is searched for (it also catches variants). */
    public static final String LEAK = "s3cr3t";

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> env = new LinkedHashMap<>();

    private SpecFixture() {
        // Every fixture can reference this one; it must never be printed.
        env.put("FIXTURE_TOKEN", MARKER + "-env");
    }

    /** A spec whose {@code tl-engine.yaml} holds {@code yaml}. */
    public static SpecFixture base(String yaml) {
        return new SpecFixture().file(SpecLoader.DEFAULT_FILE, yaml);
    }

    /** A folder without a spec file. */
    public static SpecFixture noSpec() {
        return new SpecFixture();
    }

    /** Adds {@code environments/<environment>.yaml}. */
    public SpecFixture overlay(String environment, String yaml) {
        return file(SpecLoader.OVERLAY_DIR + "/" + environment + ".yaml", yaml);
    }

    public SpecFixture file(String path, String text) {
        return bytes(path, text.getBytes(StandardCharsets.UTF_8));
    }

    public SpecFixture bytes(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    public SpecFixture env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** Writes every file into a new folder under {@code root}; returns the folder. */
    public Path writeTo(Path root) {
        try {
            Path dir = Files.createTempDirectory(root, "spec");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path path = dir.resolve(f.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, f.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the fixture under {@code root} and loads its spec. */
    public Loaded load(Path root) {
        Path dir = writeTo(root);
        try {
            Spec spec = SpecLoader.load(dir.resolve(SpecLoader.DEFAULT_FILE), env());
            return new Loaded(spec, spec.warnings().stream().map(d -> relative(dir, d)).toList(), dir);
        } catch (SpecException e) {
            return new Loaded(null, e.diagnostics().stream().map(d -> relative(dir, d)).toList(), dir);
        }
    }

    private static Diagnostic relative(Path dir, Diagnostic d) {
        String prefix = dir + "/";
        Location l = d.location();
        Location rel = new Location(l.file().replace(prefix, ""), l.path(), l.line(), l.column());
        return new Diagnostic(d.severity(), rel, d.summary(), d.detail() == null ? null : d.detail().replace(prefix, ""));
    }

    /** A loaded fixture: the spec and its warnings, or the diagnostics of the {@link SpecException}. */
    public record Loaded(Spec spec, List<Diagnostic> diagnostics, Path dir) {
        public Spec valid() {
            if (spec == null) {
                fail("expected a valid spec, got:\n" + diagnostics.stream().map(Diagnostic::format)
                        .collect(Collectors.joining("\n")));
            }
            return spec;
        }

        public List<Diagnostic> errors() {
            return diagnostics.stream().filter(Diagnostic::isError).toList();
        }

        public List<Diagnostic> warnings() {
            return diagnostics.stream().filter(d -> !d.isError()).toList();
        }

        /** Every summary and detail, for searching. */
        public String allText() {
            return diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        }
    }

    /** How tests name a diagnostic: {@code file:line:column | path | summary}. */
    public static String describe(Diagnostic d) {
        Location l = d.location();
        return l.file() + ":" + l.line() + ":" + l.column() + " | " + l.path() + " | " + d.summary();
    }

    /** {@code file:line:column | path | summary}, as {@link #describe} writes it. */
    public static String err(String file, int line, int column, String path, String summary) {
        return file + ":" + line + ":" + column + " | " + path + " | " + summary;
    }

    /** The spec is invalid with exactly these errors, in this order (file, line, column). */
    public static void assertErrors(Loaded loaded, String... expected) {
        assertNull(loaded.spec(), "expected the spec to be invalid");
        assertEquals(List.of(expected), loaded.errors().stream().map(SpecFixture::describe).toList());
    }

    /** The spec is invalid with exactly one error, at this line (any column). */
    public static Diagnostic assertError(Loaded loaded, String file, int line, String path, String summary) {
        assertNull(loaded.spec(), "expected the spec to be invalid");
        assertEquals(1, loaded.errors().size(), () -> "expected one error, got:\n" + loaded.allText());
        Diagnostic d = loaded.errors().get(0);
        assertEquals(file + ":" + line + " | " + path + " | " + summary,
                d.location().file() + ":" + d.location().line() + " | " + d.location().path() + " | " + d.summary());
        return d;
    }

    /** The spec is invalid with exactly one error, at this line and column. */
    public static Diagnostic assertError(Loaded loaded, String file, int line, int column, String path, String summary) {
        assertErrors(loaded, err(file, line, column, path, summary));
        return loaded.errors().get(0);
    }

    /** The detail of {@code d} contains {@code text}. */
    public static void assertDetail(Diagnostic d, String text) {
        assertNotNull(d.detail(), "no detail");
        assertTrue(d.detail().contains(text), () -> "detail\n  " + d.detail() + "\ndoes not contain\n  " + text);
    }
}
