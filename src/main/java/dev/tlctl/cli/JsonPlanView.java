package dev.tlctl.cli;

import dev.tlctl.reconcile.PlanResult;

/** {@code plan --json}: the {@link PlanDocument} on stdout, nothing else there. */
final class JsonPlanView implements PlanView {
    private final Terminal terminal;
    private final boolean showValues;

    JsonPlanView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.showValues = showValues;
    }

    @Override
    public void render(PlanResult result) {
        terminal.out().println(Json.write(PlanDocument.of(result, showValues)));
    }

    @Override
    public void saved(String file, String command) {
        HumanPlanView.saved(terminal, file, command);
    }
}
