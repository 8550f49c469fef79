package dev.tlctl.railway;

/**
 * A create whose outcome stayed unknown was sent as often as one apply allows and never confirmed:
 * the message says what, how often, for how long, and the last failure. Never holds a secret.
 */
public final class CreateGaveUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CreateGaveUpException(String message, Throwable cause) {
        super(message, cause);
    }
}
