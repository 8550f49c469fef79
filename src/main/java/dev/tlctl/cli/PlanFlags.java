package dev.tlctl.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options plan and apply share: how much to plan, how strictly, and how to show it. */
final class PlanFlags {
    /** Whether non-secret variable values are shown (the default; {@code --hide-values} hides them). */
    boolean showValues() {
        if (hideValues && showValues) {
            throw new CliException(ExitCodes.USAGE, "--hide-values and --show-values exclude each other",
                    "Values that are not secret are shown by default; --hide-values hides them.");
        }
        return !hideValues;
    }

    @Option(names = "--prune", description = "Also delete what Railway has but the spec does not declare (never volumes).")
    boolean prune;

    @Option(names = "--strict", description = "Treat the spec's warnings (Railway rules it breaks) as errors: exit 65.")
    boolean strict;

    @Option(names = "--hide-values", description = "Hide variable values that are not secret (shown by default;"
            + " secrets, by the spec or by their content, are never shown).")
    boolean hideValues;

    /** Accepted for scripts written when values were hidden by default; values are shown now. */
    @Option(names = "--show-values", hidden = true)
    boolean showValues;

    /** {@code --output human|json|markdown} and {@code --json} (apply: JSON Lines events; no Markdown). */
    @Mixin
    FormatOptions formats;

    @Option(names = "--replace", paramLabel = "ADDRESS", description = "Write this variable or setting even if Railway"
            + " seems to hold it already (repeatable), such as a sealed value tlctl has no record of:"
            + " --replace staging/engine-api/variable/API_TOKEN.")
    java.util.List<String> replace = new java.util.ArrayList<>();

    @Option(names = "--set", paramLabel = "SERVICE.SETTING=VALUE", description = "A setting of one service in the"
            + " run's one environment (repeatable), such as --set engine-api.source.branch=feature-x. Kept by"
            + " later runs without it.")
    java.util.List<String> sets = new java.util.ArrayList<>();

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The branch of every service that deploys a"
            + " repository, in the run's one environment (a preview's branch). Kept by later runs without it.")
    String branch;

    java.util.Set<String> replaced() {
        return new java.util.LinkedHashSet<>(replace);
    }
}
