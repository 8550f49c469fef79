package dev.tlctl.cli;

import dev.tlctl.reconcile.EnvRequests;
import dev.tlctl.reconcile.EnvResults;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tlctl env prune --expired}: deletes the previews past their template's time to live. */
@Command(
        addMethodSubcommands = false,
        name = "prune",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Delete the previews past their time to live, nothing else.",
            "",
            "A preview is expired when its template has a ttl and Railway created it longer ago than that."
                    + " Lists them (with their volumes) and asks on a terminal; without one it needs --yes.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:deleted (or none expired, or cancelled at the prompt)",
            "1:error (Railway API, network)",
            "64:usage error (no --expired; no --yes without a terminal)",
            "65:the spec is invalid or not valid YAML",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl env prune --expired --yes            # CI: nightly",
        })
final class EnvPruneCommand extends BaseCommand implements Callable<Integer> {
    @Option(names = "--expired", description = "Delete the previews past their template's ttl (required).")
    boolean expired;

    @Mixin
    EnvDeleteOptions options;

    @Override
    public Integer call() {
        if (!expired) {
            throw new CliException(ExitCodes.USAGE, "env prune needs --expired",
                    "It deletes previews past their time to live: tlctl env prune --expired. To delete one, use"
                            + " tlctl env delete NAME.");
        }
        EnvView view = EnvView.of(terminal(), options.json);
        try (Core core = open()) {
            EnvResults.Deleted deleted = core.reconciler().pruneExpired(new EnvRequests.PruneExpired(
                    options.project.target()), rows -> EnvDeleteCommand.confirmed(view, rows, options.yes, context(),
                    "prune"));
            view.deleted(deleted);
            RequestReport.print(terminal(), core.reconciler().requests());
            return ExitCodes.OK;
        }
    }
}
