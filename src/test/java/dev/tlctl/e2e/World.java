package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RecordingRequestListener;
import dev.tlctl.railway.RequestListener;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.sandbox.SandboxStats;
import dev.tlctl.spec.DotEnv;
import dev.tlctl.testing.TickingClock;
import dev.tlctl.testing.Tlctl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One end-to-end scene: a sandbox on loopback (memory state unless told otherwise), a copy of
 * the repository's spec in a temporary folder, and tlctl run in-process against the sandbox over
 * HTTP, exactly as a user would with {@code TLCTL_API_URL} and {@code RAILWAY_API_TOKEN}. Keeps
 * every output, records every document sent, and knows every fake secret, so that the test can
 * check that none ever shows.
 */
final class World implements AutoCloseable {
    static final Path REPOSITORY = Path.of("").toAbsolutePath();
    static final String ENV_FILE = "environments/sandbox.env";
    static final String PROJECT = "tl-engine";

    final Sandbox sandbox;
    final Path dir;
    /** The time of the scene, shared by the sandbox and tlctl: tlctl's retries move it forward, nobody waits. */
    final TickingClock clock;
    final Gql gql;
    final RecordingRequestListener recorder = new RecordingRequestListener();
    private final List<Run> runs = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Set<String> secrets = new LinkedHashSet<>();
    private final List<Path> outputFiles = new ArrayList<>();
    private RequestListener hook = RequestListener.NONE;

    /** One command: exit code, stdout, stderr, and what it cost the sandbox. */
    record Run(List<String> args, int code, String out, String err, long requests, long mutations,
            List<Duration> sleeps) {
        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "tlctl " + String.join(" ", args) + "\nexit " + code + ", " + requests + " requests, " + mutations
                    + " mutations\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private World(Sandbox sandbox, Path dir, TickingClock clock) {
        this.sandbox = sandbox;
        this.dir = dir;
        this.clock = clock;
        this.gql = Gql.bearer(sandbox.graphqlUrl(), sandbox.accountToken(), clock::advance);
        readSecrets(dir.resolve(ENV_FILE));
        secrets.add(sandbox.accountToken()); // tlctl never shows a token either
        secrets.add("fake-prod-password");
        secrets.add("fake-staging-password");
    }

    /** A sandbox with memory state and a spec copied from the repository into {@code dir}. */
    static World start(Path dir) {
        return start(dir, c -> c);
    }

