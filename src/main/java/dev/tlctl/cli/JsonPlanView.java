package dev.tlctl.cli;

import dev.tlctl.reconcile.PlanResult;

/**
 * {@code plan --json}: the {@link PlanDocument} on stdout, nothing else there; the spec's warnings,
 * which the document holds, also go to stderr as GitHub annotations when the style asks for them.
 */
final class JsonPlanView implements PlanView {
    private final Terminal terminal;
    private final boolean showValues;

    JsonPlanView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.showValues = showValues;
    }

    @Override
    public void render(PlanResult result) {
        Diagnostics.annotate(terminal.err(), terminal.style(), result.warnings());
        terminal.out().println(Json.write(PlanDocument.of(result, showValues)));
    }

    @Override
    public void saved(String file, String command) {
        HumanPlanView.saved(terminal, file, command);
    }
}
