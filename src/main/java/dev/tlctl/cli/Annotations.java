package dev.tlctl.cli;

import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands for the spec's diagnostics: {@code ::error} and
 * {@code ::warning} with the file, line and column, so that a pull request shows them on the lines
 * they are about. Escaped as GitHub's toolkit does: in the message {@code %}, CR and LF; in a
 * property also {@code :} and {@code ,}. Notes are not annotated (they are not problems).
 */
final class Annotations {
    private Annotations() {}

    /** The workflow command for {@code d} ({@code file} its file as GitHub finds it), or null for a note. */
    static String of(Diagnostic d, String file) {
        String command = switch (d.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> null;
        };
        if (command == null) {
            return null;
        }
        Location at = d.location();
        List<String> properties = new ArrayList<>();
        if (file != null && !file.isEmpty()) {
            properties.add("file=" + property(file));
        }
        if (at.line() > 0) {
            properties.add("line=" + at.line());
        }
        if (at.column() > 0) {
            properties.add("col=" + at.column());
        }
        properties.add("title=" + property("tlctl: " + d.summary()));
        String message = (at.path().isEmpty() ? "" : at.path() + ": ") + d.summary()
                + (d.detail() == null || d.detail().isEmpty() ? "" : "\n" + d.detail());
        return "::" + command + " " + String.join(",", properties) + "::" + data(message);
    }

    /** A message: {@code %}, CR and LF escaped. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A property value: as a message, and {@code :} and {@code ,} too. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
