package dev.tlctl.cli;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.Unmanaged;
import dev.tlctl.secret.Secret;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * A plan for people, in the style of terraform: {@code +}, {@code ~}, {@code -} with addresses,
 * grouped by environment, then what is unmanaged, notes, and a summary line. Secret values are
 * never shown: a secret reads "(sensitive)" and a changed one "(sensitive, changed)". Other
 * variable values only with {@code --show-values}; settings always.
 */
final class HumanPlanView {
    private final PrintStream out;
    private final Style style;
    private final boolean showValues;

    HumanPlanView(PrintStream out, Style style, boolean showValues) {
        this.out = out;
        this.style = style;
        this.showValues = showValues;
    }

    void render(Plan plan) {
        String project = plan.target().projectName();
        String where = plan.target().workspaceName() == null ? "" : " in workspace " + plan.target().workspaceName();
        if (plan.isEmpty()) {
            out.println(style.green("No changes.") + " Railway matches the spec for project " + project + where + ".");
        } else {
            out.println("tlctl will make these changes to project " + project + where + ":");
            String group = null;
            for (Change change : plan.changes()) {
                String g = groupOf(change.address());
                if (!Objects.equals(g, group)) {
                    out.println();
                    if (g != null) {
                        out.println("  " + style.bold(g));
                    }
                    group = g;
                }
                out.println("  " + line(change));
            }
        }
        List<Unmanaged> unmanaged = plan.unmanaged();
        if (!unmanaged.isEmpty()) {
            out.println();
            out.println("On Railway but not in the spec (left alone; --prune deletes them, never volumes):");
            for (Unmanaged u : unmanaged) {
                out.println("    " + u.address().text() + style.dim("  (" + u.note() + ")"));
            }
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            plan.notes().forEach(n -> out.println("  - " + n));
        }
        out.println();
        out.println(summary(plan));
    }

    static String summary(Plan plan) {
        return "Plan: " + plan.count(Action.CREATE) + " to create, " + plan.count(Action.UPDATE) + " to update, "
                + plan.count(Action.DELETE) + " to delete.";
    }

    private static String groupOf(Address address) {
        return address.environment();
    }

    String line(Change change) {
        String symbol = switch (change.action()) {
            case CREATE -> style.green("+");
            case UPDATE -> style.yellow("~");
            case DELETE -> style.red("-");
        };
        String text = symbol + " " + change.address().text() + values(change);
        if (change.note() != null) {
            text += style.dim("  (" + change.note() + ")");
        }
        return text;
    }

    private String values(Change change) {
        Address.Kind kind = change.address().kind();
        if (kind == Address.Kind.PROJECT) {
            return " " + change.after();
        }
        if (kind == Address.Kind.SERVICE || kind == Address.Kind.ENVIRONMENT
                || kind == Address.Kind.INSTANCE) {
            return "";
        }
        if (change.address().isVariable()) {
            String sealed = change.sealed() ? ", sealed" : "";
            if (change.sensitive()) {
                return change.action() == Action.UPDATE ? " (sensitive, changed" + sealed + ")" : " (sensitive" + sealed + ")";
            }
            if (!showValues) {
                return change.action() == Action.UPDATE ? " (value changed)" : "";
            }
        }
        return switch (change.action()) {
            case CREATE -> " = " + show(change.after());
            case UPDATE -> ": " + show(change.before()) + " -> " + show(change.after());
            case DELETE -> change.before() == null ? "" : " (was " + show(change.before()) + ")";
        };
    }

    /** A value for display; only ever called for non-sensitive values. */
    private static String show(Object value) {
        if (value == null) {
            return "(none)";
        }
        if (value instanceof Secret s) {
            return "\"" + s.reveal() + "\"";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return value.toString();
    }
}
