package dev.tlctl.railway;

/**
 * tlctl waited as long as it allows for Railway (a creation quota, an object Railway had not made
 * visible yet) and gave up, or was interrupted while waiting: the message says what, for how
 * long, and what was done. Never holds a secret.
 */
public final class WaitGaveUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WaitGaveUpException(String message) {
        super(message);
    }
}
