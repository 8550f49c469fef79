package dev.tlctl.cli;

import dev.tlctl.audit.BillingReport;
import dev.tlctl.audit.Check;
import dev.tlctl.cli.BillingTable.Row;
import dev.tlctl.reconcile.BillingResult;
import java.io.PrintStream;
import java.util.List;

/**
 * Billing as GitHub-flavoured Markdown, for a pull-request comment or a job summary
 * ({@code >> $GITHUB_STEP_SUMMARY}): a heading, the period and limits, one table, the checks that
 * fail, and what is an estimate. {@code billing} and {@code billing check} print the same.
 */
final class MarkdownBillingView implements BillingView {
    private final PrintStream out;

    MarkdownBillingView(PrintStream out) {
        this.out = out;
    }

    @Override
    public void report(BillingResult result) {
        BillingReport r = result.report();
        out.println("### Billing of " + cell(BillingTable.title(result)));
        out.println();
        out.println(cell(BillingTable.period(r)) + ". " + cell(BillingTable.limits(r)) + ".");
        out.println();
        out.println("| | " + String.join(" | ", BillingTable.HEADERS) + " |");
        out.println("| :--- | ---: | ---: | ---: | ---: |");
        for (Row row : BillingTable.rows(result)) {
            String label = row.depth() == 2 ? row.environment() + " / " + row.label() : row.label();
            out.println("| " + cell(label) + " | " + row.spent() + " | " + row.projected() + " | " + row.ofSoft() + " | "
                    + row.ofHard() + " |");
        }
        out.println();
        List<Check> failed = r.failures();
        if (failed.isEmpty()) {
            out.println("**All " + r.checks().size() + " checks pass.** " + cell(BillingTable.spendSummary(r)));
        } else {
            out.println("**" + failed.size() + " of " + r.checks().size() + " checks fail:**");
            out.println();
            failed.forEach(c -> out.println("- " + cell(c.line())));
        }
        out.println();
        out.println("_" + cell(BillingTable.estimates(r)) + "_");
    }

    @Override
    public void check(BillingResult result) {
        report(result);
    }

    /** Text safe in a table cell or a line (names come from Railway): {@link Table#markdownCell}. */
    static String cell(String text) {
        return Table.markdownCell(text);
    }
}
