package dev.tlctl.cli;

import picocli.CommandLine.Command;

/** {@code tlctl version}: what {@code tlctl --version} prints. */
@Command(
        addMethodSubcommands = false,
        name = "version",
        mixinStandardHelpOptions = true,
        description = "Print tlctl's version, the commit it was built from, and the Java runtime.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the version was printed"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl version",
            "  java -jar tlctl.jar --version        # the same",
        })
final class VersionCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        for (String line : new VersionProvider().getVersion()) {
            context().out().println(line);
        }
    }
}
