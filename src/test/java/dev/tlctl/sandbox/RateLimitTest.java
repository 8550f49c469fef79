package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.testing.TickingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Railway's rate limits, per token, per hour and per second, on an injected clock. */
class RateLimitTest extends SandboxTestBase {
    static final Instant START = Instant.parse("2026-03-10T12:00:00.250Z");
    TickingClock clock = TickingClock.still(START);

    @Override
    SandboxConfig config() {
        return SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withClock(clock).withRateLimit(5, 2);
    }

    @Test
    void everyResponseCarriesRateLimitHeadersAndOverBudgetIs429WithRetryAfter() {
        Gql.Response first = gql.post(Docs.API_TOKEN);
        assertEquals(200, first.status());
        assertEquals("5", first.header("X-RateLimit-Limit"));
        assertEquals("4", first.header("X-RateLimit-Remaining"));
        long reset = START.plus(Duration.ofHours(1)).getEpochSecond() + 1;
        assertEquals(Long.toString(reset), first.header("X-RateLimit-Reset"));
        assertNull(first.header("Retry-After"));

        assertEquals(200, gql.post(Docs.API_TOKEN).status());
        Gql.Response perSecond = gql.post(Docs.API_TOKEN);
        assertEquals(429, perSecond.status(), "3 requests in one second, 2 allowed");
        assertEquals("1", perSecond.header("Retry-After"));
        assertEquals("3", perSecond.header("X-RateLimit-Remaining"), "a refused request costs nothing");
        assertTrue(perSecond.json().at("/errors/0/message").asText().contains("Rate limit"));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(200, gql.post(Docs.API_TOKEN).status());
        assertEquals(200, gql.post(Docs.API_TOKEN).status());
        clock.advance(Duration.ofSeconds(1));
        Gql.Response last = gql.post(Docs.API_TOKEN);
        assertEquals(200, last.status());
        assertEquals("0", last.header("X-RateLimit-Remaining"));
        clock.advance(Duration.ofSeconds(1));
        Gql.Response perHour = gql.post(Docs.API_TOKEN);
        assertEquals(429, perHour.status(), "6th request in the hour, 5 allowed");
        assertEquals(Long.toString(Duration.ofHours(1).minusSeconds(3).getSeconds()), perHour.header("Retry-After"));

        // budgets are per token
        Gql other = gql.withBearer(sandbox.mintWorkspaceToken(null));
        assertEquals(200, other.post(Docs.API_TOKEN).status());

        clock.advance(Duration.ofHours(1));
        Gql.Response fresh = gql.post(Docs.API_TOKEN);
        assertEquals(200, fresh.status());
        assertEquals("4", fresh.header("X-RateLimit-Remaining"));
        assertNotEquals(Long.toString(reset), fresh.header("X-RateLimit-Reset"));
        assertEquals(9, sandbox.stats().requests(), "429s count as requests");
    }
}
