package dev.tlctl.railway;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how long the transport retries: exponential backoff with full jitter, bounded
 * in attempts and in total time spent waiting between attempts.
 *
 * @param maxAttempts attempts in all, the first included; 1 means never retry
 * @param baseDelay the backoff ceiling before the first retry
 * @param factor how much the ceiling grows per retry
 * @param maxDelay the largest ceiling
 * @param maxTotalWait the most time spent waiting, over all retries of one request
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, double factor, Duration maxDelay, Duration maxTotalWait) {
    /** 5 attempts, 500 ms doubling up to 30 s, at most 120 s of waiting. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), Duration.ofSeconds(120));

    /** One attempt, no retry. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxTotalWait, "maxTotalWait");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (factor < 1.0 || Double.isNaN(factor) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a finite number of at least 1, not " + factor);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("retry delays cannot be negative");
        }
    }

    /** The same policy with another attempt bound. */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, factor, maxDelay, maxTotalWait);
    }

    /** The same policy with another bound on the total waiting time. */
    public RetryPolicy withMaxTotalWait(Duration wait) {
        return new RetryPolicy(maxAttempts, baseDelay, factor, maxDelay, wait);
    }

    /**
     * The ceiling of the wait before retry number {@code retry} (1 for the first retry):
     * {@code min(maxDelay, baseDelay * factor^(retry-1))}.
     */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries are numbered from 1");
        }
        double millis = baseDelay.toMillis() * Math.pow(factor, retry - 1);
        long capped = (long) Math.min(millis, (double) maxDelay.toMillis());
        return Duration.ofMillis(capped);
    }

    /** The wait before retry number {@code retry}: uniform in [0, ceiling] ("full jitter"). */
    public Duration backoff(int retry, RandomGenerator random) {
        long ceiling = ceiling(retry).toMillis();
        return Duration.ofMillis(ceiling == 0 ? 0 : random.nextLong(ceiling + 1));
    }
}
