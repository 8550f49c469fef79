package dev.tlctl.cli;

import dev.tlctl.plan.Change;
import dev.tlctl.plan.Deploys;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.Unmanaged;
import dev.tlctl.reconcile.PlanResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan --output markdown}: a heading and the summary line first, then the changes in a
 * {@code diff} block, where GitHub colours {@code +} (create) green, {@code -} (delete) red and
 * {@code !} (update) orange; a {@code #} line heads each environment and says what it deploys.
 * Made to be a pull-request comment or a job summary. Each change reads as in the human plan
 * (the same line, so secrets read "(sensitive)" or "(sensitive, changed)" and other values show
 * only with {@code --show-values}); what is unmanaged and the notes follow as lists. The spec's
 * warnings go to stderr; "saved" goes to stderr as in every form.
 */
final class MarkdownPlanView implements PlanView {
    private final Terminal terminal;
    private final HumanPlanView lines;

    MarkdownPlanView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        // The human view's lines, without colour: one place decides how a change and its values read.
        this.lines = new HumanPlanView(new Terminal(terminal.out(), terminal.err(), Style.plain(), false), showValues);
    }

    @Override
    public void render(PlanResult result) {
        Diagnostics.print(terminal.err(), terminal.style().uncoloured(), result.warnings());
        Plan plan = result.plan();
        PrintStream out = terminal.out();
        String project = plan.target().projectName();
        out.println("### tlctl plan: " + Table.markdownCell(project) + (result.environments().isEmpty() ? ""
                : " (" + Table.markdownCell(String.join(", ", result.environments())) + ")"));
        out.println();
        out.println("**" + Table.markdownCell(HumanPlanView.summary(plan)) + "**");
        if (!plan.changes().isEmpty()) {
            List<String> diff = diff(plan);
            String fence = fence(diff);
            out.println();
            out.println(fence + "diff");
            diff.forEach(out::println);
            out.println(fence);
        } else {
            out.println();
            out.println("No changes: Railway matches the spec.");
        }
        if (!plan.unmanaged().isEmpty()) {
            out.println();
            out.println("On Railway but not in the spec (left alone; `--prune` deletes them, never volumes):");
            out.println();
            for (Unmanaged u : plan.unmanaged()) {
                out.println("- `" + Table.markdownCell(u.address().text()) + "`: " + Table.markdownCell(u.note()));
            }
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            plan.notes().forEach(n -> out.println("> " + Table.markdownCell(n)));
        }
    }

    /** The lines of the diff block: per environment (the project's own changes first), then its deploys. */
    private List<String> diff(Plan plan) {
        Map<String, List<Change>> groups = new LinkedHashMap<>();
        for (Change c : plan.changes()) {
            String env = c instanceof Change.UsageLimit ? "workspace" : c.address().environment();
            groups.computeIfAbsent(env == null ? "project" : env, k -> new ArrayList<>()).add(c);
        }
        List<String> diff = new ArrayList<>();
        for (Map.Entry<String, List<Change>> group : groups.entrySet()) {
            if (!diff.isEmpty()) {
                diff.add("");
            }
            diff.add("# " + Printable.of(group.getKey()));
            for (Change c : group.getValue()) {
                String line = lines.line(c);
                diff.add(switch (c.action()) {
                    case CREATE, DELETE -> line;
                    case UPDATE -> "!" + line.substring(1);
                });
            }
            for (Deploys d : plan.deploys()) {
                if (d.environment().equals(group.getKey())) {
                    diff.add("# deploys: " + Printable.of(String.join(", ", d.services())));
                }
            }
        }
        return diff;
    }

    /** A code fence longer than any run of backticks in the block, so that no value can close it. */
    static String fence(List<String> lines) {
        int longest = 0;
        for (String line : lines) {
            int run = 0;
            for (int i = 0; i < line.length(); i++) {
                run = line.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return "`".repeat(Math.max(3, longest + 1));
    }

    @Override
    public void saved(String file, String command) {
        HumanPlanView.saved(terminal, file, command);
    }
}
