package dev.tlctl.railway;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every wait the client makes that is not a retry of a failed attempt: it tells the listener
 * ({@link RequestListener#onWait}) what is waited for and why, then sleeps through the configured
 * {@link Sleeper} (tests pass a fake, so nothing really sleeps). Each wait is bounded by a
 * schedule fixed in advance.
 */
final class Waits {
    /**
     * How long to look for what Railway has just created before giving up: checked at once, then
     * after 1, 2, 4, 8 and 15 seconds (30 s in all), which covers the seconds Railway's eventual
     * consistency takes (jamesprnich/terraform-provider-railway waits up to 15 s for a new
     * instance; micah5/terraform-provider-railway-next polls every second up to the caller's timeout).
     */
    static final List<Duration> VISIBILITY = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15));

    private final ClientConfig config;

    Waits(ClientConfig config) {
        this.config = config;
    }

    /** Announces the wait, then waits; an interrupt ends it with {@link WaitGaveUpException}. */
    void sleep(String subject, String reason, Duration wait) {
        config.listener().onWait(subject, reason, wait);
        try {
            config.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitGaveUpException("Interrupted while waiting for " + subject + " (" + reason + ")");
        }
    }

    /** Waits without announcing it (the caller reports its progress itself). */
    void sleepQuietly(Duration wait, String subject) {
        try {
            config.sleeper().sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitGaveUpException("Interrupted while waiting for " + subject);
        }
    }

    /**
     * Checks {@code check} at once and again after each wait of {@code schedule} until it answers
     * true; returns whether it ever did. Each wait is announced with {@code subject} and
     * {@code reason}.
     */
    boolean until(String subject, String reason, List<Duration> schedule, Supplier<Boolean> check) {
        if (check.get()) {
            return true;
        }
        for (Duration wait : schedule) {
            sleep(subject, reason, wait);
            if (check.get()) {
                return true;
            }
        }
        return false;
    }

    static Duration total(List<Duration> schedule) {
        return schedule.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
