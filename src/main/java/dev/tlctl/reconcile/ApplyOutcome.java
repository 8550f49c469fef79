package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.Origin;
import dev.tlctl.railway.RailwayException;
import java.util.List;

/**
 * How an apply ended: nothing to do, cancelled before anything was written, carried out (fully,
 * or up to a failed step, which {@code steps} describes), or carried out while someone else wrote
 * to an environment Railway could not guard ({@code conflicts}: the addresses read back that are
 * not what this apply wrote over what it read; {@code others}: the patches Railway lists as
 * committed there by someone else around the write). After it, tlctl's records on Railway are brought up
 * to date; if that fails, {@code recordProblem} says so and the apply does not count as a success
 * (running it again writes them).
 *
 * @param steps the steps done and not done; null unless the apply was carried out
 * @param recorded the environments whose record on Railway this apply wrote
 * @param recordProblem why the records could not be written; null when they were (or needed nothing)
 * @param alreadyApplied for a saved plan with nothing left to do: every change it held, now in place
 * @param rollout with {@code --wait}, how the deployments the apply caused ended; null without it,
 *     or when the apply did not get that far
 * @param outputs the URLs of the services in the environments of the run, after the apply
 * @param others patches someone else committed to an environment Railway could not guard,
 *     between tlctl's check and its write or just after it (Railway's list of patches, read
 *     before and after): this apply may have overwritten them, or they it
 */
public record ApplyOutcome(PlanResult planned, Status status, Steps steps, List<String> conflicts,
        List<String> recorded, String recordProblem, List<String> alreadyApplied, Rollout rollout, Outputs outputs,
        List<OtherWrite> others) {

    /** How the apply ended. */
    public enum Status { NOTHING_TO_DO, CANCELLED, APPLIED, FAILED, CONFLICT }

    /**
     * What the steps of an apply did: those done, the one that failed (null when all went well)
     * with its error, those not attempted, and every plan change carried out. Running apply again
     * after a failure converges: it plans from what Railway then has.
     *
     * @param projectId the project's id, also when this apply created it; null if it never got one
     * @param error what the failed step met, as a sentence (never a secret); null when none failed
     * @param fromRailway whether {@code error} is Railway's answer (or the network's) rather than tlctl's
     * @param unguarded the environments written by a patch, which nothing on Railway's side guards
     *     against a concurrent write (tlctl read them back)
     */
    public record Steps(String projectId, List<ApplyStep> done, ApplyStep failed, String error, boolean fromRailway,
            List<ApplyStep> notAttempted, List<Change> applied, List<String> unguarded) {
        public Steps {
            done = List.copyOf(done);
            notAttempted = List.copyOf(notAttempted);
            applied = List.copyOf(applied);
            unguarded = List.copyOf(unguarded);
        }

        /** What tlctl created (not what Railway made on its own as a consequence). */
        public long created() {
            return count(Action.CREATE);
        }

        public long updated() {
            return count(Action.UPDATE);
        }

        public long deleted() {
            return count(Action.DELETE);
        }

        private long count(Action action) {
            return applied.stream().filter(c -> c.action() == action && c.origin() == Origin.TLCTL).count();
        }

        /** The steps of an applier's result; null for none. */
        static Steps of(ApplyResult result) {
            if (result == null) {
                return null;
            }
            return new Steps(result.projectId(), result.done().stream().map(d -> ApplyStep.of(d.step())).toList(),
                    result.failed() == null ? null : ApplyStep.of(result.failed()),
                    result.error() == null ? null : describe(result.error()), result.error() instanceof RailwayException,
                    result.notAttempted().stream().map(ApplyStep::of).toList(), result.applied(), result.unguarded());
        }
    }

    public ApplyOutcome {
        conflicts = List.copyOf(conflicts);
        recorded = List.copyOf(recorded);
        alreadyApplied = List.copyOf(alreadyApplied);
        outputs = outputs == null ? Outputs.NONE : outputs;
        others = others == null ? List.of() : List.copyOf(others);
    }

    /** An outcome without a wait, outputs or others' writes. */
    public ApplyOutcome(PlanResult planned, Status status, Steps steps, List<String> conflicts, List<String> recorded,
            String recordProblem, List<String> alreadyApplied) {
        this(planned, status, steps, conflicts, recorded, recordProblem, alreadyApplied, null, Outputs.NONE, List.of());
    }

    ApplyOutcome(PlanResult planned, Status status, Steps steps, List<String> conflicts) {
        this(planned, status, steps, conflicts, List.of(), null, List.of());
    }

    /** The same outcome, followed by this wait and with these outputs. */
    ApplyOutcome with(Rollout wait, Outputs urls) {
        return new ApplyOutcome(planned, status, steps, conflicts, recorded, recordProblem, alreadyApplied, wait, urls,
                others);
    }

    /** Applied (or nothing to do), recorded, and, when waited for, every deployment it caused serving. */
    public boolean succeeded() {
        return (status == Status.NOTHING_TO_DO || status == Status.APPLIED) && recordProblem == null
                && (rollout == null || rollout.succeeded());
    }

    /** The project's id: the one the apply worked on, else the plan's (null for a project still to create). */
    public String projectId() {
        return steps != null ? steps.projectId() : planned.plan().target().projectId();
    }

    /** An error's message, or its kind when it has none (never "null"). */
    static String describe(RuntimeException error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }
}
