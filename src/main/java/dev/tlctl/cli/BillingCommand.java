package dev.tlctl.cli;

import dev.tlctl.reconcile.BillingRequest;
import dev.tlctl.reconcile.BillingResult;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Shows the workspace's spend against its usage limit and the project's estimated spend; writes nothing. */
@Command(
        addMethodSubcommands = false,
        name = "billing",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = BillingCheckCommand.class,
        description = {
            "Show spend against the usage limit, per environment and service; writes nothing.",
            "",
            "Reads, in the same single request as the project (two when it is found by name), the workspace's"
                    + " billing (current usage in dollars, billing period, usage limit, whether it is over it) and the"
                    + " project's usage this period per environment and service (CPU, memory, disk, backups, network"
                    + " egress). The workspace's spent figure is Railway's; the project's are estimates at Railway's"
                    + " list prices ($20 a vCPU-month, $10 a GB-month of memory, $0.15 a GB-month of disk, $0.05 a GB"
                    + " sent; billing.prices overrides them), projected linearly to the end of the period. The table"
                    + " lists spent, projected and percent of the soft and hard limits, top spenders first, then the"
                    + " checks that `tlctl billing check` would fail. Needs an account or workspace token: a project"
                    + " token cannot read billing.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the report was printed (failing checks are listed, not an error: see billing check)",
            "1:error (Railway API, network; a project token, or a token that cannot read billing; no such project)",
            "64:usage error",
            "65:the spec is invalid, or is not valid YAML",
            "66:the spec file or an env file cannot be read",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl billing --sandbox",
            "  tlctl billing --json > billing.json       # kind billing, see README",
            "  tlctl billing --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
            "  tlctl billing check                       # CI: exit 3 when a check fails",
        })
final class BillingCommand extends BaseCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project;

    @Mixin
    FormatOptions output;

    @Override
    public Integer call() {
        show(this, project, output, BillingView::report);
        return ExitCodes.OK;
    }

    /** What {@code billing} and {@code billing check} share: one read, shown in the form asked for, its cost said. */
    static BillingResult show(BaseCommand command, ProjectOptions project, FormatOptions output,
            BiConsumer<BillingView, BillingResult> show) {
        BillingView view = BillingView.of(command.terminal(), output.format());
        try (Core core = command.open()) {
            BillingResult result = core.reconciler().billing(new BillingRequest(project.target()));
            show.accept(view, result);
            RequestReport.print(command.terminal(), core.reconciler().requests());
            return result;
        }
    }
}
