package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlctl sandbox serve} and {@code tlctl sandbox token}, run in-process. */
class SandboxCommandTest {
    @TempDir
    Path cwd;

    // Read while `sandbox serve` runs, so the streams are this test's own rather than Tlctl's.
    final java.io.ByteArrayOutputStream out = new Awaitable();

    /** Standard output that wakes whoever waits on it at each write, so that a test waits for a line, not for time. */
    private static final class Awaitable extends java.io.ByteArrayOutputStream {
        @Override
        public synchronized void write(int b) {
            super.write(b);
            notifyAll();
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            super.write(b, off, len);
            notifyAll();
        }
    }
    final java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();

    private int run(String... args) {
        CliContext context = new CliContext(Map.of(), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8), java.io.InputStream.nullInputStream(), false,
                cwd, java.time.Clock.systemUTC(), dev.tlctl.reconcile.Sleeper.SYSTEM, dev.tlctl.reconcile.RequestListener.NONE);
        return Main.run(context, args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void tokenWorkspaceMintsIntoTheDefaultStateFile() throws Exception {
        assertEquals(0, run("sandbox", "token", "--workspace"));
        String token = out().trim();
        assertTrue(token.matches("[0-9a-f-]{36}"), token);
        Path state = cwd.resolve(".tlctl/sandbox.json");
        assertTrue(Files.readString(state).contains(token));
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withStateFile(state))) {
            assertEquals(200, post(sandbox.graphqlUrl(), "Authorization", "Bearer " + token,
                    "{\"query\": \"{ apiToken { workspaces { name } } }\"}").statusCode());
            assertTrue(post(sandbox.graphqlUrl(), "Authorization", "Bearer " + token,
                    "{\"query\": \"{ apiToken { workspaces { name } } }\"}").body().contains("\"sandbox\""));
        }
    }

    @Test
    void tokenProjectMintsAProjectTokenOrSaysWhatIsMissing() throws Exception {
        Path state = cwd.resolve("custom.json");
        assertEquals(1, run("sandbox", "token", "--project", "demo", "--environment", "production",
                "--state", "custom.json"));
        assertTrue(err().contains("Could not mint the token"), err());
        assertTrue(err().contains("No project named demo"), err());

        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withStateFile(state))) {
            String created = post(sandbox.graphqlUrl(), "Authorization", "Bearer " + sandbox.accountToken(),
                    "{\"query\": \"mutation { projectCreate(input: {name: \\\"demo\\\"}) { id } }\"}").body();
            assertTrue(created.contains("\"id\""), created);
            assertEquals(0, run("sandbox", "token", "--project", "demo", "--environment", "production",
                    "--state", state.toString()));
            String token = out().trim();
            String answer = post(sandbox.graphqlUrl(), "Project-Access-Token", token,
                    "{\"query\": \"{ projectToken { environment { name } } }\"}").body();
            assertTrue(answer.contains("\"production\""), answer);
        }
    }

    @Test
    void tokenOptionsAreCheckedAsUsageErrors() {
        assertEquals(64, run("sandbox", "token"));
        assertTrue(err().contains("give either --workspace or --project"), err());
        assertEquals(64, run("sandbox", "token", "--workspace", "--project", "x", "--environment", "y"));
        assertEquals(64, run("sandbox", "token", "--project", "x"));
        assertTrue(err().contains("--project and --environment go together"), err());
        assertEquals(64, run("sandbox", "token", "--nope"));
        assertEquals(64, run("sandbox"));
        assertFalse(Files.exists(cwd.resolve(".tlctl")), "nothing was written");
    }

    @Test
    void serveOptionsAreCheckedAsUsageErrors() {
        assertEquals(64, run("sandbox", "serve", "--rate-limit", "lots"));
        assertTrue(err().contains("Invalid rate limit \"lots\""), err());
        assertEquals(64, run("sandbox", "serve", "--faults", "drop=2"));
        assertTrue(err().contains("Invalid fault \"drop=2\""), err());
        assertEquals(64, run("sandbox", "serve", "--port", "70000"));
        assertEquals(64, run("sandbox", "serve", "--seed", "abc"));
        assertEquals(64, run("sandbox", "serve", "--consistency-delay", "soon"));
        assertTrue(err().contains("--consistency-delay takes a time such as 1s, 500ms or 0, not soon"), err());
        assertEquals(64, run("sandbox", "serve", "--apply-delay", "5"));
        assertFalse(Files.exists(cwd.resolve(".tlctl")), "nothing was started");
    }

    @Test
    void helpShowsExamplesAndExitCodes() {
        assertEquals(0, run("sandbox", "serve", "--help"));
        assertTrue(out().contains("Examples:"), out());
        assertTrue(out().contains("Exit codes:"), out());
        assertTrue(out().contains("once:projectCreate=lost"), out());
        assertEquals(0, run("sandbox", "token", "--help"));
        assertTrue(out().contains("--project tl-engine --environment staging"), out());
        assertEquals(0, run("--help"));
        assertTrue(out().contains("sandbox"), out());
    }

    @Test
    void servePrintsItsUrlAndTokenServesAndStopsCleanlyWhenInterrupted() throws Exception {
        AtomicInteger code = new AtomicInteger(-1);
        Thread server = new Thread(() -> code.set(run("sandbox", "serve", "--token", "local-token",
                "--rate-limit", "100/50", "--no-quotas", "--apply-delay", "0s")));
        server.start();
        Matcher url = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/graphql/v2)").matcher("");
        long deadline = System.currentTimeMillis() + 20_000;
        // The URL, the token, the state file and the timing are four lines: wait for the last.
        synchronized (out) {
            while (!(url.reset(out()).find() && out().contains("timing: ")) && System.currentTimeMillis() < deadline) {
                out.wait(1000); // woken by each write
            }
        }
        assertTrue(url.reset(out()).find(), "no URL printed: " + out() + err());
        assertTrue(out().contains("account token: local-token"), out());
        assertTrue(out().contains("state: " + cwd.resolve(".tlctl/sandbox.json")), out());
        assertTrue(out().contains("timing: creation quotas off, consistency delay 1000 ms, apply delay 0 ms"
                + " (not Railway's)"), out());

        HttpResponse<String> response = post(URI.create(url.group(1)), "Authorization", "Bearer local-token",
                "{\"query\": \"{ me { email } }\"}");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("sandbox@tlctl.invalid"), response.body());
        assertEquals("100", response.headers().firstValue("X-RateLimit-Limit").orElse(null));

        server.interrupt();
        server.join(10_000);
        assertFalse(server.isAlive());
        assertEquals(0, code.get());
        assertTrue(err().contains("tlctl sandbox stopped"), err());
        assertTrue(Files.readString(cwd.resolve(".tlctl/sandbox.json")).contains("local-token"));
    }

    @Test
    void prOpenAndCloseMakeAndDeleteRailwaysPullRequestEnvironment() throws Exception {
        Path state = cwd.resolve("s.json");
        assertEquals(1, run("sandbox", "pr", "open", "--project", "demo", "--number", "7", "--state", "s.json"));
        assertTrue(err().contains("Could not open pull request #7"), err());
        assertTrue(err().contains("No project named demo in the sandbox state"), err());
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.defaults().withStateFile(state))) {
            post(sandbox.graphqlUrl(), "Authorization", "Bearer " + sandbox.accountToken(),
                    "{\"query\": \"mutation { projectCreate(input: {name: \\\"demo\\\"}) { id } }\"}");
        }
        assertEquals(0, run("sandbox", "pr", "open", "--project", "demo", "--number", "7", "--branch", "feat/x",
                "--state", "s.json"));
        assertTrue(out().contains("opened: environment demo-pr-7"), out());
        assertTrue(Files.readString(state).contains("\"demo-pr-7\""));
        assertEquals(1, run("sandbox", "pr", "open", "--project", "demo", "--number", "7", "--state", "s.json"));
        assertTrue(err().contains("Pull request #7 of demo is already open (environment demo-pr-7)"), err());
        assertEquals(0, run("sandbox", "pr", "close", "--project", "demo", "--number", "7", "--state", "s.json"));
        assertTrue(out().contains("closed: environment demo-pr-7 deleted"), out());
        assertEquals(1, run("sandbox", "pr", "close", "--project", "demo", "--number", "7", "--state", "s.json"));
        assertTrue(err().contains("Pull request #7 of demo is not open"), err());
        assertEquals(64, run("sandbox", "pr", "open", "--project", "demo"));
        assertEquals(0, run("sandbox", "pr", "--help"));
        assertTrue(out().contains("tlctl sandbox pr open --project tl-engine --number 7"), out());
    }

    private static HttpResponse<String> post(URI url, String header, String value, String body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
