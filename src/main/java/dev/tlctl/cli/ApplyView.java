package dev.tlctl.cli;

import dev.tlctl.apply.ApplyListener;
import dev.tlctl.apply.ApplyResult;
import dev.tlctl.plan.Plan;

/** What {@code apply} shows: the plan, each step as it runs, and the outcome. */
interface ApplyView extends ApplyListener {
    void plan(Plan plan);

    void result(ApplyResult result, int requests, long millis);
}
