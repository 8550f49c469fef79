package dev.tlctl.cli;

import dev.tlctl.reconcile.BillingResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks spend, limits and guards for CI: exit 3 when any check fails. */
@Command(
        addMethodSubcommands = false,
        name = "check",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Check the usage limit, spend and the spec's guards; exit 3 when any fails.",
            "",
            "Reads what `tlctl billing` reads (one request with the project's id known, two by name) and fails"
                    + " when: no soft limit (the email alert) is set on Railway; the live limits differ from"
                    + " billing.usageLimit; spent or projected spend reaches billing.warnAtPercent (default 75) of the"
                    + " soft limit; Railway reports the workspace over its limit; a service Railway runs breaks"
                    + " billing.guards of its environment (replicas, sleeping when idle, vCPU and memory per replica);"
                    + " or an environment's projected cost (its worst case at the declared limits when no usage was"
                    + " measured) exceeds its monthlyBudgetDollars. Each failure is one line: what, how much, and"
                    + " what to do. Projections are linear estimates.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every check holds",
            "1:error (Railway API, network; a project token, or a token that cannot read billing; no such project)",
            "3:a check failed",
            "64:usage error",
            "65:the spec is invalid, or is not valid YAML",
            "66:the spec file or an env file cannot be read",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl billing check --sandbox",
            "  tlctl billing check --json > billing.json # every check, passed or not",
            "  tlctl billing check --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
        })
final class BillingCheckCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project;

    @Mixin
    FormatOptions output;

    @Override
    public Integer call() {
        BillingResult result = BillingCommand.show(this, project, output, BillingView::check);
        return result.report().passed() ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
}
