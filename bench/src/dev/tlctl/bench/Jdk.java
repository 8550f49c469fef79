package dev.tlctl.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A JDK the benchmark runs tlctl on, with its own copy of the launcher, the jar and the spec (a
 * "root"): the launcher keeps one start-up archive per root, for the JVM that made it, so two JDKs
 * sharing the repository's root would remake it on every switch.
 *
 * @param name what the report calls it ("JDK 17")
 * @param home the JDK's home ({@code JAVA_HOME})
 * @param root the copy tlctl runs from ({@code root/bin/tlctl})
 */
record Jdk(String name, Path home, Path root) {

    Path launcher() {
        return root.resolve("bin/tlctl");
    }

    Path java() {
        return home.resolve("bin/java");
    }

    /** What the launcher needs to run on this JDK: JAVA_HOME, and no build. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", home.toString());
        env.put("TLCTL_NO_BUILD", "1");
        return env;
    }

    /**
     * The JDKs to run: the homes given, else this JVM's and every JDK 25 or newer under
     * {@code /usr/lib/jvm} (the launcher makes an AOT cache there instead of an AppCDS archive).
     */
    static List<Path> homes(String given) throws IOException {
        List<Path> homes = new ArrayList<>();
        if (given != null) {
            for (String home : given.split(",")) {
                homes.add(Path.of(home.trim()).toRealPath());
            }
            return homes;
        }
        homes.add(Path.of(System.getProperty("java.home")).toRealPath());
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                for (Path dir : list.sorted().toList()) {
                    Path real = dir.toRealPath();
                    if (!homes.contains(real) && Files.isExecutable(real.resolve("bin/java"))
                            && feature(real) >= 25) {
                        homes.add(real);
                    }
                }
            }
        }
        return homes;
    }

    /** The JDK's feature version from its {@code release} file (0 when unknown). */
    static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring(line.indexOf('=') + 1).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** A fresh root for {@code home} under {@code dir}: the launcher, the jar, the repository's spec. */
    static Jdk prepare(Path repository, Path home, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("target"));
        Files.copy(repository.resolve("bin/tlctl"), dir.resolve("bin/tlctl"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(repository.resolve("target/tlctl.jar"), dir.resolve("target/tlctl.jar"));
        copySpec(repository, dir);
        return new Jdk("JDK " + feature(home), home, dir);
    }

    /** The repository's tl-engine.yaml and environments/ into {@code dir}. */
    static void copySpec(Path repository, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("environments"));
        Files.copy(repository.resolve("tl-engine.yaml"), dir.resolve("tl-engine.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Stream<Path> overlays = Files.list(repository.resolve("environments"))) {
            for (Path p : (Iterable<Path>) overlays::iterator) {
                Files.copy(p, dir.resolve("environments").resolve(p.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
