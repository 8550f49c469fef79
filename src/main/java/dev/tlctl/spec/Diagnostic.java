package dev.tlctl.spec;

/**
 * One problem found in the spec: a short summary, a detail in full sentences (what was found,
 * what was expected, what to do) and the location. Never holds a secret value.
 */
public record Diagnostic(Severity severity, Location location, String summary, String detail) {

    /** How bad a diagnostic is: an error makes the spec invalid; a warning does not. */
    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(Location location, String summary, String detail) {
        return new Diagnostic(Severity.ERROR, location, summary, detail);
    }

    public static Diagnostic warning(Location location, String summary, String detail) {
        return new Diagnostic(Severity.WARNING, location, summary, detail);
    }

    /** The same diagnostic as an error (what {@code --strict} makes of a warning). */
    public Diagnostic asError() {
        return new Diagnostic(Severity.ERROR, location, summary, detail);
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
                .append(severity == Severity.ERROR ? "error" : "warning").append(": ");
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
