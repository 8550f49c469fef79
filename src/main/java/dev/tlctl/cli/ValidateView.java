package dev.tlctl.cli;

import dev.tlctl.reconcile.ValidateResult;

/**
 * What {@code validate} shows: a valid spec's summary, or every problem of an invalid one; and,
 * either way, notes (values the spec references that are not set: validate does not need them).
 * For people, as one JSON document, or in Markdown; chosen once per run by {@link #of}.
 */
interface ValidateView {
    void render(ValidateResult result);

    static ValidateView of(Terminal terminal, Format format) {
        return switch (format) {
            case HUMAN -> new HumanValidateView(terminal);
            case JSON -> new JsonValidateView(terminal);
            case MARKDOWN -> new MarkdownValidateView(terminal);
        };
    }
}
