package dev.tlctl.cli;

import picocli.CommandLine.Option;

/**
 * {@code --output FORMAT} and {@code --json}: for people, one JSON document, or Markdown. Part of
 * {@link OutputOptions}; alone for commands that show no variable values ({@code billing}).
 */
final class FormatOptions {
    @Option(names = "--output", paramLabel = "FORMAT",
            description = "human (default), json (one versioned document on stdout) or markdown (a table for a pull"
                    + " request comment or $GITHUB_STEP_SUMMARY).")
    Format output;

    @Option(names = "--json", description = "The same as --output json.")
    boolean json;

    Format format() {
        if (json && output != null && output != Format.JSON) {
            throw new CliException(ExitCodes.USAGE, "--json and --output " + output.name().toLowerCase(java.util.Locale.ROOT)
                    + " ask for two outputs", "Give one of them.");
        }
        return json ? Format.JSON : output == null ? Format.HUMAN : output;
    }
}
