package dev.tlctl.sandbox;

/**
 * A request the sandbox refuses: inside GraphQL its message becomes the error's message, word for
 * word (so "Not Authorized" reads as on Railway); from the Java API it says what was missing.
 */
public final class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Railway's message for a missing, unknown or insufficient token. */
    static final String NOT_AUTHORIZED = "Not Authorized";

    public SandboxException(String message) {
        super(message);
    }

    static SandboxException notAuthorized() {
        return new SandboxException(NOT_AUTHORIZED);
    }
}
