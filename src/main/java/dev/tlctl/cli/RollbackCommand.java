package dev.tlctl.cli;

import dev.tlctl.reconcile.RollbackRequest;
import dev.tlctl.reconcile.RollbackResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Rolls one service back in one environment to an earlier deployment. */
@Command(
        addMethodSubcommands = false,
        name = "rollback",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Roll a service back to an earlier deployment.",
            "",
            "Railway restores that deployment's image and variables as a new deployment. Without --to, the newest"
                    + " earlier deployment Railway can still roll back to: one that served, no longer serves, and is"
                    + " within Railway's retention window (images are kept 24 h on Free, 72 h on Hobby, 120 h on Pro);"
                    + " outside it, tlctl refuses and says why. The config in the spec is not changed: the next apply"
                    + " deploys what the spec says again.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:rolled back (with --wait: and serving)",
            "1:error (Railway API, network; no deployment to roll back to, or one outside the retention window;"
                    + " with --wait: the rollback failed or --timeout ran out)",
            "64:usage error",
            "65:the spec is invalid or not valid YAML",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl rollback --env production --service engine-api --wait",
            "  tlctl rollback --env production --service engine-api --to 5f1c9a2e-...",
        })
final class RollbackCommand extends BaseCommand implements Callable<Integer> {
    @Option(names = "--env", paramLabel = "NAME", required = true, description = "The environment.")
    String environment;

    @Option(names = "--service", paramLabel = "NAME", required = true, description = "The service.")
    String service;

    @Option(names = "--to", paramLabel = "DEPLOYMENT",
            description = "The deployment id to return to (default: the previous one that can be rolled back to).")
    String to;

    @Mixin
    ProjectOptions project;

    @Mixin
    WaitOptions waiting;

    @Mixin
    RuntimeOutput output;

    @Override
    public Integer call() {
        RuntimeView view = output.view(terminal());
        RollbackRequest request = new RollbackRequest(new dev.tlctl.reconcile.Target(java.util.List.of(environment),
                project.projectId, project.workspace), environment, service, to, waiting.timeout());
        try (Core core = open()) {
            RollbackResult result = core.reconciler().rollback(request, view);
            view.rolledBack(result);
            RequestReport.print(terminal(), core.reconciler().requests());
            return result.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }
}
