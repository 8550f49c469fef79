package dev.tlctl.sandbox;

/**
 * A request the sandbox refuses: inside GraphQL its message becomes the error's message, word for
 * word (so "Not Authorized" reads as on Railway); from the Java API it says what was missing.
 */
public final class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Railway's message for a missing, unknown or insufficient token. */
    static final String NOT_AUTHORIZED = "Not Authorized";
    /** Railway's message for an unknown Project-Access-Token (the text its CLI looks for). */
    static final String PROJECT_TOKEN_NOT_FOUND = "Project Token not found";

    /**
     * Railway's {@code extensions.code} of a business error (a refused create, a missing object):
     * what its answers carry inside HTTP 200 (API-NOTES section 8).
     */
    static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

    /** Railway's {@code extensions.code} of the GraphQL error, or null for none. */
    private final String code;

    public SandboxException(String message) {
        this(message, null);
    }

    SandboxException(String message, String code) {
        super(message);
        this.code = code;
    }

    /** The error's {@code extensions.code} (such as STALE_ENVIRONMENT_BASE), or null. */
    public String code() {
        return code;
    }

    static SandboxException notAuthorized() {
        return new SandboxException(NOT_AUTHORIZED);
    }
}
