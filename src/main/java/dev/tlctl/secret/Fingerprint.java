package dev.tlctl.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A keyed hash of a secret value: HMAC-SHA256 with a random salt that travels beside it, so that a
 * saved plan or a local record can tell whether a secret changed without holding it, and two
 * fingerprints of the same value under different salts cannot be matched. The text form is
 * {@code hmac-sha256:<salt base64>:<hex>}.
 */
public record Fingerprint(byte[] salt, byte[] hash) implements Witness {
    private static final String PREFIX = "hmac-sha256:";
    private static final SecureRandom RANDOM = new SecureRandom();

    public Fingerprint {
        salt = salt.clone();
        hash = hash.clone();
    }

    /** Fingerprints {@code value} under {@code salt}. */
    public static Fingerprint of(String value, byte[] salt) {
        return under(salt).apply(value);
    }

    /**
     * Fingerprints of many values under one salt, the HMAC's key set up once (two SHA-256 blocks
     * that {@link #of} hashes again for every value).
     */
    public static java.util.function.Function<String, Fingerprint> under(byte[] salt) {
        Hmac hmac = new Hmac(salt);
        byte[] copy = salt.clone();
        return value -> new Fingerprint(copy, hmac.of(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new random 16-byte salt. */
    public static byte[] newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return salt;
    }

    /** Whether {@code value} has this fingerprint (same salt), compared in constant time. */
    @Override
    public boolean matches(String value) {
        return MessageDigest.isEqual(hash, of(value, salt).hash);
    }

    /** Whether {@code secret} has this fingerprint. */
    @Override
    public boolean matches(Secret secret) {
        return matches(secret.reveal());
    }

    /** Parses the text form; throws {@link IllegalArgumentException} naming what is wrong. */
    public static Fingerprint parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a fingerprint starts with '" + PREFIX + "'");
        }
        String[] parts = text.substring(PREFIX.length()).split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a fingerprint is hmac-sha256:<salt>:<hash>");
        }
        try {
            return new Fingerprint(Base64.getDecoder().decode(parts[0]), HexFormat.of().parseHex(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a fingerprint has a base64 salt and a hex hash", e);
        }
    }

    /** The text form, safe to store and print. */
    public String text() {
        return PREFIX + Base64.getEncoder().encodeToString(salt) + ":" + HexFormat.of().formatHex(hash);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Fingerprint that
                && MessageDigest.isEqual(salt, that.salt)
                && MessageDigest.isEqual(hash, that.hash);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return text();
    }
}
