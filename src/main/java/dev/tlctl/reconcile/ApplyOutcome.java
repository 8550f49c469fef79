package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;
import java.util.List;

/**
 * How an apply ended: nothing to do, cancelled before anything was written, carried out (fully,
 * or up to a failed step, which {@code result} describes), or carried out while someone else wrote
 * to an environment Railway could not guard ({@code conflicts}: the addresses read back that are
 * not what this apply wrote over what it read). After it, tlctl's records on Railway are brought up
 * to date; if that fails, {@code recordProblem} says so and the apply does not count as a success
 * (running it again writes them).
 *
 * @param result the steps done and not done; null unless the apply was carried out
 * @param recorded the environments whose record on Railway this apply wrote
 * @param recordProblem why the records could not be written; null when they were (or needed nothing)
 * @param alreadyApplied for a saved plan with nothing left to do: every change it held, now in place
 */
public record ApplyOutcome(PlanResult planned, Status status, ApplyResult result, List<String> conflicts,
        List<String> recorded, String recordProblem, List<String> alreadyApplied) {

    /** How the apply ended. */
    public enum Status { NOTHING_TO_DO, CANCELLED, APPLIED, FAILED, CONFLICT }

    public ApplyOutcome {
        conflicts = List.copyOf(conflicts);
        recorded = List.copyOf(recorded);
        alreadyApplied = List.copyOf(alreadyApplied);
    }

    public ApplyOutcome(PlanResult planned, Status status, ApplyResult result, List<String> conflicts) {
        this(planned, status, result, conflicts, List.of(), null, List.of());
    }

    public boolean succeeded() {
        return (status == Status.NOTHING_TO_DO || status == Status.APPLIED) && recordProblem == null;
    }
}
