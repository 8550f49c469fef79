package dev.tlctl.cli;

import dev.tlctl.reconcile.RequestTally;

/** The one line on stderr that says what a command cost against Railway's rate limit. */
final class RequestReport {
    private RequestReport() {}

    static void print(Terminal terminal, RequestTally tally) {
        int count = tally.count();
        StringBuilder line = new StringBuilder("tlctl: " + count + (count == 1 ? " request" : " requests") + " to Railway");
        if (tally.remaining() != null && tally.limit() != null) {
            line.append(" (").append(tally.remaining()).append(" of ").append(tally.limit()).append(" left in this window)");
        }
        terminal.progress().println(line);
    }
}
