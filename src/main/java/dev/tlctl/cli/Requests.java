package dev.tlctl.cli;

import dev.tlctl.railway.RailwayClient;
import java.io.PrintStream;

/** The one line on stderr that says what a command cost against Railway's rate limit. */
final class Requests {
    private Requests() {}

    static void report(PrintStream err, RailwayClient client) {
        int count = client.requestCount();
        StringBuilder line = new StringBuilder("tlctl: " + count + (count == 1 ? " request" : " requests") + " to Railway");
        client.lastRateLimit().ifPresent(r -> {
            if (r.remaining() != null && r.limit() != null) {
                line.append(" (").append(r.remaining()).append(" of ").append(r.limit()).append(" left in this window)");
            }
        });
        err.println(line);
    }
}
