package dev.tlctl.cli;

import dev.tlctl.apply.ApplyResult;
import dev.tlctl.apply.Step;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.railway.RailwayException;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.PlanResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Apply for people: the plan on stdout, one progress line per step on stderr with its duration
 * (on a terminal the line shows the step while it runs, then its outcome), and the outcome. After a
 * failure: what was applied, what was not, and that running apply again converges.
 */
final class HumanApplyView implements ApplyView {
    private final PrintStream out;
    private final PrintStream err;
    private final Style style;
    private final boolean terminal;
    private final boolean showValues;

    HumanApplyView(PrintStream out, PrintStream err, Style style, boolean terminal, boolean showValues) {
        this.out = out;
        this.err = err;
        this.style = style;
        this.terminal = terminal;
        this.showValues = showValues;
    }

    @Override
    public void planned(PlanResult plan) {
        new HumanPlanView(out, err, style, showValues).render(plan);
        out.flush();
    }

    @Override
    public void started(Step step) {
        if (terminal) {
            err.print("  " + style.dim("..") + " " + label(step) + "\r");
            err.flush();
        }
    }

    @Override
    public void finished(Step step, Duration duration) {
        err.println("  " + style.green("ok") + " " + label(step) + style.dim(" (" + seconds(duration.toMillis()) + ")"));
    }

    @Override
    public void failed(Step step, Duration duration, RuntimeException error) {
        err.println("  " + style.red("FAILED") + " " + label(step) + style.dim(" (" + seconds(duration.toMillis()) + ")"));
    }

    @Override
    public void outcome(ApplyOutcome outcome, int requests, long millis) {
        switch (outcome.status()) {
            case NOTHING_TO_DO -> alreadyApplied(outcome.alreadyApplied());
            case CANCELLED -> err.println("Apply cancelled; nothing was changed.");
            case APPLIED -> {
                ApplyResult result = outcome.result();
                out.println(style.green("Apply complete:") + " " + counts(result.applied()) + " in " + result.done().size()
                        + (result.done().size() == 1 ? " step, " : " steps, ") + requests + " requests, " + seconds(millis) + ".");
            }
            case FAILED -> failure(outcome.result());
            case CONFLICT -> conflict(outcome);
        }
        records(outcome);
    }

    /** What became of tlctl's records on Railway (stderr). */
    void records(ApplyOutcome outcome) {
        if (outcome.recordProblem() != null) {
            err.println(style.red("Error:") + " " + Printable.of(outcome.recordProblem()));
            err.println("  What the apply wrote stands, but the next checkout cannot know it (sealed values, which side"
                    + " moved, what tlctl created). Run `tlctl apply` again: it writes the record.");
        } else if (!outcome.recorded().isEmpty()) {
            err.println(style.dim("Recorded what tlctl applied in " + String.join(", ", outcome.recorded())
                    + " (" + dev.tlctl.spec.VariableSpec.RECORD + " on Railway, read by every checkout)."));
        }
    }

    /** A saved plan applied before: nothing to do, and every change it held in place. */
    private void alreadyApplied(List<String> addresses) {
        if (addresses.isEmpty()) {
            return;
        }
        out.println("This plan was already applied: Railway holds every change it makes (" + addresses.size()
                + (addresses.size() == 1 ? " change" : " changes") + "):");
        addresses.forEach(a -> out.println("    " + Printable.of(a)));
    }

    private void conflict(ApplyOutcome outcome) {
        List<String> environments = outcome.result().unguarded();
        err.println();
        err.println(style.red("Apply wrote its changes, but Railway does not hold what it wrote") + " ("
                + counts(outcome.result().applied()) + "). These differ from what this apply read plus its changes:");
        outcome.conflicts().forEach(a -> err.println("    - " + a));
        err.println("  Someone else wrote to " + (environments.size() == 1 ? "environment " : "environments ")
                + String.join(", ", environments) + " at the same time. Railway cannot guard these writes (shared"
                + " variables, or an environment created in this apply), so tlctl read them back: one of the two"
                + " writes may be lost. Run `tlctl plan` to see where things stand.");
    }

    private void failure(ApplyResult result) {
        err.println();
        err.println(style.red("Apply failed") + " at step " + result.failed().number() + " of " + result.failed().of()
                + " (" + result.failed().title() + ").");
        err.println("  " + (result.error() instanceof RailwayException ? "Railway said: " : "Error: ")
                + describe(result.error()));
        if (result.done().isEmpty()) {
            err.println("  Applied: nothing.");
        } else {
            err.println("  Applied (" + counts(result.applied()) + "):");
            result.done().forEach(d -> err.println("    - " + d.step().title()));
        }
        err.println("  Not applied:");
        err.println("    - " + result.failed().title() + " (may be partly applied)");
        result.notAttempted().forEach(s -> err.println("    - " + s.title()));
        err.println("  Running `tlctl apply` again converges: it plans from what Railway has now.");
    }

    /** The error's message, or its kind when it has none (never "null"). */
    static String describe(RuntimeException error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private static String label(Step step) {
        return "[" + step.number() + "/" + step.of() + "] " + step.title();
    }

    static String counts(List<Change> applied) {
        return count(applied, Action.CREATE) + " created, " + count(applied, Action.UPDATE) + " updated, "
                + count(applied, Action.DELETE) + " deleted";
    }

    /** Changes tlctl made with this action (not those Railway made on its own). */
    static long count(List<Change> changes, Action action) {
        return changes.stream().filter(c -> c.action() == action && c.origin() == dev.tlctl.plan.Origin.TLCTL).count();
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
    }
}
