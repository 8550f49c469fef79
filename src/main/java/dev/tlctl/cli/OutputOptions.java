package dev.tlctl.cli;

import picocli.CommandLine.Option;

/** How an audit command prints: for people, one JSON document, or Markdown for a pull request or a CI job summary. */
final class OutputOptions {
    /** The forms of output. */
    enum Format { HUMAN, JSON, MARKDOWN }

    @Option(names = "--output", paramLabel = "FORMAT",
            description = "human (default), json (one versioned document on stdout) or markdown (a table for a pull"
                    + " request comment or $GITHUB_STEP_SUMMARY).")
    Format output;

    @Option(names = "--json", description = "The same as --output json.")
    boolean json;

    @Option(names = "--show-values", description = "Show non-secret variable values (secrets are never shown).")
    boolean showValues;

    Format format() {
        if (json && output != null && output != Format.JSON) {
            throw new CliException(ExitCodes.USAGE, "--json and --output " + output.name().toLowerCase(java.util.Locale.ROOT)
                    + " ask for two outputs", "Give one of them.");
        }
        return json ? Format.JSON : output == null ? Format.HUMAN : output;
    }
}
