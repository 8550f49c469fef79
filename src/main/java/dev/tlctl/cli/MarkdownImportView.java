package dev.tlctl.cli;

import dev.tlctl.reconcile.ImportResult;
import dev.tlctl.reconcile.MigrateResult;
import java.io.PrintStream;

/**
 * {@code import --output markdown}: what was imported or migrated, as headings, tables and lists
 * for a pull request or a job summary. Secrets by name and place, never by value; with
 * {@code --stdout}, each file in a YAML block.
 */
final class MarkdownImportView implements ImportView {
    private final PrintStream out;

    MarkdownImportView(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public void imported(ImportResult r) {
        out.println("### tlctl import: " + Table.markdownCell(r.projectName()) + " (`" + Table.markdownCell(r.projectId())
                + "`)");
        out.println();
        out.println(r.environments().size() + " environments (" + Table.markdownCell(String.join(", ", r.environments()))
                + "), " + r.services().size() + " services.");
        out.println();
        Table files = new Table("File", "Outcome");
        r.files().forEach(f -> files.row(f.path(), f.outcome().name().toLowerCase(java.util.Locale.ROOT)));
        out.print(files.markdown());
        for (ImportResult.File f : r.files()) {
            if (f.outcome() == ImportResult.Outcome.PRINTED) {
                out.println();
                out.println("`" + Table.markdownCell(f.path()) + "`:");
                out.println("```yaml");
                out.print(f.text().replace("```", "`\u200b``"));
                out.println("```");
            }
        }
        if (!r.secrets().isEmpty()) {
            out.println();
            out.println("Secrets to set (names only):");
            out.println();
            Table secrets = new Table("Variable", "Environment", "Service", "Name");
            r.secrets().forEach(s -> secrets.row(s.variable(), s.environment(), s.service() == null ? "(shared)"
                    : s.service(), s.name()));
            out.print(secrets.markdown());
        }
        list("Not expressed by the spec yet:", r.unexpressed());
        list("Notes:", r.notes());
        out.println();
        out.println(r.valid() ? "**validate --strict passes.**" : "**validate --strict finds problems:**");
        out.print(Diagnostics.markdown(r.problems()));
    }

    @Override
    public void migrated(MigrateResult r) {
        out.println("### tlctl import: " + Table.markdownCell(r.configFile()) + " into service "
                + Table.markdownCell(r.service()));
        out.println();
        Table changes = new Table("File", "Key", "Value", "From");
        r.changes().forEach(c -> changes.row(c.file(), c.key(), c.shown(), c.source().location().position()));
        out.print(changes.isEmpty() ? "No setting changed.\n" : changes.markdown());
        if (!r.conflicts().isEmpty()) {
            out.println();
            out.println(r.forced() ? "Replaced (--force):" : "Kept (the spec says otherwise; --force takes the file's):");
            out.println();
            Table conflicts = new Table("File", "Key", "Spec", "Config file");
            r.conflicts().forEach(c -> conflicts.row(c.file(), c.key(), c.shownCurrent(), c.shownWanted()));
            out.print(conflicts.markdown());
        }
        list("Not migrated:", r.notTaken().stream().map(f -> f.location().position() + ": " + f.message()).toList());
        list("Notes:", r.notes());
        out.print(Diagnostics.markdown(r.problems()));
    }

    private void list(String heading, java.util.List<String> items) {
        if (!items.isEmpty()) {
            out.println();
            out.println(heading);
            out.println();
            items.forEach(i -> out.println("- " + Table.markdownCell(i)));
        }
    }
}
