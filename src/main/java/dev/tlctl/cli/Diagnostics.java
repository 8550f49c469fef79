package dev.tlctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.spec.Diagnostic;
import java.io.PrintStream;
import java.util.List;

/** Prints spec diagnostics, for people (compiler style, on stderr) and as JSON. */
final class Diagnostics {
    private Diagnostics() {}

    static void print(PrintStream err, Style style, List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            String text = d.format();
            String marker = d.isError() ? ": error: " : ": warning: ";
            int at = text.indexOf(marker);
            if (at >= 0) {
                String word = d.isError() ? style.red("error") : style.yellow("warning");
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

    static ArrayNode json(List<Diagnostic> diagnostics) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Diagnostic d : diagnostics) {
            ObjectNode node = array.addObject();
            node.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
            node.put("file", d.location().file());
            node.put("path", d.location().path());
            node.put("line", d.location().line());
            node.put("column", d.location().column());
            node.put("summary", d.summary());
            node.put("detail", d.detail());
        }
        return array;
    }
}
