package dev.tlctl.cli;

import dev.tlctl.reconcile.CompareResult;

/** {@code drift --compare --json}: the comparison document on stdout, nothing else there. */
final class JsonCompareView implements CompareView {
    private final Terminal terminal;
    private final boolean showValues;

    JsonCompareView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.showValues = showValues;
    }

    @Override
    public void render(CompareResult result) {
        terminal.out().println(Json.write(AuditDocuments.comparison(result, showValues)));
    }
}
