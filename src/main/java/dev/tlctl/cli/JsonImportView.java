package dev.tlctl.cli;

import dev.tlctl.adopt.ImportedSecret;
import dev.tlctl.reconcile.ImportResult;
import dev.tlctl.reconcile.MigrateResult;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code tlctl import --json}: one document on stdout ({@code "kind":"import"} or
 * {@code "kind":"migrate"}). Secrets appear by name and place, never by value; a printed file's
 * content (with {@code --stdout}) is included, and holds no secret.
 */
final class JsonImportView implements ImportView {
    private final PrintStream out;

    JsonImportView(Terminal terminal) {
        this.out = terminal.out();
    }

    record Imported(int formatVersion, String kind, Project project, List<String> environments, List<String> services,
            List<File> files, List<Secret> secrets, String secretsFile, List<String> unexpressed, List<String> notes,
            Validation validation, int requests) {}

    record Project(String name, String id) {}

    /** {@code content} only for a printed file. */
    record File(String path, String outcome, String content) {}

    /** A secret to set: {@code name} is the variable to export; {@code service} null for a shared variable. */
    record Secret(String name, String environment, String service, String variable, boolean sealed, boolean known,
            String reason) {}

    record Validation(boolean strict, boolean passes, List<Diagnostics.Entry> problems) {}

    record Migrated(int formatVersion, String kind, String file, String service, List<String> files,
            List<Change> changes, List<Conflict> conflicts, boolean forced, List<Finding> notMigrated,
            List<String> notes, Validation validation) {}

    /** A setting written: {@code shown} is its value, masked when it holds a credential. */
    record Change(String file, String key, String shown, String source) {}

    record Conflict(String file, String environment, String key, String current, String wanted, String source) {}

    record Finding(String location, String message) {}

    @Override
    public void imported(ImportResult r) {
        out.println(Json.write(new Imported(Json.FORMAT_VERSION, "import", new Project(r.projectName(), r.projectId()),
                r.environments(), r.services(), r.files().stream().map(f -> new File(f.path(),
                        f.outcome().name().toLowerCase(Locale.ROOT), f.outcome() == ImportResult.Outcome.PRINTED
                                ? f.text() : null)).toList(),
                r.secrets().stream().map(JsonImportView::secret).toList(),
                r.secretsFile() == null ? null : r.secretsFile().toString(), r.unexpressed(), r.notes(),
                new Validation(true, r.valid(), Diagnostics.json(r.problems())), r.requests().count())));
    }

    private static Secret secret(ImportedSecret s) {
        return new Secret(s.variable(), s.environment(), s.service(), s.name(), s.sealed(), s.known(), s.why());
    }

    @Override
    public void migrated(MigrateResult r) {
        out.println(Json.write(new Migrated(Json.FORMAT_VERSION, "migrate", r.configFile(), r.service(), r.files(),
                r.changes().stream().map(c -> new Change(c.file(), c.key(), c.shown(),
                        c.source().location().position())).toList(),
                r.conflicts().stream().map(c -> new Conflict(c.file(), c.environment(), c.key(), c.shownCurrent(),
                        c.shownWanted(), c.source().location().position())).toList(), r.forced(),
                r.notTaken().stream().map(f -> new Finding(f.location().position(), f.message())).toList(), r.notes(),
                new Validation(true, r.problems().isEmpty(), Diagnostics.json(r.problems())))));
    }
}
