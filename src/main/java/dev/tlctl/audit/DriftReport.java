package dev.tlctl.audit;

import java.util.List;

/**
 * What {@code tlctl drift} found: the differences between the spec and Railway in the environments
 * covered, in the order a plan shows them; how many matched {@code drift.ignore}; notes for what
 * could not be compared; and the risks: an environment of the run holding a secret of another
 * environment (staging on production's {@code DATABASE_URL}) that the spec does not declare so.
 */
public record DriftReport(String project, List<String> environments, List<DriftFinding> findings, int ignored,
        List<String> notes, List<Risk> risks) {

    /** A secret at {@code address} with the same value as {@code other}'s, in another environment. */
    public record Risk(String address, String other) {
        public String detail() {
            return address + " holds the same secret value as " + other;
        }
    }

    public DriftReport {
        environments = List.copyOf(environments);
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        risks = List.copyOf(risks);
    }

    public DriftReport(String project, List<String> environments, List<DriftFinding> findings, int ignored,
            List<String> notes) {
        this(project, environments, findings, ignored, notes, List.of());
    }

    /** Whether anything differs or is at risk (after {@code drift.ignore}). */
    public boolean drifted() {
        return !findings.isEmpty() || !risks.isEmpty();
    }

    /** How many findings are on this side. */
    public long count(DriftFinding.Side side) {
        return findings.stream().filter(f -> f.side() == side).count();
    }
}
