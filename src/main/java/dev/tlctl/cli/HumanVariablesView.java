package dev.tlctl.cli;

import dev.tlctl.audit.ListedVariable;
import dev.tlctl.reconcile.VariablesResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code vars list} for people: a table per service, shared variables last, then the tallies. */
final class HumanVariablesView implements VariablesView {
    private static final String SHARED = "shared variables";

    private final PrintStream out;
    private final Style style;
    private final boolean showValues;

    HumanVariablesView(Terminal terminal, boolean showValues) {
        this.out = terminal.out();
        this.style = terminal.style();
        this.showValues = showValues;
    }

    @Override
    public void render(VariablesResult list) {
        out.println("Variables of " + style.bold(list.environment()) + " in project " + list.project()
                + (list.service() == null ? "" : ", service " + list.service()) + ":");
        Map<String, List<ListedVariable>> groups = new LinkedHashMap<>();
        list.variables().forEach(v -> groups.computeIfAbsent(v.service() == null ? SHARED : v.service(),
                k -> new ArrayList<>()).add(v));
        for (Map.Entry<String, List<ListedVariable>> group : groups.entrySet()) {
            out.println();
            out.println("  " + style.bold(Printable.of(group.getKey())));
            Table table = new Table("NAME", "ORIGIN", "VALUE");
            group.getValue().forEach(v -> table.row(v.name(), VariablesView.origin(v), VariablesView.value(v, showValues)));
            table.print(out, "    ", style);
        }
        out.println();
        out.println(VariablesView.summary(list));
    }
}
