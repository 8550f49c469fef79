package dev.tlctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.Checkout;
import dev.tlctl.testing.TickingClock;
import dev.tlctl.testing.Tlctl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's tour (the block between {@code <!-- tour -->} and {@code <!-- /tour -->}) run as
 * written, in a copy of the repository's spec: every {@code tlctl} line in-process with the exit
 * code its comment states; {@code cd} and {@code export} as a shell does them; the served sandbox
 * ({@code tlctl sandbox serve ... &}) on a free port in the background. One clock for everything:
 * a wait of tlctl moves the served sandbox's time on, and nothing sleeps.
 */
class ReadmeTourTest {
    private static final Pattern EXIT = Pattern.compile("#\\s*exit (\\d+)");

    @TempDir
    Path tmp;

    private final TickingClock clock = new TickingClock(Instant.parse("2026-12-01T09:00:00Z"));

    static List<String> tour() throws IOException {
        String readme = Files.readString(ExamplesParseTest.REPOSITORY.resolve("README.md"));
        int start = readme.indexOf("<!-- tour -->");
        int end = readme.indexOf("<!-- /tour -->");
        assertTrue(start > 0 && end > start, "the README has a tour block");
        return readme.substring(start, end).lines().filter(l -> !l.startsWith("```") && !l.startsWith("<!--")).toList();
    }

    private Path checkout() {
        return Checkout.of(tmp.resolve("checkout"));
    }

    @Test
    void theTourRunsAsWritten() throws Exception {
        List<String> lines = tour();
        assertTrue(lines.stream().filter(l -> l.startsWith("tlctl ")).count() >= 10, "a tour: " + lines);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path root = checkout();
        Path cwd = root;
        Map<String, String> env = new LinkedHashMap<>();
        Thread server = null;
        AtomicInteger serverCode = new AtomicInteger(-1);
        int ran = 0;
        for (String written : lines) {
            String line = written.strip().replace("4000", String.valueOf(port));
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("cd ")) {
                String[] parts = line.split(" && ", 2);
                cwd = cwd.resolve(parts[0].substring(3).strip()).normalize();
                if (parts.length == 1) {
                    continue;
                }
                line = parts[1];
            }
            if (line.startsWith("export ")) {
                for (String pair : line.substring(7).strip().split("\\s+")) {
                    String[] kv = pair.split("=", 2);
                    env.put(kv[0], kv[1]);
                }
                continue;
            }
            assertTrue(line.startsWith("tlctl "), "a tour line this test cannot run: " + written);
            List<String> words = ExamplesParseTest.words(line);
            String[] args = words.subList(1, words.size()).toArray(String[]::new);
            if (line.replaceFirst("#.*", "").strip().endsWith("&")) {
                assertTrue(server == null, "one server");
                server = serve(cwd, args, serverCode);
                continue;
            }
            Matcher exit = EXIT.matcher(line);
            assertTrue(exit.find(), "each tour command says its exit code: " + written);
            Tlctl.Run run = Tlctl.in(cwd).env(env).clock(clock).onSleep(clock::advance).run(args);
            assertEquals(Integer.parseInt(exit.group(1)), run.code(), written + "\n" + run);
            ran++;
        }
        assertTrue(server != null, "the tour serves a sandbox");
        server.interrupt();
        server.join(TimeUnit.SECONDS.toMillis(30));
        assertEquals(0, serverCode.get(), "sandbox serve stops with 0 when interrupted");
        assertTrue(ran >= 12, "ran " + ran);
    }

    /** {@code tlctl sandbox serve} in the background; returns once it serves. */
    private Thread serve(Path cwd, String[] args, AtomicInteger code) throws InterruptedException {
        CountDownLatch serving = new CountDownLatch(1);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                printed.write(b);
                if (printed.toString(StandardCharsets.UTF_8).contains("account token:")) {
                    serving.countDown();
                }
            }
        };
        CliContext context = new CliContext(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), false, cwd, clock, clock::advance,
                dev.tlctl.reconcile.RequestListener.NONE);
        Thread thread = new Thread(() -> code.set(Main.run(context, args)), "readme-tour-sandbox");
        thread.start();
        List<String> why = new ArrayList<>();
        if (!serving.await(60, TimeUnit.SECONDS)) {
            why.add(printed.toString(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(), why, "sandbox serve did not start");
        return thread;
    }
}
