package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;
import java.util.List;

/**
 * How an apply ended: nothing to do, cancelled before anything was written, carried out (fully,
 * or up to a failed step, which {@code result} describes), or carried out while someone else wrote
 * to an environment Railway could not guard ({@code conflicts}: the addresses read back that are
 * not what this apply wrote over what it read).
 *
 * @param result the steps done and not done; null unless the apply was carried out
 */
public record ApplyOutcome(PlanResult planned, Status status, ApplyResult result, List<String> conflicts) {

    /** How the apply ended. */
    public enum Status { NOTHING_TO_DO, CANCELLED, APPLIED, FAILED, CONFLICT }

    public ApplyOutcome {
        conflicts = List.copyOf(conflicts);
    }

    public boolean succeeded() {
        return status == Status.NOTHING_TO_DO || status == Status.APPLIED;
    }
}
