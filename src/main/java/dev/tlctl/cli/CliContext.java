package dev.tlctl.cli;

import dev.tlctl.railway.RequestListener;
import dev.tlctl.railway.Sleeper;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command may touch outside itself: the process environment, the standard streams,
 * whether a person is at a terminal, the working directory, the clock, how to wait between
 * retries, and a listener that hears every request sent to Railway. Tests pass their own, so that
 * nothing really sleeps and every request can be recorded.
 */
public record CliContext(
        Map<String, String> env,
        PrintStream out,
        PrintStream err,
        InputStream in,
        boolean interactive,
        Path cwd,
        Clock clock,
        Sleeper sleeper,
        RequestListener requests) {

    /** The real process: {@code System.getenv()}, the standard streams, the console, real time. */
    public static CliContext system() {
        return new CliContext(
                System.getenv(),
                System.out,
                System.err,
                System.in,
                System.console() != null,
                Path.of("").toAbsolutePath(),
                Clock.systemUTC(),
                Sleeper.SYSTEM,
                RequestListener.NONE);
    }

    /** A variable of the process environment, or null when unset or empty. */
    public String getenv(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }
}
