package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release jar that {@code mvn package} makes, checked after it is made ({@code mvn verify}):
 * it runs with {@code java -jar} alone from any folder, its {@code .sha256} is its checksum, and
 * it carries only what tlctl runs: no Kotlin reflection, no test code, no build metadata.
 */
class ReleaseJarIT {
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static final Path JAR = TARGET.resolve("tlctl.jar");

    /** The top-level folders the jar may hold: tlctl and the libraries it runs with. */
    static final Set<String> ALLOWED = Set.of("dev/tlctl/", "picocli/", "okhttp3/", "okio/", "kotlin/",
            "com/fasterxml/jackson/", "org/yaml/snakeyaml/", "graphql/", "org/dataloader/", "org/reactivestreams/",
            "META-INF/", "i18n/", // i18n: graphql-java's messages, which the sandbox answers with
            "org/tomlj/", "org/antlr/"); // railway.toml for `tlctl import --railway-config`: tomlj, on ANTLR

    @TempDir
    Path tmp;

    private static List<String> entries;

    @BeforeAll
    static void read() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "run mvn package (or verify) first: " + JAR);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            entries = jar.stream().map(e -> e.getName()).sorted().toList();
            assertEquals("dev.tlctl.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    @Test
    void carriesOnlyWhatTlctlRuns() {
        Set<String> unexpected = new TreeSet<>();
        for (String entry : entries) {
            if (entry.endsWith("/")) {
                continue; // a folder
            }
            if (ALLOWED.stream().noneMatch(entry::startsWith) && entry.contains("/")) {
                int second = entry.indexOf('/', entry.indexOf('/') + 1);
                unexpected.add(second < 0 ? entry : entry.substring(0, second + 1));
            }
            boolean dead = entry.startsWith("kotlin/reflect/jvm/") // kotlin-reflect
                    || entry.endsWith(".kotlin_builtins") || entry.endsWith(".kotlin_module")
                    || entry.startsWith("META-INF/maven/") || entry.startsWith("META-INF/native-image/")
                    || entry.startsWith("dev/tlctl/testing/") || entry.matches("dev/tlctl/.*(Test|IT)(\\$.*)?\\.class")
                    || entry.startsWith("mockwebserver3/") || entry.startsWith("org/junit/");
            if (dead) {
                unexpected.add(entry);
            }
        }
        assertEquals(Set.of(), unexpected);
        assertTrue(entries.contains("dev/tlctl/cli/Main.class"));
        assertTrue(entries.contains("kotlin/Unit.class"), "okhttp's Kotlin standard library is there");
    }

    @Test
    void itsChecksumFileIsItsSha256() throws IOException, NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(JAR)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        // The format sha256sum -c reads: the digest, a space, '*' (binary), the file name.
        assertEquals(HexFormat.of().formatHex(sha.digest()) + " *tlctl.jar",
                Files.readString(TARGET.resolve("tlctl.jar.sha256")).strip());
    }

    @Test
    void runsWithJavaAloneFromAnyFolder() throws Exception {
        Proc version = java(tmp, "--version");
        assertEquals(0, version.code(), version::toString);
        assertTrue(version.out().matches("(?s)tlctl \\S+ \\(commit [^)]+\\)\\nJava .*"), version::toString);

        // The whole workflow from a folder holding only a copy of the spec: the sandbox, okhttp over
        // loopback, graphql-java and Jackson, all from the jar.
        Path work = copyOfTheSpec(tmp.resolve("work"));
        Proc apply = java(work, "apply", "--sandbox", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        Proc plan = java(work, "plan", "--sandbox", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        Proc schema = java(work, "schema");
        assertEquals(Files.readString(Path.of("schema/tl-engine.schema.json")), schema.out());
    }

    @Test
    void theActionsRunStepSetsItsOutputsAndTheSummary() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq"))
                || Files.isExecutable(Path.of("/usr/local/bin/jq")), "jq is not installed (GitHub's runners have it)");
        Path work = copyOfTheSpec(tmp.resolve("action"));
        Path outputs = Files.createFile(tmp.resolve("outputs"));
        Path summary = Files.createFile(tmp.resolve("summary"));
        ProcessBuilder builder = new ProcessBuilder("bash", Path.of("action/run.sh").toAbsolutePath().toString())
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("log").toFile());
        builder.environment().putAll(java.util.Map.of("JAR", JAR.toString(), "TLCTL_ARGS", "plan --sandbox --json",
                "OK_CODES", "0,2", "TITLE", "", "GITHUB_OUTPUT", outputs.toString(), "GITHUB_STEP_SUMMARY",
                summary.toString(), "RUNNER_TEMP", tmp.toString()));
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "run.sh ran past 120 s");
        String log = Files.readString(tmp.resolve("log"));
        assertEquals(0, process.exitValue(), log);
        String out = Files.readString(outputs);
        assertTrue(out.contains("exit-code=0\n"), out);
        assertTrue(out.matches("(?s).*json<<(tlctl_[0-9a-f]+)\\n\\{\"formatVersion\":1,\"kind\":\"plan\".*\\n\\1\\n.*"), out);
        String markdown = Files.readString(summary);
        assertTrue(markdown.startsWith("### tlctl plan --sandbox --json\n\nExit code **0**: success.\n"), markdown);
        assertTrue(markdown.contains("<details><summary>JSON result</summary>"), markdown);
    }

    /** A folder holding only a copy of the repository's spec, its overlays and the sandbox's fake values. */
    static Path copyOfTheSpec(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("environments"));
        Files.copy(Path.of("tl-engine.yaml"), dir.resolve("tl-engine.yaml"));
        for (String file : List.of("production.yaml", "staging.yaml", "sandbox.env")) {
            Files.copy(Path.of("environments", file), dir.resolve("environments").resolve(file));
        }
        return dir;
    }

    record Proc(int code, String out, String err) {}

    /** {@code java -jar target/tlctl.jar ARGS} in {@code dir}, without a token; bounded in time. */
    static Proc java(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve(".out").toFile()).redirectError(dir.resolve(".err").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("RAILWAY_") || k.startsWith("TLCTL_"));
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("java -jar " + String.join(" ", args) + " ran past 120 s");
        }
        return new Proc(process.exitValue(), Files.readString(dir.resolve(".out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve(".err"), StandardCharsets.UTF_8));
    }
}
