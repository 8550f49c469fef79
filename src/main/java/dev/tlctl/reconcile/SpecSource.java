package dev.tlctl.reconcile;

import dev.tlctl.spec.DotEnv;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the spec comes from and what its {@code ${env:...}} references read. Precedence, lowest
 * first: the process environment, the env files in order, and in sandbox mode the committed fake
 * values of {@code environments/sandbox.env} beside the spec (so that the sandbox never receives a
 * real secret exported in the shell). The sandbox file is never read otherwise.
 *
 * @param file the spec file
 * @param envFiles dotenv files, later ones winning
 * @param environment the process environment
 * @param sandboxValues whether to read {@code environments/sandbox.env}
 */
public record SpecSource(Path file, List<Path> envFiles, Map<String, String> environment, boolean sandboxValues) {
    /** The committed file of fake values that sandbox mode reads, relative to the spec's folder. */
    public static final String SANDBOX_ENV_FILE = SpecLoader.OVERLAY_DIR + "/sandbox.env";

    public SpecSource {
        envFiles = List.copyOf(envFiles);
        environment = Map.copyOf(environment);
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
        Map<String, String> values = new HashMap<>(environment);
        for (Path envFile : envFiles) {
            values.putAll(DotEnv.read(envFile));
        }
        if (sandboxValues) {
            Path fake = sandboxEnvFile(file);
            if (Files.isRegularFile(fake)) {
                values.putAll(DotEnv.read(fake));
            }
        }
        return SpecLoader.load(file, values, scope);
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
