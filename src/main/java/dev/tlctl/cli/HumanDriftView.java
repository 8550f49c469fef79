package dev.tlctl.cli;

import dev.tlctl.audit.DriftFinding;
import dev.tlctl.audit.DriftReport;
import dev.tlctl.plan.Address;
import dev.tlctl.reconcile.DriftResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tlctl drift} for people: a table per environment and service (project-wide findings
 * first, shared variables last in each environment), risks, notes, then a one-line summary.
 */
final class HumanDriftView implements DriftView {
    private static final String PROJECT_GROUP = "project";
    private static final String SHARED = "shared variables";

    private final PrintStream out;
    private final PrintStream err;
    private final Style style;
    private final DriftRows rows;

    HumanDriftView(Terminal terminal, boolean showValues) {
        this.out = terminal.out();
        this.err = terminal.err();
        this.style = terminal.style();
        this.rows = new DriftRows(showValues);
    }

    @Override
    public void render(DriftResult result) {
        Diagnostics.print(err, style, result.planned().warnings());
        DriftReport report = result.report();
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
                    Table cells = new Table("WHAT", "RAILWAY", "YAML", "FINDING");
                    table.getValue().forEach(f -> cells.row(DriftRows.what(f.address()), rows.railway(f), rows.spec(f),
                            DriftRows.finding(f)));
                    cells.print(out, indent, style);
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
            out.println(DriftRows.summary(report));
        }
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
}
