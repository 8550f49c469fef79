package dev.tlctl.reconcile;

import dev.tlctl.audit.Guards;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.DotEnv;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecInputs;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the spec comes from and what its references read. {@code ${env:...}} reads, lowest first:
 * the process environment, then the env files in order. In sandbox mode it never reads the process
 * environment: the env files, then the committed fake values of {@code environments/sandbox.env}
 * beside the spec; a reference with no value there gets an invented one (with a warning), and
 * {@code ${file:...}} is not read, so that no real secret reaches the sandbox's state on disk. The
 * sandbox file is never read otherwise. {@code ${file:...}} reads files inside the spec's folder,
 * and those of {@code allowedFiles}. The spec's warnings include the billing guards its declared
 * settings break.
 *
 * @param file the spec file
 * @param envFiles dotenv files, later ones winning
 * @param environment the process environment
 * @param sandboxValues sandbox mode
 * @param allowedFiles files outside the spec's folder that {@code ${file:...}} may read
 */
public record SpecSource(Path file, List<Path> envFiles, Map<String, String> environment, boolean sandboxValues,
        List<Path> allowedFiles) {
    /** The committed file of fake values that sandbox mode reads, relative to the spec's folder. */
    public static final String SANDBOX_ENV_FILE = SpecLoader.OVERLAY_DIR + "/sandbox.env";

    public SpecSource {
        envFiles = List.copyOf(envFiles);
        environment = Map.copyOf(environment);
        allowedFiles = List.copyOf(allowedFiles);
    }

    /** Loads the spec, resolving every environment's references; throws {@code SpecException} when invalid. */
    public Spec load() {
        return load(null);
    }

    /**
     * Loads the spec, resolving only the references of the environments in {@code scope} (null:
     * all; empty: none, for reading the spec's structure before the scope is known).
     */
    public Spec load(Set<String> scope) {
        Map<String, String> values = sandboxValues ? new HashMap<>() : new HashMap<>(environment);
        for (Path envFile : envFiles) {
            values.putAll(DotEnv.read(envFile));
        }
        if (sandboxValues) {
            Path fake = sandboxEnvFile(file);
            if (Files.isRegularFile(fake)) {
                values.putAll(DotEnv.read(fake));
            }
        }
        Spec spec = SpecLoader.load(file, new SpecInputs(values, scope, Set.copyOf(allowedFiles), sandboxValues));
        return spec.withWarnings(guardWarnings(spec));
    }

    /**
     * The billing guards the declared settings break, as warnings where the setting is written
     * (or the guard, when the setting is not): what {@code validate} and {@code plan} show, and
     * {@code --strict} refuses.
     */
    static List<Diagnostic> guardWarnings(Spec spec) {
        return Guards.declared(spec).stream().filter(c -> !c.passed())
                .map(c -> Diagnostic.warning(c.location() != null ? c.location() : spec.project().location(),
                        "billing guard: " + c.what(), c.todoSentence()))
                .toList();
    }

    /** {@code environments/sandbox.env} beside the spec. */
    public static Path sandboxEnvFile(Path specFile) {
        Path parent = specFile.getParent();
        return parent == null ? Path.of(SANDBOX_ENV_FILE) : parent.resolve(SANDBOX_ENV_FILE);
    }

    /** The folder of the spec, where {@code .tlctl/} lives. */
    public Path folder() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }
}
