package dev.tlctl.cli;

import dev.tlctl.reconcile.EnvRequests;
import dev.tlctl.reconcile.EnvResults;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tlctl env list}: the project's live environments, how the spec knows each, age, TTL and spend. */
@Command(
        addMethodSubcommands = false,
        name = "list",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "List the project's environments; writes nothing.",
            "",
            "From one request: each live environment, whether the spec declares it, a template names it (a"
                    + " preview) or neither (one of Railway's own PR environments, or unmanaged), where it comes"
                    + " from, whether it is ephemeral, its age, whether a preview is past its ttl, its volumes,"
                    + " and what it used so far this billing period and its projection (at the spec's prices;"
                    + " when the token can read usage).",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:listed",
            "1:error (Railway API, network; no such project)",
            "64:usage error",
            "65:the spec is invalid or not valid YAML",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl env list --sandbox",
            "  tlctl env list --json | jq '.environments[] | select(.expired)'",
        })
final class EnvListCommand extends BaseCommand implements Callable<Integer> {
    @Mixin
    ProjectOptions project;

    @Option(names = "--json", description = "One JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        try (Core core = open()) {
            EnvResults.Listing listing = core.reconciler().environments(new EnvRequests.ListAll(
                    project.target()));
            EnvView.of(terminal(), json).listed(listing);
            RequestReport.print(terminal(), core.reconciler().requests());
            return ExitCodes.OK;
        }
    }
}
