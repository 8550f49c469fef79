package dev.tlctl.cli;

import dev.tlctl.reconcile.ReconcileException;

/** The process exit codes of every tlctl command; documented in each command's help. */
public final class ExitCodes {
    /** Success: no changes, no drift. */
    public static final int OK = 0;
    /** An error talking to Railway, the network or the file system; a refused request. */
    public static final int ERROR = 1;
    /** Changes pending ({@code plan --detailed-exitcode}) or drift found. */
    public static final int CHANGES = 2;
    /** A check failed ({@code billing check}). */
    public static final int CHECK_FAILED = 3;
    /** A usage error: unknown option, bad argument. Not picocli's 2, which would read as "changes". */
    public static final int USAGE = 64;
    /** The spec is invalid, or is not valid YAML (sysexits' EX_DATAERR). */
    public static final int SPEC_INVALID = 65;
    /** The spec file (or an env file) is missing or cannot be read (EX_NOINPUT). */
    public static final int NO_INPUT = 66;
    /** No spec found: no {@code tl-engine.yaml} here or in a folder above (up to the repository's root), no {@code -f}. */
    public static final int NO_SPEC = 67;
    /** No Railway token, a malformed one, or one Railway refuses (EX_NOPERM). */
    public static final int NO_PERMISSION = 77;
    /** A value the spec references ({@code ${env:...}}, {@code ${file:...}}) is not set (EX_CONFIG). */
    public static final int MISSING_VALUE = 78;

    private ExitCodes() {}

    /** The exit code of a failure of the core, by its kind. */
    static int of(ReconcileException.Kind kind) {
        return switch (kind) {
            case USAGE -> USAGE;
            case REFUSED, RAILWAY, CONFLICT -> ERROR;
            case TOKEN -> NO_PERMISSION;
            case INVALID_SPEC -> SPEC_INVALID;
            case NO_INPUT -> NO_INPUT;
            case MISSING_VALUE -> MISSING_VALUE;
        };
    }
}
