package dev.tlctl.cli;

import dev.tlctl.reconcile.VariablesResult;

/** {@code vars list --json}: the variables document on stdout, nothing else there. */
final class JsonVariablesView implements VariablesView {
    private final Terminal terminal;
    private final boolean showValues;

    JsonVariablesView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.showValues = showValues;
    }

    @Override
    public void render(VariablesResult list) {
        terminal.out().println(Json.write(AuditDocuments.variables(list, showValues)));
    }
}
