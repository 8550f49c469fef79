package dev.tlctl.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How an audit command prints: for people, one JSON document, or Markdown for a pull request or a CI job summary. */
final class OutputOptions {
    /** --output and --json. */
    @Mixin
    FormatOptions formats;

    @Option(names = "--show-values", description = "Show non-secret variable values (secrets are never shown).")
    boolean showValues;

    Format format() {
        return formats.format();
    }
}
