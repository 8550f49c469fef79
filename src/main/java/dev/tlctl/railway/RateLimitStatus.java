package dev.tlctl.railway;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Railway's rate-limit headers of the latest answer. A component is null when its header was
 * absent or unreadable.
 *
 * @param limit {@code X-RateLimit-Limit}: requests allowed in the window
 * @param remaining {@code X-RateLimit-Remaining}: requests left in the window
 * @param resetsAt {@code X-RateLimit-Reset} (Unix seconds): when the window starts again
 * @param observedAt when the answer carrying the headers arrived
 */
public record RateLimitStatus(Long limit, Long remaining, Instant resetsAt, Instant observedAt) {
    /** Values below this are read as seconds from now rather than as a Unix time (2001-09-09). */
    private static final long UNIX_SECONDS_FLOOR = 1_000_000_000L;

    /** Reads the three headers through {@code header}; empty when none of them is readable. */
    static Optional<RateLimitStatus> parse(UnaryOperator<String> header, Instant now) {
        Long limit = parseLong(header.apply("X-RateLimit-Limit"));
        Long remaining = parseLong(header.apply("X-RateLimit-Remaining"));
        Long reset = parseLong(header.apply("X-RateLimit-Reset"));
        if (limit == null && remaining == null && reset == null) {
            return Optional.empty();
        }
        Instant resetsAt = null;
        if (reset != null) {
            resetsAt = reset >= UNIX_SECONDS_FLOOR ? Instant.ofEpochSecond(reset) : now.plusSeconds(reset);
        }
        return Optional.of(new RateLimitStatus(limit, remaining, resetsAt, now));
    }

    private static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            return parsed < 0 ? null : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
