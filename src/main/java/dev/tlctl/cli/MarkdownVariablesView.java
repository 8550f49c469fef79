package dev.tlctl.cli;

import dev.tlctl.reconcile.VariablesResult;
import java.io.PrintStream;

/** {@code vars list --output markdown}: a heading, one table of every variable, and the tallies. */
final class MarkdownVariablesView implements VariablesView {
    private final PrintStream out;
    private final boolean showValues;

    MarkdownVariablesView(Terminal terminal, boolean showValues) {
        this.out = terminal.out();
        this.showValues = showValues;
    }

    @Override
    public void render(VariablesResult list) {
        out.println("### Variables of " + Table.markdownCell(list.environment()) + " ("
                + Table.markdownCell(list.project()) + ")");
        out.println();
        Table table = new Table("Service", "Name", "Origin", "Value");
        list.variables().forEach(v -> table.row(v.service() == null ? "(shared)" : v.service(), v.name(),
                VariablesView.origin(v), VariablesView.value(v, showValues)));
        out.print(table.markdown());
        out.println();
        out.println("**" + VariablesView.summary(list) + "**");
    }
}
