package dev.tlctl.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every subcommand shares: access to the root command's global options and context. */
abstract class BaseCommand {

    @Spec
    CommandSpec spec;

    /** The root command, which holds the global options (they are inherited by every subcommand). */
    TlctlCommand root() {
        return (TlctlCommand) spec.root().userObject();
    }

    CliContext context() {
        return root().context();
    }
}
