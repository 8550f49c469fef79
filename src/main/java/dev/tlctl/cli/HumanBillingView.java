package dev.tlctl.cli;

import dev.tlctl.audit.BillingReport;
import dev.tlctl.audit.Check;
import dev.tlctl.cli.BillingTable.Row;
import dev.tlctl.reconcile.BillingResult;
import java.io.PrintStream;
import java.util.List;

/**
 * Billing for people: the period and limits, an aligned table (labels left, figures right;
 * environments and their services indented, top spenders first), what is an estimate, and the
 * checks that fail; {@code billing check} prints one line per failing check and a summary.
 */
final class HumanBillingView implements BillingView {
    /** The width of the explanatory paragraph; tables and check lines are not wrapped (CI logs keep lines whole). */
    static final int WIDTH = 100;

    private final PrintStream out;
    private final Style style;

    HumanBillingView(PrintStream out, Style style) {
        this.out = out;
        this.style = style;
    }

    @Override
    public void report(BillingResult result) {
        BillingReport r = result.report();
        out.println("Billing of " + Printable.of(BillingTable.title(result)));
        out.println(BillingTable.period(r));
        out.println(BillingTable.limits(r));
        out.println();
        table(BillingTable.rows(result));
        out.println();
        wrap(BillingTable.estimates(r)).forEach(out::println);
        out.println();
        List<Check> failed = r.failures();
        if (failed.isEmpty()) {
            out.println(style.green("All " + r.checks().size() + " checks of tlctl billing check pass."));
        } else {
            out.println(style.red(failed.size() + " of " + r.checks().size() + " checks fail")
                    + " (tlctl billing check exits 3):");
            failed.forEach(c -> out.println("  - " + Printable.of(c.line())));
        }
    }

    @Override
    public void check(BillingResult result) {
        BillingReport r = result.report();
        List<Check> failed = r.failures();
        failed.forEach(c -> out.println(style.red("FAIL") + " " + Printable.of(c.line())));
        if (failed.isEmpty()) {
            out.println(style.green("Billing check passed: " + r.checks().size() + " checks.") + " "
                    + BillingTable.spendSummary(r));
        } else {
            out.println(style.red("Billing check failed: " + failed.size() + " of " + r.checks().size() + " checks.")
                    + " " + BillingTable.spendSummary(r));
        }
    }

    /**
     * Labels left-aligned and indented by depth, figures right-aligned under their headers. Names
     * come from Railway: control characters are shown escaped, never sent to the terminal.
     */
    private void table(List<Row> rows) {
        int label = rows.stream().mapToInt(r -> 2 * r.depth() + Printable.of(r.label()).length()).max().orElse(0);
        int[] widths = new int[BillingTable.HEADERS.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = BillingTable.HEADERS.get(i).length();
        }
        for (Row r : rows) {
            List<String> cells = cells(r);
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        StringBuilder header = new StringBuilder(" ".repeat(label));
        for (int i = 0; i < widths.length; i++) {
            header.append("  ").append(left(BillingTable.HEADERS.get(i), widths[i]));
        }
        out.println(style.bold(header.toString().stripTrailing()));
        for (Row r : rows) {
            StringBuilder line = new StringBuilder(pad("  ".repeat(r.depth()) + Printable.of(r.label()), label));
            List<String> cells = cells(r);
            for (int i = 0; i < widths.length; i++) {
                line.append("  ").append(left(cells.get(i), widths[i]));
            }
            out.println(line);
        }
    }

    /** A paragraph in lines of at most {@link #WIDTH} characters, broken between words. */
    static List<String> wrap(String text) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() == 0 ? "" : " ").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static List<String> cells(Row r) {
        return List.of(r.spent(), r.projected(), r.ofSoft(), r.ofHard());
    }

    /** Right-aligned in {@code width}. */
    private static String left(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
