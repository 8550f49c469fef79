package dev.tlctl.cli;

import dev.tlctl.reconcile.RequestListener;
import dev.tlctl.reconcile.Sleeper;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * Everything a command may touch outside itself: the process environment, the standard streams,
 * whether a person is at a terminal, the working directory, the clock, how to wait between
 * retries and where their jitter comes from, and a listener that hears every request sent to
 * Railway. Tests pass their own, so that nothing really sleeps, retries wait the same every run,
 * and every request can be recorded.
 *
 * @param interactive both standard input and output are a terminal (colours, progress lines)
 * @param stdinTerminal standard input is a terminal, so a person can answer a question (stdout may be
 *     a pipe: {@code tlctl apply | tee apply.log} still asks)
 */
public record CliContext(
        Map<String, String> env,
        PrintStream out,
        PrintStream err,
        InputStream in,
        boolean interactive,
        boolean stdinTerminal,
        Path cwd,
        Clock clock,
        Sleeper sleeper,
        RequestListener requests,
        RandomGenerator jitter) {

    /** The variable the launcher sets when standard input is a terminal (Java can only tell it together with stdout). */
    static final String STDIN_TERMINAL_VARIABLE = "TLCTL_STDIN_TERMINAL";

    /** A context whose retries draw their jitter from a fresh random source. */
    public CliContext(Map<String, String> env, PrintStream out, PrintStream err, InputStream in, boolean interactive,
            boolean stdinTerminal, Path cwd, Clock clock, Sleeper sleeper, RequestListener requests) {
        this(env, out, err, in, interactive, stdinTerminal, cwd, clock, sleeper, requests, new Random());
    }

    /** A context whose standard input is a terminal exactly when its output is. */
    public CliContext(Map<String, String> env, PrintStream out, PrintStream err, InputStream in, boolean interactive,
            Path cwd, Clock clock, Sleeper sleeper, RequestListener requests) {
        this(env, out, err, in, interactive, interactive, cwd, clock, sleeper, requests);
    }

    /** The real process: {@code System.getenv()}, the standard streams, the console, real time. */
    public static CliContext system() {
        boolean console = System.console() != null;
        return new CliContext(
                System.getenv(),
                System.out,
                System.err,
                System.in,
                console,
                console || stdinIsTerminal(System.getenv()),
                Path.of("").toAbsolutePath(),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                RequestListener.NONE);
    }

    /**
     * Whether standard input is a terminal: the launcher's word ({@code bin/tlctl} tests it with
     * the shell's {@code -t 0}), else, on Linux, what {@code /proc/self/fd/0} links to.
     */
    static boolean stdinIsTerminal(Map<String, String> env) {
        if ("1".equals(env.get(STDIN_TERMINAL_VARIABLE))) {
            return true;
        }
        try {
            String target = java.nio.file.Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** A variable of the process environment, or null when unset or empty. */
    public String getenv(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
