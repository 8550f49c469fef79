package dev.tlctl.reconcile;

import dev.tlctl.adopt.ConfigSyntaxException;
import dev.tlctl.adopt.ConfigTree;
import dev.tlctl.adopt.Migration;
import dev.tlctl.adopt.RailwayConfig;
import dev.tlctl.adopt.RailwayConfigReader;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecEditor;
import dev.tlctl.spec.SpecException;
import dev.tlctl.spec.SpecLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code tlctl import --railway-config}: merges a {@code railway.json} or {@code railway.toml}
 * into the spec ({@link Migration} plans the text edits). Needs no token. The spec must be valid
 * first; the edited files are checked before they are written (a result the spec reader refuses
 * writes nothing), then checked as {@code validate --strict} does.
 */
public final class Migrator {
    private Migrator() {}

    public static MigrateResult run(MigrateRequest request) {
        return Failures.translated(() -> carryOut(request));
    }

    private static MigrateResult carryOut(MigrateRequest request) {
        RailwayConfig config = readConfig(request.configFile());
        Path specFile = request.specFile();
        Spec spec = source(specFile).load(Set.of()); // an invalid spec: SpecException, nothing written
        String baseLabel = specFile.toString();
        String prefix = specFile.getParent() == null ? "" : specFile.getParent() + "/";
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(baseLabel, read(specFile));
        for (EnvironmentSpec environment : spec.environments()) {
            String label = overlayLabel(prefix, environment.name());
            if (Files.isRegularFile(Path.of(label))) {
                texts.put(label, read(Path.of(label)));
            }
        }
        Migration.Result result;
        try {
            result = Migration.plan(config, request.service(), spec, texts, baseLabel,
                    name -> overlayLabel(prefix, name), request.force());
        } catch (SpecEditor.EditException e) {
            throw new ReconcileException(Kind.REFUSED, "cannot edit the spec as text", e.getMessage()
                    + ". Nothing was written.");
        }
        List<Diagnostic> problems = check(specFile, texts, result.files());
        Map<Path, String> writes = new LinkedHashMap<>();
        result.files().forEach((label, text) -> writes.put(Path.of(label), text));
        ImportFiles.writeAll(writes, Set.of());
        return new MigrateResult(request.configFile().toString(), request.service(), List.copyOf(result.files().keySet()),
                result.changes(), result.conflicts(), request.force(), result.notTaken(), result.notes(), problems);
    }

    private static SpecSource source(Path specFile) {
        return new SpecSource(specFile, List.of(), Map.of(), false, List.of());
    }

    /** An existing overlay's label ({@code .yaml}, else {@code .yml}), or the {@code .yaml} one to create. */
    private static String overlayLabel(String prefix, String environment) {
        String yml = prefix + SpecLoader.OVERLAY_DIR + "/" + environment + ".yml";
        return Files.isRegularFile(Path.of(yml)) ? yml : prefix + SpecLoader.OVERLAY_DIR + "/" + environment + ".yaml";
    }

    private static RailwayConfig readConfig(Path file) {
        String label = file.toString();
        try {
            if (Files.size(file) > ConfigTree.MAX_CHARS) {
                throw invalid(dev.tlctl.spec.Location.ofFile(label), "the file is larger than "
                        + ConfigTree.MAX_CHARS / 1024 + " KB");
            }
            return RailwayConfigReader.read(label, Files.readString(file, StandardCharsets.UTF_8));
        } catch (ConfigSyntaxException e) {
            throw invalid(e.location(), e.getMessage());
        } catch (IOException e) {
            throw new SpecException(List.of(Diagnostic.error(Diagnostic.Cause.NO_INPUT,
                    dev.tlctl.spec.Location.ofFile(label), "cannot read the Railway config file",
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()))));
        }
    }

    private static SpecException invalid(dev.tlctl.spec.Location location, String message) {
        return new SpecException(List.of(Diagnostic.error(Diagnostic.Cause.SYNTAX, location, message,
                "Fix the Railway config file; nothing was written.")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReconcileException(Kind.REFUSED, "could not read " + file, e.getMessage(), e);
        }
    }

    /**
     * What {@code validate --strict} finds in the spec as the migration leaves it, read in a
     * temporary copy first: when the spec reader refuses the result, nothing is written.
     */
    private static List<Diagnostic> check(Path specFile, Map<String, String> texts, Map<String, String> edited) {
        Path dir = specFile.toAbsolutePath().getParent();
        Map<String, String> files = new LinkedHashMap<>();
        texts.forEach((label, text) -> files.put(dir.relativize(Path.of(label).toAbsolutePath()).toString(),
                edited.getOrDefault(label, text)));
        edited.forEach((label, text) -> files.put(dir.relativize(Path.of(label).toAbsolutePath()).toString(), text));
        String prefix = specFile.getParent() == null ? "" : specFile.getParent() + "/";
        List<Diagnostic> found = SpecCheck.of(files, specFile.getFileName().toString(), prefix);
        if (found.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR)) {
            throw new ReconcileException(Kind.REFUSED, "the migrated spec would be invalid; nothing was written", null,
                    found, null);
        }
        return found;
    }
}
