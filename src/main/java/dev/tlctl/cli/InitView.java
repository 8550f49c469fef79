package dev.tlctl.cli;

import dev.tlctl.reconcile.InitResult;

/**
 * What {@code init} shows: the project found or created, and whether its id went into the spec;
 * for people, as one JSON document, or in Markdown; chosen once per run by {@link #of}.
 */
interface InitView {
    /** The project and its id (stdout). */
    void found(InitResult result);

    /** The id was written as {@code project.id} into {@code file}. */
    void recorded(String file);

    /** The id was not written: how to do it. */
    void notRecorded(InitResult result, String file);

    /** The command is done: a view that prints one document prints it now. */
    default void finish() {}

    static InitView of(Terminal terminal, Format format) {
        return switch (format) {
            case HUMAN -> new HumanInitView(terminal);
            case JSON -> new JsonInitView(terminal);
            case MARKDOWN -> new MarkdownInitView(terminal);
        };
    }
}
