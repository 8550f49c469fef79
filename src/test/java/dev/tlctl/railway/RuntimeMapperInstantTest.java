package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast reading of Railway's timestamps gives what {@link Instant#parse} gives, or defers to it. */
class RuntimeMapperInstantTest {

    private static Instant parsed(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void readsWhatInstantParseReads() {
        List<String> texts = List.of("2026-12-07T21:02:40Z", "2026-12-07T21:02:40.1Z", "2026-12-07T21:02:40.123Z",
                "2026-12-07T21:02:40.123456789Z", "2024-02-29T00:00:00Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00.000Z");
        for (String text : texts) {
            assertEquals(Instant.parse(text), RuntimeMapper.plainUtc(text), text);
            assertEquals(Instant.parse(text), RuntimeMapper.instant(text), text);
        }
    }

    @Test
    void defersAnythingElse() {
        List<String> texts = List.of("2023-02-29T00:00:00Z", "2026-13-07T21:02:40Z", "2026-12-32T21:02:40Z",
                "2026-12-07T24:00:00Z", "2026-12-07T23:59:60Z", "2026-12-07T21:02:40.Z",
                "2026-12-07T21:02:40.1234567890Z", "2026-12-07T21:02:40+01:00", "2026-12-07t21:02:40z",
                "2026-12-07 21:02:40Z", "+2026-12-07T21:02:40Z", "2026-1a-07T21:02:40Z", "", "Z",
                "2026-12-07T21:02:4５Z", "2026-12-07T21:02:40,5Z", "-026-12-07T21:02:40Z");
        for (String text : texts) {
            assertNull(RuntimeMapper.plainUtc(text), text);
            Instant expected = parsed(text);
            if (expected == null) {
                try {
                    expected = java.time.OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException e) {
                    expected = null;
                }
            }
            assertEquals(expected, RuntimeMapper.instant(text), text);
        }
        assertNull(RuntimeMapper.instant(null));
    }

    @Test
    void agreesOnRandomTimestamps() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong() % 100_000_000_000L + 50_000_000_000L,
                    random.nextInt(1_000_000_000));
            String text = at.toString();
            // Mangle one character now and then: the fast reading must defer, never differ.
            if (random.nextInt(4) == 0) {
                char[] chars = text.toCharArray();
                chars[random.nextInt(chars.length)] = "0123456789:-.TZ x9"
                        .charAt(random.nextInt(18));
                text = new String(chars);
            }
            Instant fast = RuntimeMapper.plainUtc(text);
            Instant expected = parsed(text);
            if (fast != null) {
                assertEquals(expected, fast, text);
            }
        }
    }
}
