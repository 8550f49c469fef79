package dev.tlctl.cli;

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
    /** The spec is invalid. */
    public static final int SPEC_INVALID = 65;

    private ExitCodes() {}
}
