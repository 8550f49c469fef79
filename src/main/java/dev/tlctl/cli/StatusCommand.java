package dev.tlctl.cli;

import dev.tlctl.reconcile.StatusRequest;
import dev.tlctl.reconcile.StatusResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Shows what runs: each service's newest deployment per environment; exit 2 when one is not healthy. */
@Command(
        addMethodSubcommands = false,
        name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show what runs: each service's newest deployment, per environment.",
            "",
            "From one request: per environment and service, the newest deployment's status, age, deployment id,"
                    + " branch and commit (or image), and the service's URLs. Healthy when every service the spec"
                    + " enables there serves (SUCCESS) or sleeps until a request wakes it (SLEEPING): a gate for CI."
                    + " Needs no secret of the spec.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every enabled service is healthy",
            "1:error (Railway API, network, I/O; no such project)",
            "2:a service is not healthy (building, deploying, failed, crashed, never deployed)",
            "64:usage error",
            "65:the spec is invalid or not valid YAML",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl status --sandbox",
            "  tlctl status --env staging --json          # exit 2 until staging is healthy",
            "  tlctl status --output markdown >> \"$GITHUB_STEP_SUMMARY\"",
        })
final class StatusCommand extends BaseCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Mixin
    FormatOptions output;

    @Override
    public Integer call() {
        Format format = output.format();
        try (Core core = open()) {
            StatusResult result = core.reconciler().status(new StatusRequest(target.target()));
            StatusView.of(terminal(), format).render(result);
            RequestReport.print(terminal(), core.reconciler().requests());
            return result.healthy() ? ExitCodes.OK : ExitCodes.CHANGES;
        }
    }
}
