package dev.tlctl.audit;

import java.util.List;

/**
 * What {@code tlctl drift} found: the differences between the spec and Railway in the environments
 * covered, in the order a plan shows them; how many matched {@code drift.ignore}; and notes for
 * what could not be compared.
 */
public record DriftReport(String project, List<String> environments, List<DriftFinding> findings, int ignored,
        List<String> notes) {

    public DriftReport {
        environments = List.copyOf(environments);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Whether anything differs (after {@code drift.ignore}). */
    public boolean drifted() {
        return !findings.isEmpty();
    }

    /** How many findings are on this side. */
    public long count(DriftFinding.Side side) {
        return findings.stream().filter(f -> f.side() == side).count();
    }
}
