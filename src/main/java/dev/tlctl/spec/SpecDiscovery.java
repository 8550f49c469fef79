package dev.tlctl.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the spec as git finds its repository: {@code tl-engine.yaml} in the current folder or the
 * nearest folder above it that has one, stopping after a repository's root (a folder with
 * {@code .git}), so that a run in a checkout never reads a spec from outside it.
 */
public final class SpecDiscovery {
    private SpecDiscovery() {}

    /** The folder holding the spec, from {@code start} (absolute) upwards; empty when none has one. */
    public static Optional<Path> find(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(SpecLoader.DEFAULT_FILE))) {
                return Optional.of(dir);
            }
            if (Files.exists(dir.resolve(".git"))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
