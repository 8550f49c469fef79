package dev.tlctl.railway;

/**
 * tlctl could not decide which workspace or project to work on from what Railway answered: several
 * candidates, none, or a token that points elsewhere. The message says what was found and how to
 * choose; it never holds a token.
 */
public final class LookupException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String detail;

    LookupException(String summary, String detail) {
        super(summary);
        this.detail = detail;
    }

    /** Full sentences: what was found and what to do. */
    public String detail() {
        return detail;
    }
}
