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
    }

    static void printSummary(PrintStream err, Style style, String file, List<Diagnostic> diagnostics) {
        print(err, style, diagnostics);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        err.println(style.red(file + " is invalid: " + errors + (errors == 1 ? " error" : " errors") + "."));
    }

    /** The one-line summary of an invalid spec, by what is wrong: each outcome reads differently. */
    static String headline(dev.tlctl.spec.SpecException e) {
        long errors = e.errors().size();
        String count = errors + (errors == 1 ? " error" : " errors");
        return switch (e.cause()) {
            case NO_INPUT -> "the spec cannot be read: " + e.errors().stream().filter(d -> d.cause()
                    == Diagnostic.Cause.NO_INPUT).findFirst().map(d -> d.location().file() + ": " + d.summary()).orElse("");
            case SYNTAX -> "the spec is not valid YAML: " + count;
            case MISSING_VALUE -> "values the spec references are not set (" + e.errors().get(0).summary()
                    + "); the spec itself is valid";
            case INVALID -> "the spec is invalid: " + count;
        };
    }

    static List<Entry> json(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> new Entry(d.severity().name().toLowerCase(Locale.ROOT),
                d.location().file(), d.location().path(), d.location().line(), d.location().column(), d.summary(),
                d.detail())).toList();
    }
}
