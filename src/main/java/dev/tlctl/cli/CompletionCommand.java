package dev.tlctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints a shell completion script for bash, zsh or fish. */
@Command(
        addMethodSubcommands = false,
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a completion script for bash, zsh or fish.",
            "",
            "It completes commands, options, the values of options that take a fixed set (--output, --color), and"
                    + " environment and service names after --env, --compare and --service, read from the spec"
                    + " (-f FILE, or tl-engine.yaml here or in the nearest folder above) by awk on each TAB: no JVM, no"
                    + " network. It fires for tlctl on PATH and for bin/tlctl.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the script was printed", "64:usage error (a shell other than bash, zsh or fish)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  source <(tlctl completion bash)                    # in ~/.bashrc",
            "  tlctl completion zsh > ~/.zfunc/_tlctl",
            "      # with fpath=(~/.zfunc $$fpath) before compinit in ~/.zshrc",
            "  tlctl completion fish > ~/.config/fish/completions/tlctl.fish",
        })
final class CompletionCommand extends BaseCommand implements Runnable {

    enum Shell { bash, zsh, fish }

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish")
    Shell shell;

    @Override
    public void run() {
        var root = spec.root().commandLine();
        String script = switch (shell) {
            case bash -> CompletionScript.bash(root);
            case zsh -> CompletionScript.zsh(root);
            case fish -> CompletionScript.fish(root);
        };
        context().out().print(script);
    }
}
