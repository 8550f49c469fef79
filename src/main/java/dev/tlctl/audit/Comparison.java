package dev.tlctl.audit;

import java.util.List;

/**
 * Two live environments side by side: their differences (per service, then shared variables),
 * risks first within each, and notes on what could only be compared by name.
 */
public record Comparison(String project, String left, String right, List<Difference> differences, List<String> notes) {
    public Comparison {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    /** The differences the spec does not declare, risks included. */
    public List<Difference> undeclared() {
        return differences.stream().filter(d -> !d.declared()).toList();
    }

    /** Only the differences the spec does not declare. */
    public Comparison undeclaredOnly() {
        return new Comparison(project, left, right, undeclared(), notes);
    }

    public long risks() {
        return differences.stream().filter(Difference::risk).count();
    }

    /** Whether anything differs that the spec does not declare, or any risk. */
    public boolean hasFindings() {
        return differences.stream().anyMatch(d -> !d.declared() || d.risk());
    }
}
