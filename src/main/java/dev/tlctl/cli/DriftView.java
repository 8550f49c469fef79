package dev.tlctl.cli;

import dev.tlctl.reconcile.DriftResult;

/**
 * What {@code drift} shows: for people (a table per environment and service), as one JSON
 * document, or as Markdown; chosen once per run by {@link #of}. Secrets are never shown; other
 * variable values only with {@code --show-values}; settings always. The spec's warnings go to stderr.
 */
interface DriftView {
    void render(DriftResult result);

    static DriftView of(Terminal terminal, Format format, boolean showValues) {
        return switch (format) {
            case HUMAN -> new HumanDriftView(terminal, showValues);
            case JSON -> new JsonDriftView(terminal, showValues);
            case MARKDOWN -> new MarkdownDriftView(terminal, showValues);
        };
    }
}
