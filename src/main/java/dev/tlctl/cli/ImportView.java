package dev.tlctl.cli;

import dev.tlctl.reconcile.ImportResult;
import dev.tlctl.reconcile.MigrateResult;

/** How {@code tlctl import} shows what it did: for people ({@link HumanImportView}) or as JSON ({@link JsonImportView}). */
interface ImportView {
    /** A live project imported into spec files (or printed). */
    void imported(ImportResult result);

    /** A Railway config-as-code file merged into the spec. */
    void migrated(MigrateResult result);
}
