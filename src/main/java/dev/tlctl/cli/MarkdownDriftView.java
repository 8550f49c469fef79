package dev.tlctl.cli;

import dev.tlctl.audit.DriftReport;
import dev.tlctl.reconcile.DriftResult;
import java.io.PrintStream;

/** {@code drift --output markdown}: a heading, one table of findings, risks, notes and the summary, for a pull request. */
final class MarkdownDriftView implements DriftView {
    private final Terminal terminal;
    private final DriftRows rows;

    MarkdownDriftView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.rows = new DriftRows(showValues);
    }

    @Override
    public void render(DriftResult result) {
        Diagnostics.print(terminal.err(), terminal.style().uncoloured(), result.planned().warnings());
        DriftReport report = result.report();
        PrintStream out = terminal.out();
        out.println("### tlctl drift: " + Table.markdownCell(report.project()) + " ("
                + Table.markdownCell(String.join(", ", report.environments())) + ")");
        out.println();
        if (report.drifted()) {
            Table table = new Table("Address", "Railway", "YAML", "Finding");
            report.findings().forEach(f -> table.row(f.address().text(), rows.railway(f), rows.spec(f),
                    DriftRows.finding(f)));
            out.print(table.markdown());
            out.println();
        }
        report.risks().forEach(r -> out.println("- **RISK**: " + Table.markdownCell(r.detail())));
        if (!report.risks().isEmpty()) {
            out.println();
        }
        report.notes().forEach(n -> out.println("> " + Table.markdownCell(n)));
        if (!report.notes().isEmpty()) {
            out.println();
        }
        out.println("**" + DriftRows.summary(report) + "**");
    }
}
