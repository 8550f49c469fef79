package dev.tlctl.reconcile;

import dev.tlctl.spec.Diagnostic;
import java.util.List;

/**
 * Every failure that leaves the workflow: a kind (what went wrong, for the exit code), a short
 * summary, a detail in full sentences (what was found, what was expected, what to do), and for an
 * unusable spec its diagnostics. The lower layers' failures (the spec's, the client's, the
 * applier's) are translated into it inside this package ({@link Failures}), so that a front end
 * handles one type. Never holds a secret value.
 */
public final class ReconcileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, coarsely: whose mistake it is, and so the exit code. */
    public enum Kind {
        /** The request itself cannot be carried out as given (an unknown environment, a missing flag). */
        USAGE,
        /** The request is refused, or the world is not as it must be (a stale saved plan, a missing project). */
        REFUSED,
        /** Railway or the network failed: an error answer, retries exhausted, a project that cannot be found. */
        RAILWAY,
        /** Someone else changed the project after the plan read it; nothing was written. */
        CONFLICT,
        /** No token, a malformed one, or one Railway refuses (outright, or for an environment of the run). */
        TOKEN,
        /** The spec is invalid, or is not valid YAML. */
        INVALID_SPEC,
        /** The spec file or an env file cannot be read. */
        NO_INPUT,
        /** A value the spec references ({@code ${env:...}}, {@code ${file:...}}) is not set. */
        MISSING_VALUE
    }

    private final Kind kind;
    private final String detail;
    private final transient List<Diagnostic> diagnostics;

    public ReconcileException(Kind kind, String summary, String detail) {
        this(kind, summary, detail, null);
    }

    public ReconcileException(Kind kind, String summary, String detail, Throwable cause) {
        this(kind, summary, detail, List.of(), cause);
    }

    public ReconcileException(Kind kind, String summary, String detail, List<Diagnostic> diagnostics, Throwable cause) {
        super(summary, cause);
        this.kind = kind;
        this.detail = detail;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public Kind kind() {
        return kind;
    }

    /** Full sentences; may be null. */
    public String detail() {
        return detail;
    }

    /** Where the spec is wrong, file, line and path (empty unless the spec is the problem). */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
