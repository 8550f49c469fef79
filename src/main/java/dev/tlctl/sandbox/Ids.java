package dev.tlctl.sandbox;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic, UUID-shaped ids (version 4 layout): the n-th id of a seed is always the same,
 * so a sandbox started with the same seed and fed the same requests hands out the same ids.
 * The count of ids drawn lives in the state, so ids stay unique across restarts.
 */
final class Ids {
    private Ids() {}

    /** The next id of the state's sequence; counts it as drawn. */
    static String next(State state) {
        return nth(state.seed, state.idsDrawn++);
    }

    static String nth(long seed, long n) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n);
        long msb = (random.nextLong() & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** The id of a variable: derived from where it lives, so it needs no bookkeeping. */
    static String variable(String environmentId, String serviceIdOrNull, String name) {
        String key = environmentId + "/" + (serviceIdOrNull == null ? "shared" : serviceIdOrNull) + "/" + name;
        return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** An id derived from what a record is (an instance's domain, trigger or volume instance): stable, no bookkeeping. */
    static String derived(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("/", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }
}
