package dev.tlctl.reconcile;

import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Location;
import dev.tlctl.spec.SpecException;
import dev.tlctl.spec.SpecLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What {@code validate --strict} finds in spec files not written yet: they are written to a
 * private temporary folder (owner-only), read there as the spec reader reads a checkout (values
 * not resolved), and deleted; the diagnostics name the files by their paths relative to the
 * spec's folder, as they will be.
 */
final class SpecCheck {
    private SpecCheck() {}

    /**
     * The errors and warnings of {@code files} (paths relative to the spec's folder, such as
     * {@code environments/staging.yaml}), whose base file is {@code base}; a diagnostic names its
     * file as {@code label} followed by that path.
     */
    static List<Diagnostic> of(Map<String, String> files, String base, String label) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("tlctl-check");
            Map<Path, String> copies = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, String> file : files.entrySet()) {
                copies.put(temp.resolve(file.getKey()), file.getValue());
            }
            ImportFiles.writeAll(copies, copies.keySet());
            List<Diagnostic> found;
            try {
                found = new SpecSource(temp.resolve(base), List.of(), Map.of(), false, List.of()).load(Set.of())
                        .warnings();
            } catch (SpecException e) {
                found = e.diagnostics();
            }
            String prefix = temp + "/";
            return found.stream().map(d -> new Diagnostic(d.severity(), new Location(d.location().file().replace(prefix,
                    label), d.location().path(), d.location().line(), d.location().column()), d.summary(), d.detail(),
                    d.cause())).toList();
        } catch (IOException e) {
            throw new ReconcileException(Kind.REFUSED, "could not check the spec in a temporary folder", e.getMessage(), e);
        } finally {
            delete(temp);
        }
    }

    /** The same for a spec whose base file is {@link SpecLoader#DEFAULT_FILE}. */
    static List<Diagnostic> of(Map<String, String> files) {
        return of(files, SpecLoader.DEFAULT_FILE, "");
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a private temporary folder holding spec files, which hold no secret
        }
    }
}
