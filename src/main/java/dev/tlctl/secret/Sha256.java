package dev.tlctl.secret;

/**
 * SHA-256 (FIPS 180-4) on words, for {@link Hmac}: a state of eight words that a caller starts from
 * the initial value or from a state already past a 64-byte block (an HMAC pad), and blocks of
 * sixteen words compressed into it without an object per use. The JDK's {@code MessageDigest}
 * gives the same bytes, but costs a clone, buffers and byte-array views per digest, which tlctl's
 * hundred thousand short fingerprints per apply and PBKDF2's hundred thousand iterations per key
 * spend more time on than on hashing (tlctl runs on the client compiler, where the JDK's hashing
 * gets no intrinsic either).
 */
final class Sha256 {
    /** Bytes per block. */
    static final int BLOCK = 64;

    private static final int[] IV = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private Sha256() {}

    /** A new state at the start of a message. */
    static int[] initial() {
        return IV.clone();
    }

    /**
     * Compresses one block into {@code state}: its sixteen words in {@code w[0..15]}; {@code w}
     * has room for 64 (its other words are overwritten: the message schedule).
     */
    static void compress(int[] state, int[] w) {
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = Integer.rotateRight(x, 7) ^ Integer.rotateRight(x, 18) ^ (x >>> 3);
            int s1 = Integer.rotateRight(y, 17) ^ Integer.rotateRight(y, 19) ^ (y >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        // Eight rounds a pass, the letters' roles turning instead of seven moves a round: the client
        // compiler, which tlctl runs on, keeps them in registers so (the same digest, 10-20% sooner).
        for (int t = 0; t < 64; t += 8) {
            h += sum1(e) + choose(e, f, g) + K[t] + w[t];
            d += h;
            h += sum0(a) + majority(a, b, c);
            g += sum1(d) + choose(d, e, f) + K[t + 1] + w[t + 1];
            c += g;
            g += sum0(h) + majority(h, a, b);
            f += sum1(c) + choose(c, d, e) + K[t + 2] + w[t + 2];
            b += f;
            f += sum0(g) + majority(g, h, a);
            e += sum1(b) + choose(b, c, d) + K[t + 3] + w[t + 3];
            a += e;
            e += sum0(f) + majority(f, g, h);
            d += sum1(a) + choose(a, b, c) + K[t + 4] + w[t + 4];
            h += d;
            d += sum0(e) + majority(e, f, g);
            c += sum1(h) + choose(h, a, b) + K[t + 5] + w[t + 5];
            g += c;
            c += sum0(d) + majority(d, e, f);
            b += sum1(g) + choose(g, h, a) + K[t + 6] + w[t + 6];
            f += b;
            b += sum0(c) + majority(c, d, e);
            a += sum1(f) + choose(f, g, h) + K[t + 7] + w[t + 7];
            e += a;
            a += sum0(b) + majority(b, c, d);
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }

    private static int sum0(int a) {
        return Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
    }

    private static int sum1(int e) {
        return Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
    }

    private static int choose(int e, int f, int g) {
        return (e & f) ^ (~e & g);
    }

    private static int majority(int a, int b, int c) {
        return (a & b) ^ (a & c) ^ (b & c);
    }

    /**
     * Hashes {@code data[0..length)} as the rest of a message whose first {@code before} bytes
     * (a multiple of {@link #BLOCK}) {@code state} already holds, padding included; leaves the
     * digest in {@code state}. {@code w} is a 64-word scratch array.
     */
    static void finish(int[] state, long before, byte[] data, int length, int[] w) {
        int at = 0;
        for (; length - at >= BLOCK; at += BLOCK) {
            words(data, at, BLOCK, w);
            compress(state, w);
        }
        int rest = length - at;
        words(data, at, rest, w);
        end(state, w, rest, before + length);
    }

    /**
     * Ends a message whose last {@code rest} bytes (fewer than a block) are in {@code w[0..15]},
     * zeros after them, and whose length in all is {@code total} bytes: pads it and compresses
     * what is left, leaving the digest in {@code state}.
     */
    static void end(int[] state, int[] w, int rest, long total) {
        w[rest >>> 2] |= 0x80 << (24 - ((rest & 3) << 3));
        if (rest >= BLOCK - 8) {
            compress(state, w);
            java.util.Arrays.fill(w, 0, 16, 0);
        }
        long bits = total << 3;
        w[14] = (int) (bits >>> 32);
        w[15] = (int) bits;
        compress(state, w);
    }

    /** {@code w[0..15]}: the big-endian words of {@code data[at..at+count)}, zeros after. */
    private static void words(byte[] data, int at, int count, int[] w) {
        java.util.Arrays.fill(w, 0, 16, 0);
        for (int i = 0; i < count; i++) {
            w[i >>> 2] |= (data[at + i] & 0xff) << (24 - ((i & 3) << 3));
        }
    }

    /** The 32 bytes of a digest held in {@code state}. */
    static byte[] bytes(int[] state) {
        return bytes(state, 32);
    }

    /** The first {@code count} bytes (at most 32) of a digest held in {@code state}. */
    static byte[] bytes(int[] state, int count) {
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = (byte) (state[i >>> 2] >>> (24 - ((i & 3) << 3)));
        }
        return out;
    }
}
