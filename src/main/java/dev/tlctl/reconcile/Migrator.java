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
        checkApart(specFile, texts, result.files());
        result.files().forEach((label, text) -> ImportFiles.write(Path.of(label), text, false));
        List<Diagnostic> problems;
        try {
            problems = source(specFile).load(Set.of()).warnings();
        } catch (SpecException e) {
            problems = e.diagnostics();
        }
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
     * Reads the edited files in a temporary copy of the spec's files first: when the spec reader
     * refuses the result, nothing is written (the message names the temporary copy's files by
     * their real names).
     */
    private static void checkApart(Path specFile, Map<String, String> texts, Map<String, String> edited) {
        if (edited.isEmpty()) {
            return;
        }
        Path temp = null;
        try {
            temp = Files.createTempDirectory("tlctl-migrate");
            Path base = temp.resolve(specFile.getFileName().toString());
            Path dir = specFile.toAbsolutePath().getParent();
            for (Map.Entry<String, String> file : texts.entrySet()) {
                String text = edited.getOrDefault(file.getKey(), file.getValue());
                Path relative = dir.relativize(Path.of(file.getKey()).toAbsolutePath());
                ImportFiles.write(temp.resolve(relative), text, true);
            }
            for (Map.Entry<String, String> file : edited.entrySet()) {
                Path relative = dir.relativize(Path.of(file.getKey()).toAbsolutePath());
                ImportFiles.write(temp.resolve(relative), file.getValue(), true);
            }
            try {
                source(base).load(Set.of());
            } catch (SpecException e) {
                String prefix = temp + "/";
                throw new ReconcileException(Kind.REFUSED, "the migrated spec would be invalid", String.join("\n",
                        e.diagnostics().stream().map(d -> d.format().replace(prefix, "")).toList())
                        + "\nNothing was written.");
            }
        } catch (IOException e) {
            throw new ReconcileException(Kind.REFUSED, "could not check the migrated spec", e.getMessage(), e);
        } finally {
            if (temp != null) {
                try (var walk = Files.walk(temp)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // nothing secret in it
                }
            }
        }
    }
}
