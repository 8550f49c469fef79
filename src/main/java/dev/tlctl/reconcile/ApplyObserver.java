package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyListener;
import dev.tlctl.plan.Plan;

/**
 * Hears an apply as it goes and approves it: the plan once it is made, the one question whether to
 * carry it out (asked only when there is something to do and every check passed), then each step.
 */
public interface ApplyObserver extends ApplyListener {

    /** The plan the apply will carry out, before any check. */
    default void planned(PlanResult plan) {}

    /** Whether to go ahead; false cancels with nothing written. */
    boolean approve(Plan plan);
}
