package dev.tlctl.cli;

import dev.tlctl.adopt.ImportedSecret;
import dev.tlctl.adopt.Migration;
import dev.tlctl.reconcile.ImportResult;
import dev.tlctl.reconcile.MigrateResult;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code tlctl import} for people: what was written on stdout (with {@code --stdout}, the files
 * themselves, and the rest on stderr), then the secrets to set (names, never values), what the
 * spec cannot express, notes, and what {@code validate --strict} finds.
 */
final class HumanImportView implements ImportView {
    private final PrintStream out;
    private final PrintStream err;
    private final Style style;

    HumanImportView(Terminal terminal) {
        this.out = terminal.out();
        this.err = terminal.err();
        this.style = terminal.style();
    }

    @Override
    public void imported(ImportResult result) {
        boolean printed = result.files().stream().anyMatch(f -> f.outcome() == ImportResult.Outcome.PRINTED);
        PrintStream report = printed ? err : out;
        if (printed) {
            for (ImportResult.File file : result.files()) {
                out.println("--- # " + file.path());
                out.print(file.text());
            }
        }
        report.println(style.bold("Imported project " + result.projectName()) + " (" + result.projectId() + "): "
                + count(result.environments().size(), "environment") + " (" + String.join(", ", result.environments())
                + "), " + count(result.services().size(), "service") + ".");
        for (ImportResult.File file : result.files()) {
            if (file.outcome() != ImportResult.Outcome.PRINTED) {
                String word = file.outcome() == ImportResult.Outcome.WRITTEN ? style.green("wrote    ")
                        : style.dim("unchanged");
                report.println("  " + word + " " + file.path());
            }
        }
        secrets(report, result);
        list(report, "Not expressed by the spec yet (listed as comments in the files; tlctl leaves them as they are):",
                result.unexpressed());
        list(report, "Notes:", result.notes());
        report.println();
        if (result.valid()) {
            report.println(style.green("validate --strict passes."));
        } else {
            report.println(style.yellow("validate --strict finds " + count(result.problems().size(), "problem")
                    + " to fix by hand:"));
            Diagnostics.print(report, style, result.problems());
        }
    }

    private void secrets(PrintStream report, ImportResult result) {
        if (result.secrets().isEmpty()) {
            return;
        }
        report.println();
        report.println("Secrets are written as ${env:NAME} references, never as values. Set these "
                + count(result.secrets().size(), "variable") + " before plan or apply:");
        int width = result.secrets().stream().mapToInt(s -> s.variable().length()).max().orElse(0);
        int where = result.secrets().stream().mapToInt(s -> s.address().length()).max().orElse(0);
        for (ImportedSecret secret : result.secrets()) {
            report.println("  " + pad(secret.variable(), width) + "  " + pad(secret.address(), where) + "  "
                    + secret.why() + (secret.known() ? "" : ": set it by hand"));
        }
        if (result.secretsFile() != null) {
            long known = result.secrets().stream().filter(ImportedSecret::known).count();
            report.println("Wrote " + count((int) known, "value") + " to " + result.secretsFile()
                    + " (mode 0600): tlctl plan --env-file " + result.secretsFile());
        } else if (result.secrets().stream().anyMatch(ImportedSecret::known)) {
            report.println("To get the values Railway returns in a file: --write-secrets FILE (outside the repository,"
                    + " or git-ignored).");
        }
    }

    @Override
    public void migrated(MigrateResult result) {
        out.println(style.bold("Migrated " + result.configFile() + " into service " + result.service()) + ": "
                + count(result.changes().size(), "setting") + " written"
                + (result.files().isEmpty() ? "." : " to " + String.join(", ", result.files()) + "."));
        for (Migration.Change change : result.changes()) {
            out.println("  " + change.file() + ": " + change.key() + " = " + change.shown() + "  ("
                    + change.source().location().position() + ")");
        }
        if (!result.conflicts().isEmpty()) {
            out.println();
            out.println(result.forced() ? "Conflicts, where the spec said otherwise (--force took " + result.configFile()
                    + "'s value):" : "Conflicts, left as the spec says (--force takes " + result.configFile() + "'s value):");
            for (Migration.Conflict c : result.conflicts()) {
                out.println("  " + c.file() + ": " + c.key() + " is " + c.shownCurrent() + " in " + c.environment()
                        + "; " + c.source().location().position() + " says " + c.shownWanted());
            }
        }
        list(out, "Not migrated:", result.notTaken().stream().map(Object::toString).toList());
        list(out, "Notes:", result.notes());
        out.println();
        if (result.problems().isEmpty()) {
            out.println(style.green("validate --strict passes."));
        } else {
            out.println(style.yellow("validate --strict finds " + count(result.problems().size(), "problem") + ":"));
            Diagnostics.print(out, style, result.problems());
        }
    }

    private static void list(PrintStream stream, String heading, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        stream.println();
        stream.println(heading);
        lines.forEach(line -> stream.println("  " + line));
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
