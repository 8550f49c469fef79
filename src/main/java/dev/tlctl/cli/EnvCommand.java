package dev.tlctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tlctl env}: the project's environments, previews above all: list, create, delete, prune. */
@Command(
        addMethodSubcommands = false,
        name = "env",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = {EnvListCommand.class, EnvCreateCommand.class, EnvDeleteCommand.class, EnvPruneCommand.class},
        description = {
            "List, create and delete environments: previews, one per pull request.",
            "",
            "A preview is an environment a template of the spec names (previews: with a namePattern such as"
                    + " pr-{n}): planned from the template's source environment with the template's overlay over it,"
                    + " created with Railway's ephemeral flag, and deleted when its pull request closes or its time"
                    + " to live (ttl) has passed.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl env list",
            "  tlctl env create pr-42 --branch feature-x --json",
            "  tlctl env delete pr-42 --yes",
            "  tlctl env prune --expired --yes",
        })
final class EnvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new CliException(ExitCodes.USAGE, "tlctl env needs a subcommand: list, create, delete or prune",
                "For example: tlctl env list. See tlctl env --help.");
    }
}
