package dev.tlctl.reconcile;

import dev.tlctl.audit.Comparison;
import dev.tlctl.audit.Difference;
import java.util.List;

/**
 * Two live environments side by side: the differences asked for (per service, then shared
 * variables, risks first within each), notes on what could only be compared by name, and the
 * tallies of every difference found, whatever was asked to be shown.
 *
 * @param undeclaredOnly whether {@code differences} holds only what the spec does not declare
 * @param total the tallies of every difference, those left out included
 */
public record CompareResult(String project, String left, String right, List<Difference> differences,
        List<String> notes, boolean undeclaredOnly, Tally total) {

    /** Risks (the same secret in both), and the other differences: not declared in the spec, and declared. */
    public record Tally(long risks, long undeclared, long declared) {
        static Tally of(List<Difference> differences) {
            long risks = differences.stream().filter(Difference::risk).count();
            long undeclared = differences.stream().filter(d -> !d.declared() && !d.risk()).count();
            return new Tally(risks, undeclared, differences.size() - risks - undeclared);
        }
    }

    public CompareResult {
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    static CompareResult of(Comparison all, boolean undeclaredOnly) {
        Comparison shown = undeclaredOnly ? all.undeclaredOnly() : all;
        return new CompareResult(all.project(), all.left(), all.right(), shown.differences(), all.notes(), undeclaredOnly,
                Tally.of(all.differences()));
    }

    /** The tallies of the differences held here. */
    public Tally shown() {
        return Tally.of(differences);
    }

    /** Whether anything differs that the spec does not declare, or any risk: drift's exit 2. */
    public boolean hasFindings() {
        return total.risks() + total.undeclared() > 0;
    }
}
