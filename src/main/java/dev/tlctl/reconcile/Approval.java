package dev.tlctl.reconcile;

import dev.tlctl.plan.Plan;

/**
 * Whether to carry out a plan, asked once, only when there is something to do and every check
 * passed (a person at a terminal, {@code --yes}); false cancels with nothing written.
 */
@FunctionalInterface
public interface Approval {
    /** Approves everything: {@code --yes}. */
    Approval ALWAYS = plan -> true;

    boolean approve(Plan plan);
}
