package dev.tlctl.secret;

/**
 * What tlctl kept of a value without keeping the value: it tells whether a candidate is that
 * value, and nothing else. A {@link Fingerprint} (salted, local), or a keyed fingerprint of a
 * shared record ({@link RecordKey}).
 */
public interface Witness {
    /** Whether {@code value} is the value witnessed. */
    boolean matches(String value);

    /** Whether {@code secret} is the value witnessed. */
    default boolean matches(Secret secret) {
        return matches(secret.reveal());
    }
}
