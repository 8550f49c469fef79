package dev.tlctl.testing;

import dev.tlctl.cli.CliContext;
import dev.tlctl.cli.Main;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import dev.tlctl.reconcile.ApiRequest;
import dev.tlctl.reconcile.Sleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs tlctl in-process, exactly as {@code bin/tlctl} would run it, with captured stdout and
 * stderr: no terminal unless asked, the given process environment and working directory, and a
 * sleeper that records waits instead of sleeping (no test waits for a retry for real). The one way
 * tests run the command line.
 */
public final class Tlctl {
    /** Every run's retries draw the same jitter, so that a test can name each wait exactly. */
    private static final long JITTER_SEED = 17;

    private final Path cwd;
    private Map<String, String> env = Map.of();
    private boolean terminal;
    private boolean stdinTerminal;
    private String stdin = "";
    private Clock clock = Clock.systemUTC();
    private RequestListener listener = RequestListener.NONE;
    private java.util.function.Consumer<Duration> onSleep = d -> { };
    private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    private Tlctl(Path cwd) {
        this.cwd = cwd.toAbsolutePath();
    }

    /** tlctl run from folder {@code cwd}. */
    public static Tlctl in(Path cwd) {
        return new Tlctl(cwd);
    }

    /** The process environment (default: empty). */
    public Tlctl env(Map<String, String> value) {
        this.env = Map.copyOf(value);
        return this;
    }

    /** At a terminal, with this typed on standard input. */
    public Tlctl terminal(String input) {
        this.terminal = true;
        this.stdinTerminal = true;
        this.stdin = input;
        return this;
    }

    /** Standard input at a terminal with this typed, standard output a pipe: {@code tlctl apply | tee log}. */
    public Tlctl stdinTerminal(String input) {
        this.stdinTerminal = true;
        this.stdin = input;
        return this;
    }

    public Tlctl clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** Hears every request sent to Railway. */
    public Tlctl listener(RequestListener value) {
        this.listener = value;
        return this;
    }

    /** Also tells {@code action} of every wait (to move a test clock forward, say). */
    public Tlctl onSleep(java.util.function.Consumer<Duration> action) {
        this.onSleep = action;
        return this;
    }

    /** Every wait tlctl asked for so far (none really happened). */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** One run: the arguments, the exit code, and everything printed. */
    public record Run(List<String> args, int code, String out, String err) {
        public String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "tlctl " + String.join(" ", args) + "\nexit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /**
     * The client's listener, hearing what the command line's listener hears: each request as the
     * client built it.
     */
    private static dev.tlctl.reconcile.RequestListener heard(RequestListener listener) {
        return new dev.tlctl.reconcile.RequestListener() {
            @Override
            public void onRequest(ApiRequest request, int attempt) {
                listener.onRequest(graphql(request), attempt);
            }

            @Override
            public void onResponse(ApiRequest request, int httpStatus, Duration elapsed) {
                listener.onResponse(graphql(request), httpStatus, elapsed);
            }

            @Override
            public void onRetry(ApiRequest request, int attempt, Duration wait, String reason) {
                listener.onRetry(graphql(request), attempt, wait, reason);
            }

            @Override
            public void onWait(String subject, String reason, Duration wait) {
                listener.onWait(subject, reason, wait);
            }
        };
    }

    private static GraphQLRequest graphql(ApiRequest request) {
        return new GraphQLRequest(request.operation(), request.action(), request.document(), null,
                request.mutation() ? GraphQLRequest.OperationType.MUTATION : GraphQLRequest.OperationType.QUERY,
                request.variables(), !request.mutation());
    }

    public Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Sleeper sleeper = d -> {
            sleeps.add(d);
            onSleep.accept(d);
        };
        CliContext context = new CliContext(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal, stdinTerminal, cwd, clock,
                sleeper, heard(listener), new java.util.SplittableRandom(JITTER_SEED));
        int code = Main.run(context, args);
        return new Run(List.of(args), code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
