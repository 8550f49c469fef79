package dev.tlctl.cli;

import dev.tlctl.audit.DriftFinding;
import dev.tlctl.audit.DriftFinding.Side;
import dev.tlctl.audit.DriftReport;
import dev.tlctl.plan.Address;
import dev.tlctl.reconcile.DriftResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tlctl drift} for people (a table per environment and service, then a one-line summary),
 * as one JSON document, or as Markdown. Secrets are never shown; other variable values only with
 * {@code --show-values}; settings always. The spec's warnings go to stderr.
 */
final class DriftView {
    private static final String PROJECT_GROUP = "project";
    private static final String SHARED = "shared variables";

    private final PrintStream out;
    private final PrintStream err;
    private final Style style;
    private final OutputOptions.Format format;
    private final boolean showValues;

    DriftView(BaseCommand command, OutputOptions options) {
        this.out = command.context().out();
        this.err = command.context().err();
        this.style = command.style();
        this.format = options.format();
        this.showValues = options.showValues;
    }

    void render(DriftResult result) {
        DriftReport report = result.report();
        switch (format) {
            case JSON -> out.println(Json.write(AuditDocuments.drift(result, showValues)));
            case MARKDOWN -> {
                Diagnostics.print(err, Style.plain(), result.planned().warnings());
                markdown(report);
            }
            case HUMAN -> {
                Diagnostics.print(err, style, result.planned().warnings());
                human(report);
            }
        }
    }

    private void human(DriftReport report) {
        String scope = " (" + String.join(", ", report.environments()) + ")";
        if (!report.drifted()) {
            out.println(style.green("No drift.") + " Railway matches the spec for project " + report.project() + scope + ".");
        } else {
            out.println("Drift in project " + report.project() + scope + ": " + (report.findings().isEmpty()
                    ? "Railway matches the spec, but an environment holds another's secret." : "Railway and the spec differ."));
            for (Map.Entry<String, Map<String, List<DriftFinding>>> group : groups(report).entrySet()) {
                out.println();
                out.println("  " + style.bold(Printable.of(group.getKey())));
                boolean first = true;
                for (Map.Entry<String, List<DriftFinding>> table : group.getValue().entrySet()) {
                    if (!first) {
                        out.println();
                    }
                    first = false;
                    String indent = "    ";
                    if (!table.getKey().isEmpty()) {
                        out.println("    " + Printable.of(table.getKey()));
                        indent = "      ";
                    }
                    Table rows = new Table("WHAT", "RAILWAY", "YAML", "FINDING");
                    table.getValue().forEach(f -> rows.row(what(f.address()), railway(f), spec(f), finding(f)));
                    rows.print(out, indent, style);
                }
            }
        }
        if (!report.risks().isEmpty()) {
            out.println();
            out.println(style.red("Risks") + " (one environment reading another's resource):");
            report.risks().forEach(r -> out.println("  RISK: " + Printable.of(r.detail())));
        }
        if (!report.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            report.notes().forEach(n -> out.println("  - " + Printable.of(n)));
        }
        if (report.drifted() || report.ignored() > 0) {
            out.println();
            out.println(summary(report));
        }
    }

    private void markdown(DriftReport report) {
        out.println("### tlctl drift: " + Table.markdownCell(report.project()) + " ("
                + Table.markdownCell(String.join(", ", report.environments())) + ")");
        out.println();
        if (report.drifted()) {
            Table table = new Table("Address", "Railway", "YAML", "Finding");
            report.findings().forEach(f -> table.row(f.address().text(), railway(f), spec(f), finding(f)));
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
        out.println("**" + summary(report) + "**");
    }

    /** Project-wide findings first, then per environment; within one, per service, shared variables last. */
    private static Map<String, Map<String, List<DriftFinding>>> groups(DriftReport report) {
        Map<String, Map<String, List<DriftFinding>>> groups = new LinkedHashMap<>();
        for (DriftFinding f : report.findings()) {
            Address a = f.address();
            String group = a.environment() == null ? PROJECT_GROUP : a.environment();
            String table = switch (a.kind()) {
                case INSTANCE, SETTING, VARIABLE -> a.service();
                case SHARED_VARIABLE -> SHARED;
                default -> "";
            };
            groups.computeIfAbsent(group, k -> new LinkedHashMap<>()).computeIfAbsent(table, k -> new ArrayList<>()).add(f);
        }
        return groups;
    }

    private static String what(Address a) {
        return switch (a.kind()) {
            case PROJECT -> "project";
            case SERVICE -> "service " + a.service();
            case ENVIRONMENT -> "environment";
            case INSTANCE -> "instance";
            case SETTING -> "setting " + a.name();
            case VARIABLE, SHARED_VARIABLE -> "variable " + a.name();
            case USAGE_LIMIT -> "usage limit";
            case VOLUME -> "volume " + a.name();
        };
    }

    private String railway(DriftFinding f) {
        return value(Shows.value(f.railway(), f.sensitive(), showValues), f.side() != Side.ONLY_IN_SPEC, f);
    }

    private String spec(DriftFinding f) {
        return value(Shows.value(f.spec(), f.sensitive(), showValues), f.side() != Side.ONLY_ON_RAILWAY, f);
    }

    /** A side's value; for what has no value (a service, an instance), whether it exists there. */
    private static String value(dev.tlctl.secret.Shown shown, boolean present, DriftFinding f) {
        if (!shown.isNone()) {
            return shown.text();
        }
        if (!present) {
            return "-";
        }
        boolean valued = f.address().kind() == Address.Kind.SETTING || f.address().isVariable();
        return valued ? "(sealed)" : "exists";
    }

    private static String finding(DriftFinding f) {
        return f.explanation() + (f.detail() == null ? "" : "; " + f.detail());
    }

    private static String summary(DriftReport report) {
        int n = report.findings().size();
        String ignored = report.ignored() == 0 ? "" : "; " + report.ignored() + " ignored by drift.ignore";
        int r = report.risks().size();
        if (r > 0) {
            ignored = "; " + r + (r == 1 ? " risk" : " risks") + ignored;
        }
        if (n == 0) {
            return "Drift: " + (r == 0 ? "none" : "no differences") + ignored + ".";
        }
        return "Drift: " + n + (n == 1 ? " difference" : " differences") + " (" + report.count(Side.ONLY_ON_RAILWAY)
                + " on Railway only, " + report.count(Side.ONLY_IN_SPEC) + " in the YAML only, "
                + report.count(Side.DIFFERENT) + " different)" + ignored + ".";
    }
}
