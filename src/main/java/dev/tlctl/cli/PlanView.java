package dev.tlctl.cli;

import dev.tlctl.reconcile.PlanResult;

/** What {@code plan} shows: the plan, for people or as one JSON document; chosen once per run. */
interface PlanView {
    void render(PlanResult result);

    static PlanView of(BaseCommand command, PlanFlags flags) {
        CliContext context = command.context();
        return flags.json ? new JsonPlanView(context.out(), flags.showValues())
                : new HumanPlanView(context.out(), context.err(), command.style(), flags.showValues());
    }
}
