package dev.tlctl.cli;

import dev.tlctl.spec.DotEnv;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds and loads the spec for a command: the file from {@code -f} (relative to the working
 * directory) or {@code tl-engine.yaml}, and the values {@code ${env:...}} reads. Precedence,
 * lowest first: the process environment, {@code --env-file} files in order, and in sandbox mode
 * the committed fake values of {@code environments/sandbox.env} (so that the sandbox never
 * receives a real secret exported in the shell). The sandbox file is never read otherwise.
 */
final class SpecInput {
    /** The committed file of fake values that sandbox mode reads, beside the spec. */
    static final String SANDBOX_ENV_FILE = SpecLoader.OVERLAY_DIR + "/sandbox.env";

    private SpecInput() {}

    static Path specFile(TlctlCommand root) {
        Path file = root.file != null ? root.file : Path.of(SpecLoader.DEFAULT_FILE);
        return file.isAbsolute() ? file : relativeToCwd(root.context().cwd(), file);
    }

    static Spec load(TlctlCommand root, boolean sandbox) {
        Path file = specFile(root);
        Map<String, String> env = new HashMap<>(root.context().env());
        for (Path envFile : root.envFiles) {
            env.putAll(DotEnv.read(envFile.isAbsolute() ? envFile : relativeToCwd(root.context().cwd(), envFile)));
        }
        if (sandbox) {
            Path fake = sandboxEnvFile(file);
            if (Files.isRegularFile(fake)) {
                env.putAll(DotEnv.read(fake));
            }
        }
        return SpecLoader.load(file, env);
    }

    /** {@code environments/sandbox.env} beside the spec. */
    static Path sandboxEnvFile(Path specFile) {
        Path parent = specFile.getParent();
        return parent == null ? Path.of(SANDBOX_ENV_FILE) : parent.resolve(SANDBOX_ENV_FILE);
    }

    /**
     * Resolves {@code file} against the context's working directory while keeping the path short
     * for messages when the working directory is the process's own.
     */
    private static Path relativeToCwd(Path cwd, Path file) {
        Path processCwd = Path.of("").toAbsolutePath();
        return cwd.equals(processCwd) ? file : cwd.resolve(file);
    }
}
