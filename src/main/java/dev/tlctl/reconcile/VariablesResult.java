package dev.tlctl.reconcile;

import dev.tlctl.audit.ListedVariable;
import java.util.List;

/**
 * The live variables of one environment, and of one service only when {@code service} is not
 * null, each with its origin; with its tallies.
 */
public record VariablesResult(String project, String environment, String service, List<ListedVariable> variables) {
    public VariablesResult {
        variables = List.copyOf(variables);
    }

    /** How many the spec declares (the others are on Railway only). */
    public long declared() {
        return variables.stream().filter(ListedVariable::declared).count();
    }

    /** How many are secrets (never shown). */
    public long secrets() {
        return variables.stream().filter(ListedVariable::sensitive).count();
    }
}
