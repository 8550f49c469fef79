package dev.tlctl.cli;

import dev.tlctl.audit.ListedVariable;
import dev.tlctl.reconcile.VariableList;
import dev.tlctl.secret.Shown;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code tlctl vars list}: a table per service (shared variables last), one JSON document, or Markdown. */
final class VariablesView {
    private static final String SHARED = "shared variables";

    private final PrintStream out;
    private final Style style;
    private final OutputOptions.Format format;
    private final boolean showValues;

    VariablesView(BaseCommand command, OutputOptions options) {
        this.out = command.context().out();
        this.style = command.style();
        this.format = options.format();
        this.showValues = options.showValues;
    }

    void render(VariableList list) {
        switch (format) {
            case JSON -> out.println(Json.write(AuditDocuments.variables(list, showValues)));
            case MARKDOWN -> {
                out.println("### Variables of " + Table.markdownCell(list.environment()) + " ("
                        + Table.markdownCell(list.project()) + ")");
                out.println();
                Table table = new Table("Service", "Name", "Origin", "Value");
                list.variables().forEach(v -> table.row(v.service() == null ? "(shared)" : v.service(), v.name(),
                        origin(v), value(v)));
                out.print(table.markdown());
                out.println();
                out.println("**" + summary(list) + "**");
            }
            case HUMAN -> human(list);
        }
    }

    private void human(VariableList list) {
        out.println("Variables of " + style.bold(list.environment()) + " in project " + list.project()
                + (list.service() == null ? "" : ", service " + list.service()) + ":");
        Map<String, List<ListedVariable>> groups = new LinkedHashMap<>();
        list.variables().forEach(v -> groups.computeIfAbsent(v.service() == null ? SHARED : v.service(),
                k -> new ArrayList<>()).add(v));
        for (Map.Entry<String, List<ListedVariable>> group : groups.entrySet()) {
            out.println();
            out.println("  " + style.bold(Printable.of(group.getKey())));
            Table table = new Table("NAME", "ORIGIN", "VALUE");
            group.getValue().forEach(v -> table.row(v.name(), origin(v), value(v)));
            table.print(out, "    ", style);
        }
        out.println();
        out.println(summary(list));
    }

    /** The value as shown; a value not asked for says how to ask. */
    private String value(ListedVariable v) {
        Shown shown = Shows.listed(v, showValues);
        return shown.form() == Shown.Form.HIDDEN ? "(hidden; --show-values shows it)" : shown.text();
    }

    private static String origin(ListedVariable v) {
        String origin = v.declared() ? "declared" : "Railway only";
        return switch (v.form()) {
            case REFERENCE -> origin + ", reference";
            case SEALED -> origin + ", sealed";
            default -> origin;
        };
    }

    private static String summary(VariableList list) {
        long declared = list.variables().stream().filter(ListedVariable::declared).count();
        long secrets = list.variables().stream().filter(ListedVariable::sensitive).count();
        int n = list.variables().size();
        return n + (n == 1 ? " variable: " : " variables: ") + declared + " declared, " + (n - declared)
                + " on Railway only; " + secrets + (secrets == 1 ? " secret" : " secrets") + " (never shown).";
    }
}
