package dev.tlctl.cli;

import dev.tlctl.apply.ApplyListener;
import dev.tlctl.reconcile.ApplyOutcome;
import dev.tlctl.reconcile.PlanResult;

/** What {@code apply} shows: the plan, each step as it runs, and how it ended; chosen once per run. */
interface ApplyView extends ApplyListener {
    void planned(PlanResult plan);

    /** How the apply ended, with what it cost. */
    void outcome(ApplyOutcome outcome, int requests, long millis);
}
