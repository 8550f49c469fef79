package dev.tlctl.cli;

import dev.tlctl.spec.Diagnostic;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints spec diagnostics, for people (compiler style, on stderr) and as JSON records. */
final class Diagnostics {
    private Diagnostics() {}

    /** One diagnostic in JSON documents. */
    record Entry(String severity, String file, String path, int line, int column, String summary, String detail) {}

    static void print(PrintStream err, Style style, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            String text = d.format();
            String severity = d.severity().name().toLowerCase(Locale.ROOT);
            String marker = ": " + severity + ": ";
            int at = text.indexOf(marker);
            if (at >= 0) {
                String word = d.isError() ? style.red(severity) : d.severity() == Diagnostic.Severity.WARNING
                        ? style.yellow(severity) : style.dim(severity);
                text = style.bold(text.substring(0, at)) + ": " + word + ": " + text.substring(at + marker.length());
            }
            err.println(text);
        }
        annotate(err, style, diagnostics);
    }

    /** The errors and warnings among {@code diagnostics} as GitHub annotations, when the style says so. */
    static void annotate(PrintStream err, Style style, List<Diagnostic> diagnostics) {
        if (!style.annotations()) {
            return;
        }
        for (Diagnostic d : diagnostics) {
            String annotation = Annotations.of(d, style.annotationFile(d.location().file()));
            if (annotation != null) {
                err.println(annotation);
            }
        }
    }

    static void printSummary(PrintStream err, Style style, String file, List<Diagnostic> diagnostics) {
        print(err, style, diagnostics);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        err.println(style.red(file + " is invalid: " + errors + (errors == 1 ? " error" : " errors") + "."));
    }

    /** Diagnostics as one Markdown table (severity, where, what), or nothing when there are none. */
    @SafeVarargs
    static String markdown(List<Diagnostic>... lists) {
        Table table = new Table("", "Where", "What");
        for (List<Diagnostic> list : lists) {
            for (Diagnostic d : list) {
                String where = d.location().position() + (d.location().path().isEmpty() ? "" : " " + d.location().path());
                String what = d.summary() + (d.detail() == null || d.detail().isEmpty() ? "" : ". " + d.detail());
                table.row(d.severity().name().toLowerCase(Locale.ROOT), where, what);
            }
        }
        return table.isEmpty() ? "" : table.markdown();
    }

    static List<Entry> json(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> new Entry(d.severity().name().toLowerCase(Locale.ROOT),
                d.location().file(), d.location().path(), d.location().line(), d.location().column(), d.summary(),
                d.detail())).toList();
    }
}
