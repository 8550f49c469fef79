package dev.tlctl.cli;

import dev.tlctl.reconcile.PlanResult;

/** What {@code plan} shows: the plan, for people or as one JSON document; chosen once per run by {@link #of}. */
interface PlanView {
    void render(PlanResult result);

    /** The plan was saved to {@code file}; {@code command} applies it (stderr in every form). */
    void saved(String file, String command);

    static PlanView of(Terminal terminal, boolean json, boolean showValues) {
        return json ? new JsonPlanView(terminal, showValues) : new HumanPlanView(terminal, showValues);
    }
}
