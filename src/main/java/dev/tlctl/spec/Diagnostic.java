package dev.tlctl.spec;

/**
 * One problem found in the spec: a short summary, a detail in full sentences (what was found,
 * what was expected, what to do) and the location. Never holds a secret value.
 *
 * @param cause what kind of problem, for the outcome it leads to: a file that cannot be read, YAML
 *     that is not YAML, values the spec references that are not set, or anything else
 */
public record Diagnostic(Severity severity, Location location, String summary, String detail, Cause cause) {

    /** How bad a diagnostic is: an error makes the spec invalid; a warning does not; a note only informs. */
    public enum Severity { ERROR, WARNING, NOTE }

    /** What kind of problem it is. */
    public enum Cause {
        /** The spec file (or an env file) is missing or cannot be read. */
        NO_INPUT,
        /** The YAML itself is broken (syntax, encoding). */
        SYNTAX,
        /** A value the spec references ({@code ${env:...}}, {@code ${file:...}}) is not set or not there. */
        MISSING_VALUE,
        /** Anything else: structure, types, names, Railway's rules. */
        INVALID
    }

    public Diagnostic {
        cause = cause == null ? Cause.INVALID : cause;
    }

    public Diagnostic(Severity severity, Location location, String summary, String detail) {
        this(severity, location, summary, detail, Cause.INVALID);
    }

    public static Diagnostic error(Location location, String summary, String detail) {
        return new Diagnostic(Severity.ERROR, location, summary, detail, Cause.INVALID);
    }

    public static Diagnostic error(Cause cause, Location location, String summary, String detail) {
        return new Diagnostic(Severity.ERROR, location, summary, detail, cause);
    }

    public static Diagnostic warning(Location location, String summary, String detail) {
        return new Diagnostic(Severity.WARNING, location, summary, detail, Cause.INVALID);
    }

    /** The same diagnostic as an error (what {@code --strict} makes of a warning). */
    public Diagnostic asError() {
        return new Diagnostic(Severity.ERROR, location, summary, detail, cause);
    }

    /** The same diagnostic as a note: said, but no problem (values {@code validate} does not need). */
    public Diagnostic asNote() {
        return new Diagnostic(Severity.NOTE, location, summary, detail, cause);
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped through method
    // handles on first use, which costs every validate start-up (Problems keeps a set of these).
    @Override
    public boolean equals(Object other) {
        return other instanceof Diagnostic o && severity == o.severity && cause == o.cause
                && java.util.Objects.equals(location, o.location) && java.util.Objects.equals(summary, o.summary)
                && java.util.Objects.equals(detail, o.detail);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(severity, location, summary, detail, cause);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The compiler-style form: {@code tl-engine.yaml:12:7: error: services.api.deploy: summary},
     * then the detail indented on the next lines.
     */
    public String format() {
        StringBuilder out = new StringBuilder(location.position()).append(": ")
                .append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
        if (!location.path().isEmpty()) {
            out.append(location.path()).append(": ");
        }
        out.append(summary);
        if (detail != null && !detail.isEmpty()) {
            out.append("\n    ").append(detail.replace("\n", "\n    "));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