    static World start(Path dir, UnaryOperator<SandboxConfig> config) {
        copySpec(dir);
        try {
            // Rate limits are not the point here: a generous budget keeps the suite fast.
            TickingClock clock = new TickingClock(java.time.Instant.parse("2026-11-30T08:00:00Z"));
            return new World(Sandbox.start(config.apply(SandboxConfig.defaults().withRateLimit(100_000, 10_000)
                    .withClock(clock))), dir, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copySpec(Path dir) {
        copySpec(REPOSITORY, dir);
    }

    /** The spec files of {@code from} (the YAML file and {@code environments/}) into {@code to}. */
    private static void copySpec(Path from, Path to) {
        try {
            Files.createDirectories(to.resolve("environments"));
            Files.copy(from.resolve("tl-engine.yaml"), to.resolve("tl-engine.yaml"));
            try (Stream<Path> files = Files.list(from.resolve("environments"))) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve("environments").resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readSecrets(Path envFile) {
        DotEnv.read(envFile).values().forEach(secrets::add);
    }

    /** A value that must never appear in any output. */
    void secret(String value) {
        secrets.add(value);
    }

    Set<String> secrets() {
        return secrets;
    }

    /** A file tlctl wrote (a saved plan) that must never hold a secret. */
    Path output(String name) {
        Path file = dir.resolve(name);
        outputFiles.add(file);
        return file;
    }

    /** Hears every request tlctl sends, before it is sent (to act behind tlctl's back at a precise moment). */
    void hook(RequestListener listener) {
        this.hook = listener;
    }

    /** The environment of a user pointing tlctl at the sandbox with its account token. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TLCTL_API_URL", sandbox.graphqlUrl().toString());
        env.put("RAILWAY_API_TOKEN", sandbox.accountToken());
        return env;
    }

    /** tlctl with the account token and the fake values of {@code environments/sandbox.env}. */
    Run tlctl(String... args) {
        return run(env(), false, "", withEnvFile(args));
    }

    static String[] withEnvFile(String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--env-file";
        all[args.length + 1] = ENV_FILE;
        return all;
    }

    /** tlctl exactly as given, with this process environment, optionally at a terminal with this input. */
    Run run(Map<String, String> env, boolean terminal, String stdin, String... args) {
        return runIn(dir, env, terminal, stdin, args);
    }

    /**
     * A fresh copy of the spec folder as it is now (the YAML files and {@code environments/}, no
     * {@code .tlctl/}): another checkout, such as a CI runner's.
     */
    Path freshCopy(String folder) {
        Path copy = dir.resolve(folder);
        copySpec(dir, copy);
        return copy;
    }

    /** tlctl run from another folder (another checkout), with the account token and that folder's fake values. */
    Run tlctlIn(Path folder, String... args) {
        return runIn(folder, env(), false, "", withEnvFile(args));
    }

    /** tlctl run from {@code cwd}. */
    Run runIn(Path cwd, Map<String, String> env, boolean terminal, String stdin, String... args) {
        Tlctl tlctl = Tlctl.in(cwd).env(env).listener(listener()).clock(clock).onSleep(clock::advance);
        if (terminal) {
            tlctl.terminal(stdin);
        }
        SandboxStats before = sandbox.stats();
        Tlctl.Run done = tlctl.run(args);
        SandboxStats after = sandbox.stats();
        Run run = new Run(List.of(args), done.code(), done.out(), done.err(),
                after.requests() - before.requests(), after.mutations() - before.mutations(), tlctl.sleeps());
        runs.add(run);
        return run;
    }

    /** Records every document for the schema check, and passes every event to the test's hook. */
    RequestListener listener() {
        return new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                RecordedDocuments.record(request.document());
                recorder.onRequest(request, attempt);
                hook.onRequest(request, attempt);
            }

            @Override
            public void onResponse(GraphQLRequest request, int httpStatus, Duration elapsed) {
                recorder.onResponse(request, httpStatus, elapsed);
                hook.onResponse(request, httpStatus, elapsed);
            }

            @Override
            public void onRetry(GraphQLRequest request, int attempt, Duration wait, String reason) {
                recorder.onRetry(request, attempt, wait, reason);
                hook.onRetry(request, attempt, wait, reason);
            }

            @Override
            public void onWait(String subject, String reason, Duration wait) {
                recorder.onWait(subject, reason, wait);
                hook.onWait(subject, reason, wait);
            }
        };
    }

    List<Run> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    // ---- the spec ---------------------------------------------------------------------------

    void edit(String file, UnaryOperator<String> change) {
        Path path = dir.resolve(file);
        try {
            String before = Files.readString(path);
            String after = change.apply(before);
            assertTrue(!before.equals(after), "the edit of " + file + " changed nothing");
            Files.writeString(path, after);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String file, String text) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(String file) {
        try {
            return Files.readString(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets the project id cached in {@code .tlctl/state.json}, so that the next read finds it by name. */
    void forgetCachedId() {
        forgetCachedId("");
    }

    /** The same for the spec in folder {@code specDir} (relative to the scene's folder). */
    void forgetCachedId(String specDir) {
        try {
            Files.deleteIfExists(dir.resolve(specDir).resolve(".tlctl/state.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A while later, as a person working beside tlctl would act: past Railway's creation quotas
     * (30 s) and its delays (a new service's instances, a new project), on the scene's clock.
     */
    void later() {
        clock.advance(Duration.ofSeconds(31));
    }

    // ---- what the sandbox holds, read directly ------------------------------------------------

    SandboxStats stats() {
        return sandbox.stats();
    }

    /** The live projects of that name in the sandbox, with their environments and services. */
    List<JsonNode> projects(String name) {
        JsonNode data = gql.data("""
                query E2eProjects {
                  me {
                    workspaces {
                      projects(first: 100) {
                        edges { node { id name deletedAt
                          environments(first: 100) { edges { node { id name } } }
                          services(first: 100) { edges { node { id name } } } } }
                      }
                    }
                  }
                }""", Map.of());
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode w : data.path("me").path("workspaces")) {
            for (JsonNode edge : w.path("projects").path("edges")) {
                if (edge.path("node").path("name").asText().equals(name) && edge.path("node").path("deletedAt").isNull()) {
                    out.add(edge.path("node"));
                }
            }
        }
        return out;
    }

    JsonNode project() {
        List<JsonNode> found = projects(PROJECT);
        assertTrue(found.size() == 1, "expected exactly one project " + PROJECT + ", found " + found.size());
        return found.get(0);
    }

    String projectId() {
        return project().path("id").asText();
    }

    static List<String> names(JsonNode connection) {
        List<String> out = new ArrayList<>();
        connection.path("edges").forEach(e -> out.add(e.path("node").path("name").asText()));
        return out;
    }

    static String idOf(JsonNode connection, String name) {
        for (JsonNode e : connection.path("edges")) {
            if (e.path("node").path("name").asText().equals(name)) {
                return e.path("node").path("id").asText();
            }
        }
        throw new AssertionError("no " + name + " in " + connection);
    }

    String environmentId(String name) {
        return idOf(project().path("environments"), name);
    }

    String serviceId(String name) {
        return idOf(project().path("services"), name);
    }

    /** {@code environment(id){config(decryptVariables: true) configEtag}}: what Railway holds, values included. */
    JsonNode environment(String name) {
        return gql.data("""
                query E2eEnvironment($id: String!) {
                  environment(id: $id) { id name configEtag config(decryptVariables: true) }
                }""", Map.of("id", environmentId(name))).path("environment");
    }

    JsonNode config(String environment) {
        return environment(environment).path("config");
    }

    /** A variable set behind tlctl's back with {@code variableUpsert}; {@code service} null for a shared one. */
    void upsertVariable(String environment, String service, String name, String value) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("projectId", projectId());
        input.put("environmentId", environmentId(environment));
        if (service != null) {
            input.put("serviceId", serviceId(service));
        }
        input.put("name", name);
        input.put("value", value);
        gql.data("""
                mutation E2eVariableUpsert($input: VariableUpsertInput!) { variableUpsert(input: $input) }""",
                Map.of("input", input));
    }

    /** A service variable deleted behind tlctl's back with {@code variableDelete}. */
    void deleteVariable(String environment, String service, String name) {
        gql.data("mutation E2eVariableDelete($input: VariableDeleteInput!) { variableDelete(input: $input) }",
                Map.of("input", Map.of("projectId", projectId(), "environmentId", environmentId(environment),
                        "serviceId", serviceId(service), "name", name)));
    }

    /** A patch committed behind tlctl's back. */
    void patch(String environment, Map<String, Object> patch) {
        gql.data("""
                mutation E2ePatch($environmentId: String!, $patch: EnvironmentConfig) {
                  environmentPatchCommit(environmentId: $environmentId, patch: $patch)
                }""", Map.of("environmentId", environmentId(environment), "patch", patch));
    }

    // ---- checks -----------------------------------------------------------------------------

    /**
     * No fake secret in any output: stdout and stderr of every command, every saved plan, and
     * {@code .tlctl/state.json}.
     */
    void assertNoSecretShown() {
        List<String> problems = new ArrayList<>();
        for (Run run : runs()) {
            for (String secret : secrets) {
                if (run.all().contains(secret)) {
                    problems.add("tlctl " + String.join(" ", run.args()) + " printed a secret");
                }
            }
        }
        List<Path> files = new ArrayList<>(outputFiles);
        files.add(dir.resolve(".tlctl/state.json"));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String secret : secrets) {
                if (text.contains(secret)) {
                    problems.add(dir.relativize(file) + " holds a secret");
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", new LinkedHashSet<>(problems)));
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
