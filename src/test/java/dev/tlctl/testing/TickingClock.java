package dev.tlctl.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock that moves forward by one millisecond each time it is read, and by any duration on
 * demand (when tlctl "sleeps" before a retry, the sandbox sees the time pass): monotonic and
 * deterministic, and no test waits for real. {@link #still} makes one that moves only on demand,
 * for tests that count within a time window.
 */
public final class TickingClock extends Clock {
    private final Duration tick;
    private Instant now;

    public TickingClock(Instant start) {
        this(start, Duration.ofMillis(1));
    }

    private TickingClock(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    /** A clock that reads {@code start} until {@link #advance} moves it. */
    public static TickingClock still(Instant start) {
        return new TickingClock(start, Duration.ZERO);
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(tick);
        return now;
    }
}
