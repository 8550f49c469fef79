package dev.tlctl.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of the {@code env} commands that delete: consent, output, the project. */
final class EnvDeleteOptions {
    @Option(names = "--yes", description = "Delete without asking (needed without a terminal).")
    boolean yes;

    @Option(names = "--json", description = "One JSON document on stdout: what was deleted.")
    boolean json;

    @Mixin
    ProjectOptions project;
}
