package dev.tlctl.cli;

import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How billing and billing check show their result: for people, as one JSON document, or as Markdown. */
final class BillingFlags {
    static final List<String> FORMATS = List.of("text", "json", "markdown");

    @Option(names = "--json", description = "One JSON document on stdout (formatVersion 1, kind billing); the same as"
            + " --output json.")
    boolean json;

    @Option(names = "--output", paramLabel = "FORMAT", description = "text (default), json, or markdown: a table for a"
            + " pull-request comment or a GitHub job summary ($GITHUB_STEP_SUMMARY).")
    String output;

    /** The format asked for: text, json or markdown. */
    String format() {
        String format = output == null ? null : output.toLowerCase(Locale.ROOT);
        if (format != null && !FORMATS.contains(format)) {
            throw new CliException(ExitCodes.USAGE, "unknown --output format \"" + output + "\"",
                    "Choose one of: " + String.join(", ", FORMATS) + ".");
        }
        if (json && format != null && !format.equals("json")) {
            throw new CliException(ExitCodes.USAGE, "--json and --output " + format + " exclude each other",
                    "Choose one format.");
        }
        return json ? "json" : format == null ? "text" : format;
    }
}
