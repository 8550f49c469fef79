package dev.tlctl.cli;

import dev.tlctl.reconcile.InitResult;

/** What {@code init} shows: the project found or created, and whether its id went into the spec; for people only. */
interface InitView {
    /** The project and its id (stdout). */
    void found(InitResult result);

    /** The id was written as {@code project.id} into {@code file}. */
    void recorded(String file);

    /** The id was not written: how to do it. */
    void notRecorded(InitResult result, String file);

    static InitView of(Terminal terminal) {
        return new HumanInitView(terminal);
    }
}
