package dev.tlctl.cli;

import picocli.CommandLine.Option;

/** The options plan and apply share: how much to plan, how strictly, and how to show it. */
final class PlanFlags {
    @Option(names = "--prune", description = "Also delete what Railway has but the spec does not declare (never volumes).")
    boolean prune;

    @Option(names = "--strict", description = "Treat the spec's warnings (Railway rules it breaks) as errors: exit 65.")
    boolean strict;

    @Option(names = "--show-values", description = "Show non-secret variable values (secrets are never shown).")
    boolean showValues;

    @Option(names = "--json", description = "Machine output on stdout (plan: one document; apply: JSON Lines events).")
    boolean json;
}
