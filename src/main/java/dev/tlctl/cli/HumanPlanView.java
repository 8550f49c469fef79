package dev.tlctl.cli;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Deploys;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.Unmanaged;
import dev.tlctl.reconcile.PlanResult;
import dev.tlctl.secret.Secret;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plan for people, in the style of terraform: {@code +}, {@code ~}, {@code -} with addresses,
 * grouped by environment with the deployments each commit causes, what Railway does on its own as a
 * consequence marked as such, then what is unmanaged, notes, and a summary line. The spec's
 * warnings go to stderr. Secret values are never shown: a secret reads "(sensitive)" and a changed
 * one "(sensitive, changed)"; other variable values are shown unless {@code --hide-values}; settings
 * always (every value through {@link Shows}: a credential is masked whatever is declared).
 */
final class HumanPlanView implements PlanView {
    /** The group of workspace-wide changes: a key no environment can have (names hold no control character). */
    private static final String WORKSPACE = "\u0000workspace";
    /** What {@code println} ends a line with: the blocks below are printed whole, the same bytes. */
    private static final String NL = System.lineSeparator();

    private final Terminal terminal;
    private final PrintStream out;
    private final PrintStream err;
    private final Style style;
    private final boolean showValues;
    /** The symbol of each {@link Action}, by ordinal, as styled: made once, not once per line. */
    private final String[] symbols;
    /**
     * A non-secret variable's value as shown and escaped ({@link Printable}), by its text:
     * environments often hold the same values, and whether a value is a credential (masked) is
     * found once per text.
     */
    private final Map<String, String> shownVariables = new HashMap<>();
    /** The environment and the service of the line before, and each as {@link Printable#of} shows it. */
    private String lastEnvironment;
    private String lastEnvironmentShown;
    private String lastService;
    private String lastServiceShown;

