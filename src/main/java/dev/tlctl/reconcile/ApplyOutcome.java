package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;

/**
 * How an apply ended: nothing to do, cancelled before anything was written, or carried out
 * (fully, or up to a failed step, which {@code result} describes).
 *
 * @param result the steps done and not done; null unless the apply was carried out
 */
public record ApplyOutcome(PlanResult planned, Status status, ApplyResult result) {

    /** How the apply ended. */
    public enum Status { NOTHING_TO_DO, CANCELLED, APPLIED, FAILED }

    public boolean succeeded() {
        return status == Status.NOTHING_TO_DO || status == Status.APPLIED;
    }
}
