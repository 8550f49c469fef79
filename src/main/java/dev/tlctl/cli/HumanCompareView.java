package dev.tlctl.cli;

import dev.tlctl.audit.Difference;
import dev.tlctl.reconcile.CompareResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code drift --compare} for people: what the spec does not declare first (risks at the top of
 * each service's table), then what it declares, notes, and a summary counting everything.
 */
final class HumanCompareView implements CompareView {
    private static final String SHARED = "shared variables";

    private final PrintStream out;
    private final Style style;
    private final CompareRows rows;

    HumanCompareView(Terminal terminal, boolean showValues) {
        this.out = terminal.out();
        this.style = terminal.style();
        this.rows = new CompareRows(showValues);
    }

    @Override
    public void render(CompareResult c) {
        out.println(style.bold(c.left() + " vs " + c.right()) + " in project " + c.project());
        List<Difference> undeclared = c.differences().stream().filter(d -> !d.declared()).toList();
        List<Difference> declared = c.differences().stream().filter(Difference::declared).toList();
        if (c.differences().isEmpty()) {
            out.println();
            out.println(style.green(c.undeclaredOnly() ? "No undeclared differences." : "No differences."));
        }
        section("Not declared in the spec:", undeclared, c);
        section("Declared in the spec (expected):", declared, c);
        if (!c.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            c.notes().forEach(n -> out.println("  - " + Printable.of(n)));
        }
        out.println();
        out.println(CompareRows.summary(c));
    }

    private void section(String title, List<Difference> differences, CompareResult c) {
        if (differences.isEmpty()) {
            return;
        }
        out.println();
        out.println(title);
        Map<String, List<Difference>> byService = new LinkedHashMap<>();
        differences.forEach(d -> byService.computeIfAbsent(d.service() == null ? SHARED : d.service(),
                k -> new ArrayList<>()).add(d));
        for (Map.Entry<String, List<Difference>> group : byService.entrySet()) {
            out.println();
            out.println("  " + style.bold(Printable.of(group.getKey())));
            Table table = new Table("WHAT", c.left().toUpperCase(Locale.ROOT), c.right().toUpperCase(Locale.ROOT), "FINDING");
            group.getValue().forEach(d -> table.row(CompareRows.what(d), rows.left(d), rows.right(d),
                    CompareRows.finding(d, c)));
            table.print(out, "    ", style);
        }
    }
}
