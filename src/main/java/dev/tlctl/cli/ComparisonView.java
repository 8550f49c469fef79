package dev.tlctl.cli;

import dev.tlctl.audit.Comparison;
import dev.tlctl.audit.Difference;
import dev.tlctl.secret.Shown;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code tlctl drift --compare LEFT RIGHT}: what the spec does not declare first (risks at the top
 * of each service's table), then what it declares, for people; one JSON document; or Markdown.
 * Secret values are never shown, equal ones included: a risk names the two addresses only.
 */
final class ComparisonView {
    private static final String SHARED = "shared variables";

    private final PrintStream out;
    private final Style style;
    private final OutputOptions.Format format;
    private final boolean showValues;

    ComparisonView(BaseCommand command, OutputOptions options) {
        this.out = command.context().out();
        this.style = command.style();
        this.format = options.format();
        this.showValues = options.showValues;
    }

    void render(Comparison comparison, boolean undeclaredOnly) {
        Comparison shown = undeclaredOnly ? comparison.undeclaredOnly() : comparison;
        switch (format) {
            case JSON -> out.println(Json.write(AuditDocuments.comparison(shown, showValues)));
            case MARKDOWN -> markdown(shown, comparison, undeclaredOnly);
            case HUMAN -> human(shown, comparison, undeclaredOnly);
        }
    }

    private void human(Comparison shown, Comparison all, boolean undeclaredOnly) {
        out.println(style.bold(shown.left() + " vs " + shown.right()) + " in project " + shown.project());
        List<Difference> undeclared = shown.differences().stream().filter(d -> !d.declared()).toList();
        List<Difference> declared = shown.differences().stream().filter(Difference::declared).toList();
        if (shown.differences().isEmpty()) {
            out.println();
            out.println(style.green(undeclaredOnly ? "No undeclared differences." : "No differences."));
        }
        section("Not declared in the spec:", undeclared, shown);
        section("Declared in the spec (expected):", declared, shown);
        if (!shown.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            shown.notes().forEach(n -> out.println("  - " + Printable.of(n)));
        }
        out.println();
        out.println(summary(all, undeclaredOnly));
    }

    private void section(String title, List<Difference> differences, Comparison c) {
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
            group.getValue().forEach(d -> table.row(what(d), left(d), right(d), finding(d, c)));
            table.print(out, "    ", style);
        }
    }

    private void markdown(Comparison shown, Comparison all, boolean undeclaredOnly) {
        out.println("### tlctl drift --compare: " + Table.markdownCell(shown.left()) + " vs "
                + Table.markdownCell(shown.right()) + " (" + Table.markdownCell(shown.project()) + ")");
        out.println();
        if (!shown.differences().isEmpty()) {
            Table table = new Table("Service", "What", shown.left(), shown.right(), "Finding", "Declared");
            shown.differences().forEach(d -> table.row(d.service() == null ? "(shared)" : d.service(), what(d), left(d),
                    right(d), finding(d, shown), d.declared() ? "yes" : "no"));
            out.print(table.markdown());
            out.println();
        }
        shown.notes().forEach(n -> out.println("> " + Table.markdownCell(n)));
        if (!shown.notes().isEmpty()) {
            out.println();
        }
        out.println("**" + summary(all, undeclaredOnly) + "**");
    }

    private static String what(Difference d) {
        return switch (d.subject()) {
            case INSTANCE -> "instance";
            case SETTING -> "setting " + d.name();
            case VARIABLE -> "variable " + d.name();
        };
    }

    private String left(Difference d) {
        return side(d.leftAddress(), d.left(), d);
    }

    private String right(Difference d) {
        return side(d.rightAddress(), d.right(), d);
    }

    private String side(String address, Object value, Difference d) {
        if (address == null) {
            return "-";
        }
        if (d.subject() == Difference.Subject.INSTANCE) {
            return "exists";
        }
        Shown shown = Shows.value(value, d.sensitive(), showValues);
        if (shown.isNone()) {
            // A risk holds no value at all, only that both sides hold the same secret.
            return d.sensitive() ? Shown.MASKED.text() : "(not set)";
        }
        return shown.text();
    }

    private static String finding(Difference d, Comparison c) {
        return switch (d.type()) {
            case ONLY_LEFT -> "only in " + c.left();
            case ONLY_RIGHT -> "only in " + c.right();
            case DIFFERENT -> "differs" + (d.detail() == null ? "" : " (" + d.detail() + ")");
            case SHADOWS -> d.detail();
            case SAME_SECRET -> "RISK: " + d.detail();
        };
    }

    private static String summary(Comparison all, boolean undeclaredOnly) {
        long risks = all.risks();
        long undeclared = all.differences().stream().filter(d -> !d.declared() && !d.risk()).count();
        long declared = all.differences().stream().filter(d -> d.declared() && !d.risk()).count();
        return "Compare " + all.left() + " vs " + all.right() + ": " + risks + (risks == 1 ? " risk, " : " risks, ")
                + undeclared + (undeclared == 1 ? " difference" : " differences") + " not declared in the spec, "
                + declared + " declared"
                + (undeclaredOnly && declared > 0 ? " (not shown: --undeclared-only)" : "") + ".";
    }
}
