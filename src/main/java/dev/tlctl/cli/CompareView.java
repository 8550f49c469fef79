package dev.tlctl.cli;

import dev.tlctl.reconcile.CompareResult;

/**
 * What {@code drift --compare LEFT RIGHT} shows: for people, as one JSON document, or as
 * Markdown; chosen once per run by {@link #of}. Secret values are never shown, equal ones
 * included: a risk names the two addresses only.
 */
interface CompareView {
    void render(CompareResult result);

    static CompareView of(Terminal terminal, Format format, boolean showValues) {
        return switch (format) {
            case HUMAN -> new HumanCompareView(terminal, showValues);
            case JSON -> new JsonCompareView(terminal, showValues);
            case MARKDOWN -> new MarkdownCompareView(terminal, showValues);
        };
    }
}
