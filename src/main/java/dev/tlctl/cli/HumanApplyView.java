package dev.tlctl.cli;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.ApplyStep;
import dev.tlctl.reconcile.OtherWrite;
import dev.tlctl.reconcile.PlanResult;
import dev.tlctl.reconcile.RequestTally;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Apply for people: the plan on stdout, one progress line per step on stderr with its duration
 * (on a terminal the line shows the step while it runs, then its outcome), with {@code --wait} one
 * line per deployment status, and the outcome with the services' URLs. After a failure: what was
 * applied, what was not, and that running apply again converges.
 */
final class HumanApplyView implements ApplyView {
    private final Terminal terminal;
    private final PrintStream out;
    private final PrintStream err;
    private final Style style;
    private final PlanView plan;
    private final RolloutLines rollout;

    HumanApplyView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.out = terminal.out();
        this.err = terminal.err();
        this.style = terminal.style();
        this.plan = new HumanPlanView(terminal, showValues);
        this.rollout = new RolloutLines(terminal);
    }

    @Override
    public void progress(String environment, String service, String deploymentId, LiveDeployment.Status status,
            Duration elapsed) {
        rollout.progress(environment, service, deploymentId, status, elapsed);
    }

    @Override
    public void planned(PlanResult result) {
        plan.render(result);
        out.flush();
    }

    @Override
    public void started(ApplyStep step) {
        if (terminal.interactive()) {
            terminal.progress().print("  " + style.dim("..") + " " + label(step) + "\r");
            terminal.progress().flush();
        }
    }

    @Override
    public void finished(ApplyStep step, Duration duration) {
        terminal.progress().println("  " + style.green("ok") + " " + label(step) + style.dim(" (" + seconds(duration.toMillis()) + ")"));
    }

    @Override
    public void failed(ApplyStep step, Duration duration, String error) {
        err.println("  " + style.red("FAILED") + " " + label(step) + style.dim(" (" + seconds(duration.toMillis()) + ")"));
    }

    @Override
    public void outcome(ApplyOutcome outcome, RequestTally requests, long millis) {
        switch (outcome.status()) {
            case NOTHING_TO_DO -> alreadyApplied(outcome.alreadyApplied());
            case CANCELLED -> cancelled();
            case APPLIED -> {
                ApplyOutcome.Steps steps = outcome.steps();
                out.println(style.green("Apply complete:") + " " + counts(steps) + " in " + steps.done().size()
                        + (steps.done().size() == 1 ? " step, " : " steps, ") + requests.count() + " requests, "
                        + seconds(millis) + ".");
            }
            case FAILED -> failure(outcome.steps());
            case CONFLICT -> conflict(outcome);
        }
        records(outcome);
        if (outcome.rollout() != null) {
            rollout.ended(outcome.rollout());
        }
        if (outcome.status() == ApplyOutcome.Status.APPLIED || outcome.status() == ApplyOutcome.Status.NOTHING_TO_DO) {
            rollout.outputs(outcome.outputs());
        }
        RequestReport.print(terminal, requests);
    }

    /** How an apply that did not carry out its plan ended, on stderr only (stdout may be JSON Lines). */
    void notCarriedOut(ApplyOutcome outcome) {
        switch (outcome.status()) {
            case CANCELLED -> cancelled();
            case FAILED -> failure(outcome.steps());
            case CONFLICT -> conflict(outcome);
            case NOTHING_TO_DO, APPLIED -> { }
        }
        records(outcome);
        if (outcome.rollout() != null && !outcome.rollout().succeeded()) {
            rollout.ended(outcome.rollout()); // on stderr only
        }
    }

    private void cancelled() {
        err.println("Apply cancelled; nothing was changed.");
    }

    /** What became of tlctl's records on Railway (stderr). */
    private void records(ApplyOutcome outcome) {
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
        List<String> environments = outcome.steps().unguarded();
        err.println();
        if (!outcome.conflicts().isEmpty()) {
            err.println(style.red("Apply wrote its changes, but Railway does not hold what it wrote") + " ("
                    + counts(outcome.steps()) + "). These differ from what this apply read plus its changes:");
            outcome.conflicts().forEach(a -> err.println("    - " + a));
            err.println("  Someone else wrote to " + (environments.size() == 1 ? "environment " : "environments ")
                    + String.join(", ", environments) + " at the same time. Railway cannot guard these writes (shared"
                    + " variables, or an environment created in this apply), so tlctl read them back: one of the two"
                    + " writes may be lost. Run `tlctl plan` to see where things stand.");
        }
        if (!outcome.others().isEmpty()) {
            others(outcome);
        }
    }

    /** Patches someone else committed around this apply's unguarded write: named, never shown (they hold values). */
    private void others(ApplyOutcome outcome) {
        List<String> environments = outcome.others().stream().map(OtherWrite::environment).distinct().toList();
        String where = (environments.size() == 1 ? "environment " : "environments ") + String.join(", ", environments);
        if (outcome.conflicts().isEmpty()) {
            err.println(style.red("Apply wrote its changes, but someone else committed to " + where
                    + " at the same time") + " (" + counts(outcome.steps()) + "). Railway lists these patches:");
        } else {
            err.println("  Railway also lists patches someone else committed to " + where + " at the same time:");
        }
        for (OtherWrite w : outcome.others()) {
            err.println("    - " + (environments.size() == 1 ? "" : w.environment() + ": ") + "patch "
                    + Printable.of(w.patchId()) + " (" + Printable.of(String.valueOf(w.status()))
                    + (w.time() == null ? "" : " " + Printable.of(w.time())) + "): " + message(w.message()));
        }
        err.println("  They were committed between tlctl's check of the environment and its write, or just after it."
                + " A patch carries no guard, so Railway could not refuse either write: this apply may have"
                + " overwritten them, or they this apply's changes. Run `tlctl plan` to see where things stand.");
    }

    /** Someone's commit message, quoted, cut short and escaped: it can hold anything. */
    private static String message(String text) {
        if (text == null || text.isBlank()) {
            return "(no message)";
        }
        String shown = text.length() > MESSAGE_SHOWN ? text.substring(0, Character.isHighSurrogate(
                text.charAt(MESSAGE_SHOWN - 1)) ? MESSAGE_SHOWN - 1 : MESSAGE_SHOWN) + "..." : text;
        return "\"" + Printable.of(shown) + "\"";
    }

    /** How much of someone's commit message a line shows. */
    private static final int MESSAGE_SHOWN = 120;

    private void failure(ApplyOutcome.Steps steps) {
        err.println();
        err.println(style.red("Apply failed") + " at step " + steps.failed().number() + " of " + steps.failed().of()
                + " (" + steps.failed().title() + ").");
        err.println("  " + (steps.fromRailway() ? "Railway said: " : "Error: ") + steps.error());
        if (steps.done().isEmpty()) {
            err.println("  Applied: nothing.");
        } else {
            err.println("  Applied (" + counts(steps) + "):");
            steps.done().forEach(d -> err.println("    - " + d.title()));
        }
        err.println("  Not applied:");
        err.println("    - " + steps.failed().title() + " (may be partly applied)");
        steps.notAttempted().forEach(s -> err.println("    - " + s.title()));
        err.println("  Running `tlctl apply` again converges: it plans from what Railway has now.");
    }

    private static String label(ApplyStep step) {
        return "[" + step.number() + "/" + step.of() + "] " + step.title();
    }

    private static String counts(ApplyOutcome.Steps steps) {
        return steps.created() + " created, " + steps.updated() + " updated, " + steps.deleted() + " deleted";
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
    }
}
