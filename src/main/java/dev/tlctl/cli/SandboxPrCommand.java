package dev.tlctl.cli;

import dev.tlctl.sandbox.SandboxException;
import dev.tlctl.sandbox.SandboxPullRequests;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Opens and closes pull requests in the sandbox's state: Railway's PR environments appear and go. */
@Command(
        addMethodSubcommands = false,
        name = "pr",
        mixinStandardHelpOptions = true,
        subcommands = {SandboxPrCommand.Open.class, SandboxPrCommand.Close.class},
        description = {
            "Open or close a pull request in the sandbox.",
            "",
            "Does what Railway does when a pull request opens on a project's repository with PR environments on:"
                    + " an ephemeral environment <project>-pr-<number>, copied from the base environment (the project's"
                    + " first), deployed; and when it is merged or closed: the environment is deleted. tlctl never"
                    + " prunes these environments nor reports them as drift.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl sandbox pr open --project tl-engine --number 7 --branch feat/login",
            "  tlctl sandbox pr close --project tl-engine --number 7",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error (I/O, no such project or pull request)", "64:usage error"})
final class SandboxPrCommand extends BaseCommand implements Runnable {
    @Override
    public void run() {
        spec.commandLine().usage(context().err());
        throw new CliException(ExitCodes.USAGE, "a sandbox pr command is required: open or close", null);
    }

    /** The options both commands take. */
    abstract static class PullRequest extends BaseCommand implements Callable<Integer> {
        @Option(names = "--project", paramLabel = "NAME", required = true, description = "The project, by name.")
        String project;

        @Option(names = "--number", paramLabel = "N", required = true, description = "The pull request's number.")
        int number;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The state file (default: " + SandboxCommand.DEFAULT_STATE + " in the current directory).")
        Path state;

        @Override
        public Integer call() {
            Path file = SandboxCommand.stateFile(context(), state);
            try {
                context().out().println(act(file));
            } catch (SandboxException e) {
                throw new CliException(ExitCodes.ERROR, "Could not " + verb() + " pull request #" + number,
                        e.getMessage() + " (state: " + file + ").");
            } catch (IOException e) {
                throw new CliException(ExitCodes.ERROR, "Could not " + verb() + " pull request #" + number,
                        e.getMessage(), e);
            }
            return ExitCodes.OK;
        }

        abstract String verb();

        abstract String act(Path file) throws IOException;
    }

    @Command(
            addMethodSubcommands = false,
            name = "open",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Open a pull request: Railway makes its environment.",
                "",
                "Makes the ephemeral environment <project>-pr-<number> as Railway does (turning PR environments on"
                        + " for the project when they are off) and prints its name.",
            },
            footerHeading = "%nExamples:%n",
            footer = {"  tlctl sandbox pr open --project tl-engine --number 7 --branch feat/login"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:error (I/O, no such project, already open)", "64:usage error"})
    static final class Open extends PullRequest {
        @Option(names = "--branch", paramLabel = "NAME", description = "The pull request's branch (default: pr-N).")
        String branch;

        @Override
        String verb() {
            return "open";
        }

        @Override
        String act(Path file) throws IOException {
            return "opened: environment " + SandboxPullRequests.open(file, context().clock(), project, number, branch);
        }
    }

    @Command(
            addMethodSubcommands = false,
            name = "close",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Close (or merge) a pull request: Railway deletes its environment.",
                "",
                "Deletes the environment <project>-pr-<number> as Railway does when the pull request is merged or"
                        + " closed, and prints its name.",
            },
            footerHeading = "%nExamples:%n",
            footer = {"  tlctl sandbox pr close --project tl-engine --number 7"},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:error (I/O, no such project or open pull request)", "64:usage error"})
    static final class Close extends PullRequest {
        @Override
        String verb() {
            return "close";
        }

        @Override
        String act(Path file) throws IOException {
            return "closed: environment " + SandboxPullRequests.close(file, context().clock(), project, number)
                    + " deleted";
        }
    }
}
