package dev.tlctl.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A test clock that moves forward by one millisecond each time it is read, and by any duration on
 * demand (when tlctl "sleeps" before a retry, the sandbox sees the time pass): monotonic and
 * deterministic, and no test waits for real.
 */
public final class TickingClock extends Clock {
    private Instant now;

    public TickingClock(Instant start) {
        this.now = start;
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
        now = now.plusMillis(1);
        return now;
    }
}
