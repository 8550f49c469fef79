package dev.tlctl.cli;

/**
 * A failure a command reports to the user: a short summary and a detail in full sentences,
 * ending the command with an exit code. Never carries a secret value.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String detail;

    public CliException(int exitCode, String summary, String detail) {
        super(summary);
        this.exitCode = exitCode;
        this.detail = detail;
    }

    public CliException(int exitCode, String summary, String detail, Throwable cause) {
        super(summary, cause);
        this.exitCode = exitCode;
        this.detail = detail;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Full sentences: what was found, what was expected, what to do; may be null. */
    public String detail() {
        return detail;
    }
}
