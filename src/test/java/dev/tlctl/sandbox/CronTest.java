package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Railway's cron grammar and frequency rule, and the next run after an instant (UTC). */
class CronTest {
    private static final Instant WEDNESDAY_NOON = Instant.parse("2026-09-09T12:00:00Z");

    private static String next(String schedule) {
        Instant next = Cron.parse(schedule).nextRun(WEDNESDAY_NOON);
        return next == null ? null : next.toString();
    }

    @Test
    void theNextRunIsStrictlyAfterNowInUtc() {
        assertEquals("2026-09-09T12:05:00Z", next("*/5 * * * *"));
        assertEquals("2026-09-09T13:00:00Z", next("0 * * * *"));
        assertEquals("2026-09-10T09:30:00Z", next("30 9 * * 1-5"));
        assertEquals("2026-09-14T08:00:00Z", next("0 8 * * 1"), "the next Monday");
        assertEquals("2026-09-13T00:00:00Z", next("0 0 * * 7"), "7 is Sunday, like 0");
        assertEquals("2026-10-01T06:00:00Z", next("0 6 1 * *"));
        assertEquals("2026-09-10T00:00:00Z", next("0 0 10 * 1"), "day of month or day of week, as cron does");
        assertEquals("2027-01-01T00:00:00Z", next("0 0 1 1 *"));
        assertNull(next("0 0 30 2 *"), "February 30th never comes");
    }

    @Test
    void ruleBreakersAreRefusedSayingWhy() {
        assertEquals("Invalid cron schedule \"5-1 * * * *\": the range 5-1 in the minute field ends before it starts",
                assertThrows(SandboxException.class, () -> Cron.parse("5-1 * * * *")).getMessage());
        assertEquals("Invalid cron schedule \"0 0 0 * *\": 0 is out of range for the day of the month field (1-31)",
                assertThrows(SandboxException.class, () -> Cron.parse("0 0 0 * *")).getMessage());
        assertEquals("Invalid cron schedule \"0,3 * * * *\": runs at 00:00 and 00:03 UTC are only 3 minutes apart;"
                        + " every two consecutive runs must be at least 5 minutes apart",
                assertThrows(SandboxException.class, () -> Cron.parse("0,3 * * * *")).getMessage());
        assertEquals("Invalid cron schedule \"\": expected 5 fields (minute hour day-of-month month day-of-week),"
                + " found 0", assertThrows(SandboxException.class, () -> Cron.parse("")).getMessage());
    }
}
