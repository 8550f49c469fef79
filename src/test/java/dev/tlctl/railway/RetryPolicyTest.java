package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    @Test
    void defaults() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertEquals(5, p.maxAttempts());
        assertEquals(Duration.ofMillis(500), p.baseDelay());
        assertEquals(2.0, p.factor());
        assertEquals(Duration.ofSeconds(30), p.maxDelay());
        assertEquals(Duration.ofSeconds(120), p.maxTotalWait());
    }

    @Test
    void ceilingGrowsExponentiallyUpToTheCap() {
        RetryPolicy p = RetryPolicy.DEFAULT;
        assertEquals(Duration.ofMillis(500), p.ceiling(1));
        assertEquals(Duration.ofMillis(1000), p.ceiling(2));
        assertEquals(Duration.ofMillis(2000), p.ceiling(3));
        assertEquals(Duration.ofMillis(16000), p.ceiling(6));
        assertEquals(Duration.ofSeconds(30), p.ceiling(7));
        assertEquals(Duration.ofSeconds(30), p.ceiling(500));
    }

    @Test
    void fullJitterStaysWithinZeroAndTheCeiling() {
        Random random = new Random(7);
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 2000; i++) {
            long wait = RetryPolicy.DEFAULT.backoff(2, random).toMillis();
            assertTrue(wait >= 0 && wait <= 1000, "wait " + wait);
            min = Math.min(min, wait);
            max = Math.max(max, wait);
        }
        assertTrue(min < 100 && max > 900, "jitter spreads over the whole range: " + min + ".." + max);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withMaxAttempts(0));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.withMaxTotalWait(Duration.ofSeconds(-1)));
        assertEquals(1, RetryPolicy.NONE.maxAttempts());
    }
}
