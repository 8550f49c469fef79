package dev.tlctl.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A sensitive string: a token, a password, a URL carrying credentials. {@link #toString()} never
 * shows it; only {@link #reveal()} does, and only code that must send the value to Railway calls
 * it. Equality compares values in constant time, so that plans can tell a changed secret
 * without printing it.
 */
public final class Secret {
    /** What every secret prints as. */
    public static final String MASK = "(sensitive)";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The plain value. Call it only to send it where it belongs, never to print it. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /** A salted fingerprint of the value, safe to store; see {@link Fingerprint}. */
    public Fingerprint fingerprint(byte[] salt) {
        return Fingerprint.of(value, salt);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        // A constant: a hash of the value would leak a little of it into hash-ordered output.
        return 0x5ec7e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
