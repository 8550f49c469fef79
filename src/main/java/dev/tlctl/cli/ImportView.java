package dev.tlctl.cli;

import dev.tlctl.reconcile.ImportResult;
import dev.tlctl.reconcile.MigrateResult;

/**
 * What {@code import} shows: the files of a live project written (or printed), the secrets to
 * set by name, what the spec cannot express; or what a Railway config file changed in the spec.
 * For people, as one JSON document, or in Markdown; chosen once per run by {@link #of}.
 */
interface ImportView {
    /** A live project imported into spec files (or printed). */
    void imported(ImportResult result);

    /** A Railway config-as-code file merged into the spec. */
    void migrated(MigrateResult result);

    static ImportView of(Terminal terminal, Format format) {
        return switch (format) {
            case HUMAN -> new HumanImportView(terminal);
            case JSON -> new JsonImportView(terminal);
            case MARKDOWN -> new MarkdownImportView(terminal);
        };
    }
}
