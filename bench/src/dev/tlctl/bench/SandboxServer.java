package dev.tlctl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code tlctl sandbox serve} as a separate process on loopback: its URL and account token, read
 * from what it prints, and a stop. In memory it runs with {@link MemorySandbox#JVM_OPTIONS};
 * {@code serve} with the JVM's defaults.
 */
final class SandboxServer implements AutoCloseable {
    private final Process process;
    final URI graphql;
    final String token;

    private SandboxServer(Process process, URI graphql, String token) {
        this.process = process;
        this.graphql = graphql;
        this.token = token;
    }

    /**
     * Starts one; {@code faults} null for none. {@code state} null: {@link MemorySandbox} (no state
     * file, {@code classpath} must hold the bench's classes), else {@code tlctl sandbox serve --state}.
     */
    static SandboxServer start(String java, Path jar, String classpath, Path state, String faults, Path log)
            throws IOException, InterruptedException {
        List<String> command;
        if (state == null) {
            command = new ArrayList<>(List.of(java));
            command.addAll(MemorySandbox.JVM_OPTIONS);
            command.addAll(List.of("-cp", classpath, MemorySandbox.class.getName(), faults == null ? "" : faults));
        } else {
            command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "sandbox", "serve",
                    "--port", "0", "--state", state.toString(), "--seed", "1",
                    "--rate-limit", "1000000000/1000000000",
                    // Railway's quotas and delays would measure waiting, not the clients: off, and said so.
                    "--no-quotas", "--consistency-delay", "0s", "--apply-delay", "0s"));
            if (faults != null) {
                command.add("--faults");
                command.add(faults);
            }
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(log.toFile());
        builder.environment().put("NO_COLOR", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI url = null;
        String token = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (token == null && (line = out.readLine()) != null) {
            if (line.startsWith("tlctl sandbox serving ")) {
                url = URI.create(line.substring("tlctl sandbox serving ".length()).trim());
            } else if (line.startsWith("account token: ")) {
                token = line.substring("account token: ".length()).trim();
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        if (url == null || token == null) {
            process.destroyForcibly();
            throw new IOException("the sandbox did not start; see " + log);
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep the pipe open and empty
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "sandbox-stdout");
        drain.setDaemon(true);
        drain.start();
        return new SandboxServer(process, url, token);
    }

    /** The sandbox process's CPU time so far (user + system, all threads), in ms; -1 where the OS does not say. */
    double cpuMs() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(-1.0);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
