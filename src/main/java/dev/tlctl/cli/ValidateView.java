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
            case JSON -> annotated(terminal, new JsonValidateView(terminal));
            case MARKDOWN -> annotated(terminal, new MarkdownValidateView(terminal));
        };
    }

    /**
     * {@code view}, after the GitHub annotations of the spec's problems (or, when it is valid, its
     * warnings) on stderr, when the style asks for them: the JSON and Markdown views print no
     * diagnostics there themselves; the human one's diagnostics carry their annotations.
     */
    private static ValidateView annotated(Terminal terminal, ValidateView view) {
        return result -> {
            Diagnostics.annotate(terminal.err(), terminal.style(),
                    result.valid() ? result.spec().warnings() : result.problems());
            view.render(result);
        };
    }
}
