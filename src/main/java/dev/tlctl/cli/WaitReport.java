package dev.tlctl.cli;

import dev.tlctl.reconcile.ApiRequest;
import dev.tlctl.reconcile.RequestListener;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says, on stderr, every wait of a second or more, so that a rate-limited run does not look hung:
 * what waits, why, and for how long (a retry after HTTP 429 or 5xx, Retry-After, a creation
 * quota, a change Railway has not made visible yet). One line each; under {@code apply --json}
 * also an event ({@link #also}). Passes every event on to the listener it wraps.
 */
final class WaitReport implements RequestListener {
    /** Shorter waits are not worth a line: they pass before anyone wonders. */
    static final Duration SHOWN_FROM = Duration.ofSeconds(1);

    /** Hears the waits worth reporting, as JSON events do. */
    interface Sink {
        void waited(String subject, String reason, Duration wait);
    }

    private final PrintStream err;
    private final RequestListener next;
    private final List<Sink> sinks = new ArrayList<>();

    WaitReport(PrintStream err, RequestListener next) {
        this.err = err;
        this.next = next;
    }

    /** Also tells {@code sink} of every wait reported. */
    void also(Sink sink) {
        sinks.add(sink);
    }

    @Override
    public void onRequest(ApiRequest request, int attempt) {
        next.onRequest(request, attempt);
    }

    @Override
    public void onResponse(ApiRequest request, int httpStatus, Duration elapsed) {
        next.onResponse(request, httpStatus, elapsed);
    }

    @Override
    public void onRetry(ApiRequest request, int attempt, Duration wait, String reason) {
        next.onRetry(request, attempt, wait, reason);
        report("another attempt to " + request.action(), "Railway answered " + reason + "; attempt " + (attempt + 1)
                + " follows", wait);
    }

    @Override
    public void onWait(String subject, String reason, Duration wait) {
        next.onWait(subject, reason, wait);
        report(subject, reason, wait);
    }

    private void report(String subject, String reason, Duration wait) {
        if (wait.compareTo(SHOWN_FROM) < 0) {
            return;
        }
        err.println("tlctl: waiting " + seconds(wait) + " for " + Printable.of(subject) + ": " + Printable.of(reason) + ".");
        err.flush();
        sinks.forEach(s -> s.waited(subject, reason, wait));
    }

    /** "3s", "1.5s", "2m 5s". */
    static String seconds(Duration wait) {
        long millis = wait.toMillis();
        if (millis >= 60_000) {
            return (millis / 60_000) + "m " + (millis % 60_000) / 1000 + "s";
        }
        return millis % 1000 == 0 ? millis / 1000 + "s" : String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
