package dev.tlctl.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of this repository's spec (tl-engine.yaml and environments/) in a folder marked as a git checkout. */
public final class Checkout {
    private Checkout() {}

    /** {@code dir} (created), with {@code .git}, {@code tl-engine.yaml} and {@code environments/} as in the repository. */
    public static Path of(Path dir) {
        try {
            Files.createDirectories(dir.resolve(".git"));
            Path repository = Path.of("").toAbsolutePath();
            Files.copy(repository.resolve("tl-engine.yaml"), dir.resolve("tl-engine.yaml"));
            Files.createDirectories(dir.resolve("environments"));
            try (Stream<Path> files = Files.list(repository.resolve("environments"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, dir.resolve("environments").resolve(f.getFileName()));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
