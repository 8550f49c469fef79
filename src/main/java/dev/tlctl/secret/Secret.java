package dev.tlctl.secret;

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

    /**
     * Compares every character of this value whatever the other holds (as
     * {@code MessageDigest.isEqual} compares bytes): the time depends on this value's length only,
     * not on where the two differ. Characters, not encoded bytes, so that nothing is allocated (a
     * plan compares a hundred thousand values) and two values differing only in unpaired surrogates
     * differ.
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Secret that)) {
            return false;
        }
        String mine = value;
        String theirs = that.value;
        int length = mine.length();
        int theirLength = theirs.length();
        int difference = length ^ theirLength;
        for (int i = 0; i < length; i++) {
            // Past the end of the other value, its first character stands in (the difference in length already counts).
            int c = theirLength == 0 ? 0 : theirs.charAt(i < theirLength ? i : 0);
            difference |= mine.charAt(i) ^ c;
        }
        return difference == 0;
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
