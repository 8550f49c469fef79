package dev.tlctl.cli;

import dev.tlctl.reconcile.DriftResult;

/**
 * {@code drift --json}: the drift document on stdout, nothing else there (warnings are in it, and
 * also go to stderr as GitHub annotations when the style asks for them).
 */
final class JsonDriftView implements DriftView {
    private final Terminal terminal;
    private final boolean showValues;

    JsonDriftView(Terminal terminal, boolean showValues) {
        this.terminal = terminal;
        this.showValues = showValues;
    }

    @Override
    public void render(DriftResult result) {
        Diagnostics.annotate(terminal.err(), terminal.style(), result.planned().warnings());
        terminal.out().println(Json.write(AuditDocuments.drift(result, showValues)));
    }
}
