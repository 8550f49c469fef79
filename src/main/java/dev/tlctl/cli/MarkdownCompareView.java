package dev.tlctl.cli;

import dev.tlctl.reconcile.CompareResult;
import java.io.PrintStream;

/** {@code drift --compare --output markdown}: a heading, one table of differences, notes and the summary. */
final class MarkdownCompareView implements CompareView {
    private final PrintStream out;
    private final CompareRows rows;

    MarkdownCompareView(Terminal terminal, boolean showValues) {
        this.out = terminal.out();
        this.rows = new CompareRows(showValues);
    }

    @Override
    public void render(CompareResult c) {
        out.println("### tlctl drift --compare: " + Table.markdownCell(c.left()) + " vs "
                + Table.markdownCell(c.right()) + " (" + Table.markdownCell(c.project()) + ")");
        out.println();
        if (!c.differences().isEmpty()) {
            Table table = new Table("Service", "What", c.left(), c.right(), "Finding", "Declared");
            c.differences().forEach(d -> table.row(d.service() == null ? "(shared)" : d.service(), CompareRows.what(d),
                    rows.left(d), rows.right(d), CompareRows.finding(d, c), d.declared() ? "yes" : "no"));
            out.print(table.markdown());
            out.println();
        }
        c.notes().forEach(n -> out.println("> " + Table.markdownCell(n)));
        if (!c.notes().isEmpty()) {
            out.println();
        }
        out.println("**" + CompareRows.summary(c) + "**");
    }
}
