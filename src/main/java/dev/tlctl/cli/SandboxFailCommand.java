package dev.tlctl.cli;

import dev.tlctl.sandbox.SandboxException;
import dev.tlctl.sandbox.SandboxFailures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes a service's next deployments fail in the sandbox, for demos and tests of {@code --wait}. */
@Command(
        addMethodSubcommands = false,
        name = "fail",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Make a service's next deployments fail in the sandbox.",
            "",
            "build: the build fails (FAILED when it ends); crash: the container exits once deployed (CRASHED);"
                    + " healthcheck: the healthcheck never answers (FAILED after healthcheckTimeout, only with a"
                    + " healthcheckPath); none: deployments succeed again. Deployments already made keep their fate;"
                    + " a running sandbox on the same state file sees it on its next request.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl sandbox fail --env staging --service engine-api crash",
            "  tlctl apply --env staging --yes --wait     # exit 1, with the last log lines",
            "  tlctl sandbox fail --env staging --service engine-api none",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error (I/O, no such project, environment or service)",
            "64:usage error (such as an unknown failure)"})
final class SandboxFailCommand extends BaseCommand implements Callable<Integer> {
    @Option(names = "--project", paramLabel = "NAME", defaultValue = "tl-engine",
            description = "The project, by name (default: ${DEFAULT-VALUE}).")
    String project;

    @Option(names = {"--env", "--environment"}, paramLabel = "ENV", required = true, description = "The environment.")
    String environment;

    @Option(names = "--service", paramLabel = "NAME", required = true, description = "The service.")
    String service;

    @Parameters(index = "0", paramLabel = "FAILURE", description = "build, crash, healthcheck or none.")
    String failure;

    @Option(names = "--state", paramLabel = "FILE",
            description = "The state file (default: " + SandboxCommand.DEFAULT_STATE + " in the current directory).")
    Path state;

    @Override
    public Integer call() {
        Path file = SandboxCommand.stateFile(context(), state);
        String where = project + "/" + environment + "/" + service;
        try {
            SandboxFailures.fail(file, context().clock(), project, environment, service, failure);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, e.getMessage(), null);
        } catch (SandboxException e) {
            throw new CliException(ExitCodes.ERROR, "Could not change the deployments of " + where,
                    e.getMessage() + " (state: " + file + ").");
        } catch (IOException e) {
            throw new CliException(ExitCodes.ERROR, "Could not change the deployments of " + where, e.getMessage(), e);
        }
        context().out().println("none".equalsIgnoreCase(failure) ? "deployments of " + where + " succeed again"
                : "the next deployments of " + where + " fail: " + failure.toLowerCase(java.util.Locale.ROOT));
        return ExitCodes.OK;
    }
}
