package dev.tlctl.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints a shell completion script for bash or zsh. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print a completion script for bash or zsh.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the script was printed", "64:usage error (a shell other than bash or zsh)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(tlctl completion bash)",
            "  tlctl completion zsh > \"$${fpath[1]}/_tlctl\"   # zsh, with bashcompinit enabled",
        })
final class CompletionCommand extends BaseCommand implements Runnable {

    enum Shell { bash, zsh }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    @Override
    public void run() {
        // picocli's script is written for bash and works in zsh through bashcompinit.
        String script = AutoComplete.bash("tlctl", spec.root().commandLine());
        if (shell == Shell.zsh) {
            script = "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        context().out().print(script);
    }
}
