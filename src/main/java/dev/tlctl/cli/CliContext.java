package dev.tlctl.cli;

import dev.tlctl.railway.RequestListener;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command may touch outside itself: the process environment, the standard streams,
 * whether a person is at a terminal, the working directory, the clock, and a listener that hears
 * every request sent to Railway (tests record the documents to check them against the schema).
 */
public record CliContext(
        Map<String, String> env,
        PrintStream out,
        PrintStream err,
        InputStream in,
        boolean interactive,
        Path cwd,
        Clock clock,
        RequestListener requests) {

    /** The real process: {@code System.getenv()}, the standard streams, the console. */
    public static CliContext system() {
        return new CliContext(
                System.getenv(),
                System.out,
                System.err,
                System.in,
                System.console() != null,
                Path.of("").toAbsolutePath(),
                Clock.systemUTC(),
                RequestListener.NONE);
    }

    /** A context for tests: no terminal, the given environment and streams, the real clock. */
    public static CliContext of(Map<String, String> env, PrintStream out, PrintStream err, Path cwd) {
        return new CliContext(env, out, err, InputStream.nullInputStream(), false, cwd, Clock.systemUTC(), RequestListener.NONE);
    }

    public CliContext withRequests(RequestListener listener) {
        return new CliContext(env, out, err, in, interactive, cwd, clock, listener);
    }

    public CliContext interactive(boolean terminal, InputStream input) {
        return new CliContext(env, out, err, input, terminal, cwd, clock, requests);
    }

    /** A variable of the process environment, or null when unset or empty. */
    public String getenv(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
