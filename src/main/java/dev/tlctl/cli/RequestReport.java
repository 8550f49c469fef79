package dev.tlctl.cli;

import dev.tlctl.reconcile.Reconciler;
import java.io.PrintStream;

/** The one line on stderr that says what a command cost against Railway's rate limit. */
final class RequestReport {
    private RequestReport() {}

    static void print(PrintStream err, Reconciler reconciler) {
        int count = reconciler.requestCount();
        StringBuilder line = new StringBuilder("tlctl: " + count + (count == 1 ? " request" : " requests") + " to Railway");
        reconciler.rateLimit().ifPresent(r -> {
            if (r.remaining() != null && r.limit() != null) {
                line.append(" (").append(r.remaining()).append(" of ").append(r.limit()).append(" left in this window)");
            }
        });
        err.println(line);
    }
}
