package dev.tlctl.cli;

import dev.tlctl.reconcile.ApplyObserver;
import dev.tlctl.reconcile.EnvRequests;
import dev.tlctl.reconcile.EnvResults;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tlctl env create NAME}: a preview, as {@code apply --env NAME --yes}, or a one-off copy; prints its id. */
@Command(
        addMethodSubcommands = false,
        name = "create",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Create a preview (or bring it up to date), or copy an environment, and print its id.",
            "",
            "The same as tlctl apply --env NAME --yes for an environment a template names: created empty with"
                    + " Railway's ephemeral flag, then its services, settings and variables in one commit (its"
                    + " template's source environment with the template's overlay over it). Its secrets are its"
                    + " own: only the $${env:...} references it uses are read. --set and --branch give it values of"
                    + " its own, kept by later runs without them. Railway creates one environment per user every"
                    + " 30 seconds: a create inside that window waits (a line on stderr says so) and goes on.",
            "",
            "For a NAME no template names, --from ENV makes a one-off copy of ENV (Railway's fork, ephemeral):"
                    + " its services, settings and variables, SECRETS INCLUDED (never printed; sealed ones are not"
                    + " copied), deployed. env list shows it as a copy; env delete NAME --yes removes it. Copying"
                    + " the default environment (production) needs --force.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:created, or already as the spec says",
            "1:error (Railway API, network; running again converges); a copy of the default environment without --force",
            "64:usage error (no template names NAME and no --from, --from is not the template's source)",
            "65:the spec or a parameter is invalid",
            "77:no Railway token, a malformed one, or one Railway refuses",
            "78:a secret the preview needs is not set",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl env create pr-42 --branch feature-x --yes",
            "  tlctl env create pr-42 --set engine-api.source.branch=feature-x --json",
            "  tlctl env create try-redis --from staging --yes   # a one-off copy",
        })
final class EnvCreateCommand extends BaseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The preview's name, such as pr-42.")
    String name;

    @Option(names = "--from", paramLabel = "ENV", description = "The environment it comes from: its template's"
            + " (checked), or, for a NAME no template names, the one to copy.")
    String from;

    @Option(names = "--set", paramLabel = "SERVICE.SETTING=VALUE", description = "A setting of one service there"
            + " (repeatable), such as --set engine-api.source.branch=feature-x.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--branch", paramLabel = "BRANCH", description = "The branch of every service that deploys a"
            + " repository.")
    String branch;

    @Option(names = "--yes", description = "Accepted for symmetry with apply: creating a preview deletes nothing,"
            + " so it never asks.")
    boolean yes;

    @Option(names = "--force", description = "With --from production (the default environment): copy it all the"
            + " same, its secrets included.")
    boolean force;

    @Option(names = "--json", description = "One JSON document on stdout: the name, the id, whether it was created.")
    boolean json;

    @Mixin
    ProjectOptions project;

    @Override
    public Integer call() {
        long start = context().clock().millis();
        ApplyView apply = ApplyView.of(terminal(), false, true);
        ApplyObserver observer = json ? new ApplyObserver() {} : apply;
        try (Core core = open()) {
            EnvResults.Created created = core.reconciler().createEnvironment(new EnvRequests.Create(project.target(),
                    name, from, sets, branch, force), observer);
            if (!json && created.outcome() != null) {
                apply.outcome(created.outcome(), core.reconciler().requests(), context().clock().millis() - start);
            }
            EnvView.of(terminal(), json).created(created);
            RequestReport.print(terminal(), core.reconciler().requests());
            return created.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }
}
