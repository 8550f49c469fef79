package dev.tlctl.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) under one key, with the key's inner and outer pads hashed once: each use
 * then hashes two SHA-256 blocks fewer than a {@code javax.crypto.Mac}, which hashes both pads
 * again for every value. The output is the same, byte for byte; instances are immutable and
 * safe to share between threads.
 */
final class Hmac {
    private static final int BLOCK = 64;
    private static final MessageDigest SHA256 = sha256();

    private final MessageDigest inner;
    private final MessageDigest outer;

    Hmac(byte[] key) {
        byte[] k = key.length > BLOCK ? fresh().digest(key) : key;
        byte[] ipad = new byte[BLOCK];
        byte[] opad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        inner = fresh();
        inner.update(ipad);
        outer = fresh();
        outer.update(opad);
        Arrays.fill(ipad, (byte) 0);
        Arrays.fill(opad, (byte) 0);
    }

    /** The HMAC of {@code data}. */
    byte[] of(byte[] data) {
        MessageDigest md = started();
        md.update(data);
        return finish(md);
    }

    /** The HMAC of the parts' UTF-8 bytes, each followed by a zero byte (no two lists of parts collide). */
    byte[] ofParts(String... parts) {
        MessageDigest md = started();
        for (String part : parts) {
            md.update(part.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return finish(md);
    }

    /**
     * PBKDF2-HMAC-SHA256 (RFC 8018) of this key as the password, one 32-byte block: the same as
     * {@code SecretKeyFactory "PBKDF2WithHmacSHA256"} with a 256-bit key, at two SHA-256 blocks per
     * iteration instead of four.
     */
    byte[] pbkdf2(byte[] salt, int iterations) {
        MessageDigest md = started();
        md.update(salt);
        md.update(new byte[] {0, 0, 0, 1});
        byte[] u = finish(md);
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            md = started();
            md.update(u);
            u = finish(md);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        return t;
    }

    private MessageDigest started() {
        return copy(inner);
    }

    private byte[] finish(MessageDigest started) {
        byte[] innerHash = started.digest();
        MessageDigest md = copy(outer);
        md.update(innerHash);
        return md.digest();
    }

    private static MessageDigest fresh() {
        return copy(SHA256);
    }

    private static MessageDigest copy(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of every Java runtime can be cloned", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
