package dev.tlctl.cli;

import dev.tlctl.reconcile.VariablesRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Live variables, read-only. */
@Command(
        addMethodSubcommands = false,
        name = "vars",
        mixinStandardHelpOptions = true,
        subcommands = {VarsCommand.ListVariables.class},
        description = {"Read the variables Railway holds.", "", "See: tlctl vars list --help"},
        footerHeading = "%nExamples:%n",
        footer = {"  tlctl vars list --env staging --sandbox"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error (Railway API, network, I/O)", "64:usage error",
            "65:the spec is invalid, or is not valid YAML", "66:the spec file or an env file cannot be read", "77:no Railway token, a malformed one, or one Railway refuses"})
final class VarsCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        spec.commandLine().usage(context().err());
        throw new CliException(ExitCodes.USAGE, "a vars command is required: list", null);
    }

    @Command(
            addMethodSubcommands = false,
            name = "list",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "List an environment's live variables and where each comes from; writes nothing.",
                "",
                "One request when the project's id is known. Each variable is declared in the spec or on Railway only;"
                        + " a Railway reference ($${{shared.NAME}}, $${{Postgres.DATABASE_URL}}) is shown as written, not"
                        + " rendered; a sealed one has no value to show. Secrets (by the spec, or by their name or value)"
                        + " are always masked; other values only with --show-values. No secret of the spec is needed.",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:success",
                "1:error (Railway API, network, I/O; the project does not exist)",
                "64:usage error (an unknown environment or service)",
                "65:the spec is invalid, or is not valid YAML",
                "66:the spec file or an env file cannot be read",
                "77:no Railway token, a malformed one, or one Railway refuses",
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tlctl vars list --env staging --sandbox",
                "  tlctl vars list --env production --service engine-api --show-values",
                "  tlctl vars list --env staging --json | jq '.variables[] | select(.origin == \"railway\")'",
            })
    static final class ListVariables extends BaseCommand implements Callable<Integer> {
        @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment (any on Railway).")
        String environment;

        @Option(names = "--service", paramLabel = "NAME", description = "Only this service's variables (not the shared ones).")
        String service;

        @Mixin
        ProjectOptions project;

        @Mixin
        OutputOptions output;

        @Override
        public Integer call() {
            VariablesView view = VariablesView.of(terminal(), output.format(), output.showValues);
            try (Core core = open()) {
                view.render(core.reconciler().variables(new VariablesRequest(project.target(), environment, service)));
                RequestReport.print(terminal(), core.reconciler().requests());
                return ExitCodes.OK;
            }
        }
    }
}