    HumanPlanView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.out = terminal.out();
        this.err = terminal.err();
        this.style = terminal.style();
        this.showValues = showValues;
        this.symbols = new String[Action.values().length];
        for (Action action : Action.values()) {
            symbols[action.ordinal()] = switch (action) {
                case CREATE -> style.green("+");
                case UPDATE -> style.yellow("~");
                case DELETE -> style.red("-");
            };
        }
    }

    @Override
    public void saved(String file, String command) {
        saved(terminal, file, command);
    }

    /** Where the plan was saved and how to apply it, on stderr: stdout holds the plan (or its document). */
    static void saved(Terminal terminal, String file, String command) {
        terminal.err().println("Saved the plan to " + file + ". Apply it with: " + command);
    }

    @Override
    public void render(PlanResult result) {
        Diagnostics.print(err, style, result.warnings());
        Plan plan = result.plan();
        String project = plan.target().projectName();
        String where = plan.target().workspaceName() == null ? "" : " in workspace " + plan.target().workspaceName();
        if (plan.isEmpty()) {
            out.println(headline(plan, project, where));
        } else {
            out.println("tlctl will make these changes to project " + project + where + ":");
            for (Map.Entry<String, List<Change>> group : groups(plan).entrySet()) {
                // One write per group, not one per line: a plan can have a hundred thousand lines (room made for
                // them at once: a block of a megabyte is not grown and copied on the way).
                StringBuilder block = new StringBuilder(64 + 80 * group.getValue().size()).append(NL);
                if (!group.getKey().isEmpty() && !group.getKey().equals(WORKSPACE)) {
                    block.append("  ").append(style.bold(group.getKey())).append(NL);
                }
                for (Change c : group.getValue()) {
                    line(block.append("  "), c).append(NL);
                }
                out.print(block);
                deploys(plan, group.getKey());
            }
        }
        if (!result.costs().isEmpty()) {
            out.println();
            out.println("Monthly cost (at most, at the limits; billing.prices or Railway's list prices):");
            result.costs().forEach(line -> out.println("  " + line.text()));
        }
        List<Unmanaged> unmanaged = plan.unmanaged();
        if (!unmanaged.isEmpty()) {
            out.println();
            out.println("On Railway but not in the spec (left alone; --prune deletes them, never volumes):");
            for (Unmanaged u : unmanaged) {
                out.println("    " + Printable.of(u.address().text()) + style.dim("  (" + Printable.of(u.note()) + ")"));
            }
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            out.println("Notes:");
            plan.notes().forEach(n -> out.println("  - " + Printable.of(n)));
        }
        out.println();
        out.println(summary(plan));
    }

    /** "No changes" only when it is true; otherwise what still differs, or what tlctl cannot know. */
    private String headline(Plan plan, String project, String where) {
        if (plan.unmanaged().isEmpty() && plan.uncompared().isEmpty()) {
            return style.green("No changes.") + " Railway matches the spec for project " + project + where + ".";
        }
        List<String> buts = new ArrayList<>();
        if (!plan.unmanaged().isEmpty()) {
            long prunable = plan.unmanaged().stream().filter(Unmanaged::prunable).count();
            buts.add("Railway holds " + plan.unmanaged().size() + (plan.unmanaged().size() == 1 ? " thing" : " things")
                    + " the spec does not manage (below" + (prunable > 0 ? "; --prune deletes " + prunable : "") + ")");
        }
        int n = plan.uncompared().size();
        if (n > 0) {
            buts.add(n + (n == 1 ? " sealed value cannot be compared (tlctl has no record of writing it)"
                    : " sealed values cannot be compared (tlctl has no record of writing them)")
                    + ": tlctl apply --replace ADDRESS writes " + (n == 1 ? "it" : "them"));
        }
        return style.green("No changes to make") + " to project " + project + where + ", but " + String.join("; and ", buts)
                + ".";
    }

    /**
     * Changes by environment, in plan order: the project and its services first (under ""), then
     * each environment, then the workspace's usage limit (under "", again without a heading).
     */
    private static Map<String, List<Change>> groups(Plan plan) {
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        List<Change> workspace = new ArrayList<>();
        List<Change> last = null; // changes come grouped: the group of the one before, found again at once
        String lastEnv = null;
        for (Change c : plan.changes()) {
            if (c instanceof Change.UsageLimit) {
                workspace.add(c);
                continue;
            }
            String env = c.environment();
            if (env == null) {
                env = "";
            }
            if (last == null || !env.equals(lastEnv)) {
                last = groups.computeIfAbsent(env, k -> new ArrayList<>());
                lastEnv = env;
            }
            last.add(c);
        }
        if (!workspace.isEmpty()) {
            groups.put(WORKSPACE, workspace);
        }
        return groups;
    }

    private void deploys(Plan plan, String environment) {
        for (Deploys d : plan.deploys()) {
            if (d.environment().equals(environment)) {
                out.println("  " + style.dim("Deploys: " + String.join(", ", d.services())
                        + (d.services().size() == 1 ? " (one deployment)" : " (one deployment each)")));
            }
        }
    }

    static String summary(Plan plan) {
        String text = "Plan: " + plan.count(Action.CREATE) + " to create, " + plan.count(Action.UPDATE) + " to update, "
                + plan.count(Action.DELETE) + " to delete.";
        long consequences = plan.consequences();
        if (consequences > 0) {
            text += " Railway adds " + consequences + (consequences == 1 ? " instance" : " instances")
                    + " on its own as a consequence (marked \"by Railway\").";
        }
        return text;
    }

    String line(Change change) {
        return line(new StringBuilder(), change).toString();
    }

    /**
     * {@code out} with the change's line appended (a plan can have a hundred thousand: appended in
     * pieces, not made as a string each; escaping a concatenation is escaping its pieces).
     */
    private StringBuilder line(StringBuilder out, Change change) {
        address(out.append(symbols[change.action().ordinal()]).append(' '), change);
        if (change instanceof Change.Variable v && showValues && !v.sensitive() && v.action() == Action.CREATE) {
            // The line of nearly every change of a large plan: its value shown once per text, escaped.
            out.append(" = ").append(variable(v.after()));
        } else {
            out.append(Printable.of(values(change)));
        }
        boolean railway = change.origin() == Origin.RAILWAY;
        if (railway || change.note() != null) {
            String remarks = railway && change.note() != null ? "by Railway: " + Printable.of(change.note())
                    : railway ? "by Railway" : Printable.of(change.note());
            out.append(style.dim("  (" + remarks + ")"));
        }
        return out;
    }

    /**
     * The change's address, escaped, appended: a variable's and a setting's (nearly every line of a
     * large plan) in pieces, in {@code Address.text()}'s form, with no string made for it.
     */
    private void address(StringBuilder out, Change change) {
        if (change instanceof Change.Variable v) {
            out.append(printableEnvironment(v.environment())).append('/');
            if (v.service() != null) {
                out.append(printableService(v.service())).append('/');
            }
            out.append("variable/").append(Printable.of(v.name()));
        } else if (change instanceof Change.Setting s) {
            out.append(printableEnvironment(s.environment())).append('/').append(printableService(s.service()))
                    .append("/setting/").append(Printable.of(s.key()));
        } else {
            out.append(Printable.of(change.address().text()));
        }
    }

    /** {@link Printable#of} the environment, kept for the lines after it (they come by environment). */
    private String printableEnvironment(String environment) {
        if (!environment.equals(lastEnvironment)) {
            lastEnvironment = environment;
            lastEnvironmentShown = Printable.of(environment);
        }
        return lastEnvironmentShown;
    }

    /** {@link Printable#of} the service, kept for the lines after it (they come by service). */
    private String printableService(String service) {
        if (!service.equals(lastService)) {
            lastService = service;
            lastServiceShown = Printable.of(service);
        }
        return lastServiceShown;
    }

    private static String port(Integer port) {
        return port == null ? "port (detected)" : "port " + port;
    }

    private String values(Change change) {
        if (change instanceof Change.Project p) {
            return " " + p.name();
        }
        if (change instanceof Change.Setting s) {
            return switch (s.action()) {
                case CREATE -> " = " + setting(s.after());
                case UPDATE -> ": " + setting(s.before()) + " -> " + setting(s.after());
                case DELETE -> s.before() == null ? "" : " (was " + setting(s.before()) + ")";
            };
        }
        if (change instanceof Change.Volume v) {
            return " at " + v.mountPath();
        }
        if (change instanceof Change.Domain d) {
            return switch (d.action()) {
                case CREATE -> " -> " + port(d.afterPort());
                case UPDATE -> ": " + port(d.beforePort()) + " -> " + port(d.afterPort());
                case DELETE -> " (" + port(d.beforePort()) + ")";
            };
        }
        if (change instanceof Change.PullRequests p) {
            return p.before() == null ? " = " + p.after() : ": " + p.before() + " -> " + p.after();
        }
        if (change instanceof Change.UsageLimit u) {
            return switch (u.action()) {
                case CREATE -> " = " + u.after();
                case UPDATE -> ": " + u.before() + " -> " + u.after();
                case DELETE -> " (was " + u.before() + ")";
            };
        }
        if (change instanceof Change.Variable v) {
            String sealed = v.sealed() ? ", sealed" : "";
            if (v.sensitive()) {
                return v.action() == Action.UPDATE ? " (sensitive, changed" + sealed + ")"
                        : v.action() == Action.DELETE ? " (sensitive)" : " (sensitive" + sealed + ")";
            }
            if (!showValues) {
                return v.action() == Action.UPDATE ? " (value changed)" : "";
            }
            return switch (v.action()) {
                case CREATE -> " = " + variable(v.after());
                case UPDATE -> ": " + (v.before() == null ? "(unknown)" : variable(v.before())) + " -> " + variable(v.after());
                case DELETE -> v.before() == null ? "" : " (was " + variable(v.before()) + ")";
            };
        }
        return "";
    }

    /** A setting value for display; masked when its content is a credential. */
    private static String setting(Object value) {
        return Shows.quoted(Shows.value(value, false, true));
    }

    /** A non-secret variable's value, asked for; still masked when its content is a credential. */
    private String variable(Secret value) {
        if (value == null) {
            return Shows.quoted(Shows.value(null, false, true));
        }
        String text = value.reveal();
        String shown = shownVariables.get(text); // asked once per line: no lambda made each
        if (shown == null) {
            shown = Printable.of(Shows.quoted(Shows.value(value, false, true)));
            shownVariables.put(text, shown);
        }
        return shown;
    }
}
