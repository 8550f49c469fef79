package dev.tlctl.cli;

import picocli.CommandLine.Command;

/** Reads and checks the spec; needs no token and no network. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "Check the spec.")
final class ValidateCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        throw new CliException(ExitCodes.ERROR, "not implemented yet", null);
    }
}
