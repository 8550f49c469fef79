package dev.tlctl.sandbox;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Railway's rate limits, per token: a budget per hour (a window that opens with the token's
 * first request and lasts an hour) and a budget per second (calendar seconds of the clock). A
 * refused request costs nothing. Time comes from the injected clock.
 */
final class RateLimiter {
    static final long HOUR_MILLIS = 3_600_000L;

    /** The answer for one request: allowed or not, and the X-RateLimit-* / Retry-After values. */
    record Verdict(boolean allowed, int limit, int remaining, long resetEpochSeconds, long retryAfterSeconds) {}

    private static final class Window {
        long hourStart;
        int hourCount;
        long second = Long.MIN_VALUE;
        int secondCount;
    }

    private final int perHour;
    private final int perSecond;
    private final Clock clock;
    private final Map<String, Window> windows = new HashMap<>();

    RateLimiter(int perHour, int perSecond, Clock clock) {
        this.perHour = perHour;
        this.perSecond = perSecond;
        this.clock = clock;
    }

    synchronized Verdict acquire(String key) {
        long now = clock.millis();
        Window w = windows.computeIfAbsent(key, k -> {
            Window fresh = new Window();
            fresh.hourStart = now;
            return fresh;
        });
        if (now >= w.hourStart + HOUR_MILLIS) {
            w.hourStart = now;
            w.hourCount = 0;
        }
        long second = Math.floorDiv(now, 1000L);
        if (second != w.second) {
            w.second = second;
            w.secondCount = 0;
        }
        long hourEnd = w.hourStart + HOUR_MILLIS;
        long reset = Math.floorDiv(hourEnd + 999, 1000L);
        if (w.hourCount >= perHour) {
            long retry = Math.max(1, Math.floorDiv(hourEnd - now + 999, 1000L));
            return new Verdict(false, perHour, 0, reset, retry);
        }
        if (w.secondCount >= perSecond) {
            long retry = Math.max(1, Math.floorDiv((second + 1) * 1000 - now + 999, 1000L));
            return new Verdict(false, perHour, perHour - w.hourCount, reset, retry);
        }
        w.hourCount++;
        w.secondCount++;
        return new Verdict(true, perHour, perHour - w.hourCount, reset, 0);
    }

    synchronized void reset() {
        windows.clear();
    }
}
