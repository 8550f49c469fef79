package dev.tlctl.cli;

import dev.tlctl.reconcile.DeployRequest;
import dev.tlctl.reconcile.DeployResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Deploys services from their current source and config, and optionally waits until they serve. */
@Command(
        addMethodSubcommands = false,
        name = "deploy",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Deploy services again from their current source and config.",
            "",
            "For a new environment's first deploy, or after a secret was rotated outside tlctl: one deployment"
                    + " (serviceInstanceDeployV2) per service the spec enables in each environment (every environment"
                    + " by default), or only the services named with --service. Services without a source (no"
                    + " repository, no image) have nothing to deploy and are passed by. Where a deployment is still"
                    + " building, tlctl waits for its build to end first (Railway refuses to redeploy meanwhile).",
            "",
            "With --wait, follows the deployments until each serves: exit 1 at the first FAILED or CRASHED one,"
                    + " with its last log lines, or when --timeout runs out.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:deployed (with --wait: and serving)",
            "1:error (Railway API, network; a service not created yet; with --wait: a deployment failed or"
                    + " --timeout ran out)",
            "64:usage error (an unknown environment or service)",
            "65:the spec is invalid or not valid YAML",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl deploy --env staging --service engine-api --wait",
            "  tlctl deploy --env staging --wait --timeout 15m --json",
        })
final class DeployCommand extends BaseCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Option(names = "--service", paramLabel = "NAME",
            description = "Only this service (repeatable). Default: every service the spec enables.")
    List<String> services = new ArrayList<>();

    @Mixin
    WaitOptions waiting;

    @Mixin
    RuntimeOutput output;

    @Override
    public Integer call() {
        RuntimeView view = output.view(terminal());
        DeployRequest request = new DeployRequest(target.target(), services, waiting.timeout());
        try (Core core = open()) {
            DeployResult result = core.reconciler().deploy(request, view);
            view.deployed(result);
            RequestReport.print(terminal(), core.reconciler().requests());
            return result.succeeded() ? ExitCodes.OK : ExitCodes.ERROR;
        }
    }
}
