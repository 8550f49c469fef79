package dev.tlctl.cli;

import dev.tlctl.reconcile.EnvRequests;
import dev.tlctl.reconcile.EnvResults;
import dev.tlctl.reconcile.EnvRow;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tlctl env delete NAME}: that environment and only it, once confirmed. */
@Command(
        addMethodSubcommands = false,
        name = "delete",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Delete one environment (a preview), with its services' instances, variables and volumes.",
            "",
            "Lists what goes (the volumes too) and asks on a terminal; without a terminal it needs --yes. Refuses"
                    + " an environment the spec declares unless --force, and the project's default environment"
                    + " always. Every other environment is left exactly as it was.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:deleted, or cancelled at the prompt",
            "1:error (Railway API, network); a refused environment (declared, default)",
            "64:usage error (no such environment; no --yes without a terminal)",
            "65:the spec is invalid or not valid YAML",
            "77:no Railway token, a malformed one, or one Railway refuses",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl env delete pr-42                     # asks",
            "  tlctl env delete pr-42 --yes               # CI: when the pull request closes",
        })
final class EnvDeleteCommand extends BaseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "NAME", description = "The environment to delete, such as pr-42.")
    String name;

    @Option(names = "--force", description = "Also an environment the spec declares (never the default one).")
    boolean force;

    @Mixin
    EnvDeleteOptions options;

    @Override
    public Integer call() {
        EnvView view = EnvView.of(terminal(), options.json);
        try (Core core = open()) {
            EnvResults.Deleted deleted = core.reconciler().deleteEnvironment(new EnvRequests.Delete(
                    options.project.target(), name, force), rows -> confirmed(view, rows, options.yes, context(), "delete"));
            view.deleted(deleted);
            RequestReport.print(terminal(), core.reconciler().requests());
            return ExitCodes.OK;
        }
    }

    /** Shows what goes on stderr and asks, unless --yes; refuses without a terminal. */
    static boolean confirmed(EnvView view, List<EnvRow> rows, boolean yes, CliContext context, String command) {
        view.toDelete(rows);
        if (yes) {
            return true;
        }
        if (!context.stdinTerminal()) {
            throw new CliException(ExitCodes.USAGE, "env " + command + " needs --yes"
                    + " when there is no terminal", "Review what goes above, then run again with --yes. Nothing was"
                    + " changed.");
        }
        return Prompt.ask(context, "Delete " + (rows.size() == 1 ? "this environment" : "these " + rows.size()
                + " environments") + "? Only 'yes' is accepted: ", Set.of("yes"));
    }
}
