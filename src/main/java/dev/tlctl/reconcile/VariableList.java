package dev.tlctl.reconcile;

import dev.tlctl.audit.ListedVariable;
import java.util.List;

/** The live variables of one environment, and one service when {@code service} is not null. */
public record VariableList(String project, String environment, String service, List<ListedVariable> variables) {
    public VariableList {
        variables = List.copyOf(variables);
    }
}
