package dev.tlctl.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) under one key, with the key's inner and outer pads hashed once: each use
 * then hashes two SHA-256 blocks fewer than a {@code javax.crypto.Mac}, which hashes both pads
 * again for every value, and hashes on words ({@link Sha256}) with no digest object per use. The
 * output is the same, byte for byte; instances are immutable and safe to share between threads.
 */
final class Hmac {
    /** Bits of a message made of a pad's block and a digest: what the outer hash and PBKDF2's inner ones hash. */
    private static final int PAD_AND_DIGEST_BITS = (Sha256.BLOCK + 32) * 8;

    /**
     * Each thread's scratch words for {@link #ofParts(int, String...)}: a message schedule and a
     * state, zero between uses, reused by every HMAC the thread makes instead of made for each (a
     * record's hundred thousand fingerprints made about 30 MB of them to collect).
     */
    private static final ThreadLocal<int[][]> SCRATCH =
            ThreadLocal.withInitial(() -> new int[][] {new int[64], new int[8]});

    /** The SHA-256 states after the inner and the outer pad; copied for each use, never changed. */
    private final int[] inner;
    private final int[] outer;

    Hmac(byte[] key) {
        int[] w = new int[64];
        byte[] k = key;
        if (key.length > Sha256.BLOCK) {
            int[] state = Sha256.initial();
            Sha256.finish(state, 0, key, key.length, w);
            k = Sha256.bytes(state);
        }
        inner = padded(k, 0x36, w);
        outer = padded(k, 0x5c, w);
        Arrays.fill(w, 0);
    }

    /** The state after the block of the key xor {@code pad}. */
    private static int[] padded(byte[] key, int pad, int[] w) {
        Arrays.fill(w, 0, 16, 0);
        for (int i = 0; i < Sha256.BLOCK; i++) {
            int b = ((i < key.length ? key[i] : 0) ^ pad) & 0xff;
            w[i >>> 2] |= b << (24 - ((i & 3) << 3));
        }
        int[] state = Sha256.initial();
        Sha256.compress(state, w);
        return state;
    }

    /** The HMAC of {@code data}. */
    byte[] of(byte[] data) {
        int[] w = new int[64];
        int[] state = inner.clone();
        Sha256.finish(state, Sha256.BLOCK, data, data.length, w);
        outer(state, w);
        return Sha256.bytes(state);
    }

    /** The HMAC of the parts' UTF-8 bytes, each followed by a zero byte (no two lists of parts collide). */
    byte[] ofParts(String... parts) {
        return ofParts(32, parts);
    }

    /**
     * The first {@code count} bytes (at most 32) of {@link #ofParts(String...)}. ASCII parts
     * (addresses and most values) go into the hash's words as they are read, with no byte array
     * and no encoder: a record holds a fingerprint per value, and values can be many.
     */
    byte[] ofParts(int count, String... parts) {
        int[][] scratch = SCRATCH.get();
        int[] w = scratch[0];
        int[] state = scratch[1];
        try {
            System.arraycopy(inner, 0, state, 0, 8);
            int at = 0;
            long done = Sha256.BLOCK;
            for (String part : parts) {
                int length = part.length();
                for (int i = 0; i <= length; i++) {
                    int c = i < length ? part.charAt(i) : 0;
                    if (c >= 0x80) {
                        return Arrays.copyOf(of(utf8Parts(parts)), count);
                    }
                    w[at >>> 2] |= c << (24 - ((at & 3) << 3));
                    if (++at == Sha256.BLOCK) {
                        Sha256.compress(state, w);
                        Arrays.fill(w, 0, 16, 0);
                        at = 0;
                        done += Sha256.BLOCK;
                    }
                }
            }
            Sha256.end(state, w, at, done + at);
            outer(state, w);
            return Sha256.bytes(state, count);
        } finally {
            // Zero for the next use, and so that no words of a value stay behind in the thread's scratch.
            Arrays.fill(w, 0);
            Arrays.fill(state, 0);
        }
    }

    private static byte[] utf8Parts(String... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String part : parts) {
            out.writeBytes(part.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    /** Turns {@code state}, an inner digest, into the HMAC's: the outer hash of it, in place. */
    private void outer(int[] state, int[] w) {
        afterPad(outer, state, w);
    }

    /**
     * Replaces {@code digest} by the hash of a pad's block and that digest, {@code pad} being the
     * state after the block: one block, its padding and length known in advance.
     */
    private static void afterPad(int[] pad, int[] digest, int[] w) {
        System.arraycopy(digest, 0, w, 0, 8);
        w[8] = 0x80000000;
        Arrays.fill(w, 9, 15, 0);
        w[15] = PAD_AND_DIGEST_BITS;
        System.arraycopy(pad, 0, digest, 0, 8);
        Sha256.compress(digest, w);
    }

    /**
     * PBKDF2-HMAC-SHA256 (RFC 8018) of this key as the password, one 32-byte block: the same as
     * {@code SecretKeyFactory "PBKDF2WithHmacSHA256"} with a 256-bit key, at two SHA-256 blocks per
     * iteration instead of four, each iteration on words (no bytes, no object).
     */
    byte[] pbkdf2(byte[] salt, int iterations) {
        byte[] first = new byte[salt.length + 4];
        System.arraycopy(salt, 0, first, 0, salt.length);
        first[salt.length + 3] = 1;
        int[] w = new int[64];
        int[] u = inner.clone();
        Sha256.finish(u, Sha256.BLOCK, first, first.length, w);
        outer(u, w);
        int[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            // U(i) = HMAC(U(i-1)): the inner hash of a pad's block and 32 bytes, then the outer one.
            afterPad(inner, u, w);
            afterPad(outer, u, w);
            for (int j = 0; j < 8; j++) {
                t[j] ^= u[j];
            }
        }
        return Sha256.bytes(t);
    }
}
