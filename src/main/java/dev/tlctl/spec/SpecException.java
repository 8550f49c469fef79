package dev.tlctl.spec;

import java.util.List;
import java.util.stream.Collectors;

/** The spec is invalid: every problem found, all at once, in file and line order. */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public SpecException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().filter(Diagnostic::isError).count() + " problem(s) in the spec");
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** Errors and warnings, sorted by file, line and column. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).collect(Collectors.toList());
    }

    /**
     * The outcome the errors lead to: no input (a file missing or unreadable) first, then broken
     * YAML, then missing values when they are the only errors, else an invalid spec.
     */
    public Diagnostic.Cause cause() {
        List<Diagnostic> errors = errors();
        for (Diagnostic.Cause first : List.of(Diagnostic.Cause.NO_INPUT, Diagnostic.Cause.SYNTAX)) {
            if (errors.stream().anyMatch(d -> d.cause() == first)) {
                return first;
            }
        }
        if (!errors.isEmpty() && errors.stream().allMatch(d -> d.cause() == Diagnostic.Cause.MISSING_VALUE)) {
            return Diagnostic.Cause.MISSING_VALUE;
        }
        return Diagnostic.Cause.INVALID;
    }
}
