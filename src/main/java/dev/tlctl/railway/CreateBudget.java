package dev.tlctl.railway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * How often one apply may send a create again after its outcome stayed unknown (an answer lost, a
 * 5xx) and a read showed it missing: at most {@link #ATTEMPTS} sends of any create in all, within
 * {@link #WINDOW} from the first, with backoff between them. Without a bound, a create that keeps
 * failing while reads succeed would spend a Hobby token's hourly budget in under a minute.
 */
final class CreateBudget {
    /** Sends of creates per apply, first ones included, before giving up. */
    static final int ATTEMPTS = 5;
    /** The most time spent re-sending creates per apply. */
    static final Duration WINDOW = Duration.ofMinutes(2);

    private final Clock clock;
    private final Waits waits;
    private final RetryPolicy backoff;
    private final RandomGenerator random;
    private int resent;
    private Instant start;

    CreateBudget(ClientConfig config) {
        this.clock = config.clock();
        this.waits = new Waits(config);
        this.backoff = config.retryPolicy();
        this.random = config.random();
    }

    /**
     * Waits before sending {@code what} again (announced, as every wait of the client), or throws
     * when the budget is spent: the create whose outcome is unknown ({@code cause}) is not sent
     * again.
     */
    void again(String what, RailwayException cause) {
        Instant now = clock.instant();
        if (start == null) {
            start = now;
        }
        Duration spent = Duration.between(start, now);
        if (resent + 1 >= ATTEMPTS || spent.compareTo(WINDOW) >= 0) {
            throw new CreateGaveUpException("Could not " + what + ": gave up after " + (resent + 1) + " attempts in "
                    + Math.max(0, spent.toSeconds()) + " s (tlctl sends a create at most " + ATTEMPTS + " times within "
                    + WINDOW.toMinutes() + " minutes per apply). Whether the last attempt created it is unknown: a read"
                    + " found it missing. The last failure: " + cause.getMessage(), cause);
        }
        resent++;
        waits.sleep("another attempt to " + what, "Railway's answer to the last one was lost and a read found"
                + " nothing made", backoff.backoff(resent, random).plusMillis(backoff.baseDelay().toMillis()));
    }
}
