package dev.tlctl.cli;

import dev.tlctl.reconcile.EnvResults;
import dev.tlctl.reconcile.EnvRow;
import java.util.List;
import java.util.Locale;

/** What {@code tlctl env} shows, for people or as one JSON document; chosen once per run by {@link #of}. */
interface EnvView {
    void listed(EnvResults.Listing listing);

    void created(EnvResults.Created created);

    /** What a delete or prune is about to delete (on stderr: the confirmation's context). */
    void toDelete(List<EnvRow> rows);

    void deleted(EnvResults.Deleted deleted);

    static EnvView of(Terminal terminal, boolean json) {
        return json ? new JsonEnvView(terminal) : new HumanEnvView(terminal);
    }

    /** {@code $12.34}, or empty when not known. */
    static String dollars(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "$%,.2f", value);
    }

    /** "declared", "preview (pr)", "Railway PR", "copy", "undeclared". */
    static String kind(EnvRow row) {
        return switch (row.kind()) {
            case DECLARED -> "declared";
            case PREVIEW -> "preview (" + row.template() + ")";
            case RAILWAY_PR -> "Railway PR";
            case COPY -> "copy";
            case UNDECLARED -> "undeclared";
        };
    }
}
