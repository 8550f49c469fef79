package dev.tlctl.reconcile;

/**
 * The workflow refused or could not go on: a short summary and a detail in full sentences (what
 * was found, what was expected, what to do). Never holds a secret value.
 */
public final class ReconcileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whose mistake it is, for the exit code. */
    public enum Kind {
        /** The request itself cannot be carried out as given (an unknown environment, a missing flag). */
        USAGE,
        /** The request is refused, or the world is not as it must be (a stale saved plan). */
        REFUSED
    }

    private final Kind kind;
    private final String detail;

    public ReconcileException(Kind kind, String summary, String detail) {
        super(summary);
        this.kind = kind;
        this.detail = detail;
    }

    public ReconcileException(Kind kind, String summary, String detail, Throwable cause) {
        super(summary, cause);
        this.kind = kind;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** Full sentences; may be null. */
    public String detail() {
        return detail;
    }
}
