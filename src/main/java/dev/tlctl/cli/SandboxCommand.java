package dev.tlctl.cli;

import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.sandbox.SandboxException;
import dev.tlctl.sandbox.SandboxTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the local Railway API emulator and mints tokens into its state file. */
@Command(
        name = "sandbox",
        mixinStandardHelpOptions = true,
        subcommands = {SandboxCommand.Serve.class, SandboxCommand.Token.class},
        description = {
            "Run or use the local emulator of Railway's API.",
            "",
            "An emulator of the part of Railway's GraphQL API that tlctl uses: no account, no token, no network."
                    + " State lives in a JSON file. Any command can also use an in-process one with --sandbox.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl sandbox serve",
            "  tlctl sandbox token --workspace",
            "  tlctl sandbox token --project tl-engine --environment staging",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error (I/O, a missing project or environment)", "64:usage error"})
final class SandboxCommand extends BaseCommand implements Runnable {
    /** Where the state lives when --state is not given, relative to the current directory. */
    static final String DEFAULT_STATE = ".tlctl/sandbox.json";

    @Override
    public void run() {
        spec.commandLine().usage(context().err());
        throw new CliException(ExitCodes.USAGE, "a sandbox command is required: serve or token", null);
    }

    static Path stateFile(CliContext context, Path option) {
        return context.cwd().resolve(option != null ? option : Path.of(DEFAULT_STATE)).normalize();
    }

    @Command(
            name = "serve",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Serve the sandbox on loopback until interrupted.",
                "",
                "Serves http://127.0.0.1:PORT/graphql/v2 until Ctrl-C and prints the URL and the account token it"
                        + " accepts (a local test token). Every change is saved to the state file at once; a restart"
                        + " picks it up.",
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tlctl sandbox serve --port 4000",
                "  tlctl sandbox serve --state /tmp/sandbox.json --token local-token",
                "  tlctl sandbox serve --faults 429=0.1,5xx=0.05,latency=10-50ms --seed 7",
                "  tlctl sandbox serve --faults once:projectCreate=lost",
                "  tlctl sandbox serve --rate-limit 100/5",
                "",
                "Faults (comma-separated): 429=RATE, 5xx=RATE, drop=RATE, lost=RATE, error=RATE (RATE 0..1),",
                "latency=20ms or latency=10-50ms, once:NAME=ACTION where NAME is a root field or operation",
                "name and ACTION is 429, 500..599, 5xx, drop, lost or error. drop closes the connection",
                "before executing; lost executes and saves, then closes without answering.",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:stopped by an interrupt", "1:could not start (port in use, unreadable state)",
                "64:usage error"})
    static final class Serve extends BaseCommand implements Callable<Integer> {
        @Option(names = "--port", paramLabel = "N", defaultValue = "0",
                description = "The loopback port (default: any free port).")
        int port;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The state file (default: " + DEFAULT_STATE + " in the current directory).")
        Path state;

        @Option(names = "--token", paramLabel = "T",
                description = "The account token to accept (default: the one in the state file, or a new one).")
        String token;

        @Option(names = "--faults", paramLabel = "SPEC", description = "Faults to inject; see below.")
        String faults;

        @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
                description = "Seed of ids, tokens and faults (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--rate-limit", paramLabel = "PER_HOUR/PER_SECOND", defaultValue = "1000/10",
                description = "Requests per token per hour and per second (default: ${DEFAULT-VALUE}, Railway Hobby).")
        String rateLimit;

        @Override
        public Integer call() {
            CliContext context = context();
            Path file = stateFile(context, state);
            SandboxConfig config;
            try {
                config = SandboxConfig.defaults().withPort(port).withStateFile(file).withToken(token)
                        .withFaults(faults).withSeed(seed).withRateLimit(rateLimit).withClock(context.clock());
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), null);
            }
            Sandbox sandbox;
            try {
                sandbox = Sandbox.start(config);
            } catch (IOException e) {
                throw new CliException(ExitCodes.ERROR, "Could not start the sandbox",
                        e.getMessage() + (port != 0 ? " Is port " + port + " in use? Try another --port." : ""), e);
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                sandbox.close();
                stopped.countDown();
            }, "tlctl-sandbox-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                context.out().println("tlctl sandbox serving " + sandbox.graphqlUrl());
                context.out().println("account token: " + sandbox.accountToken());
                context.out().println("state: " + file);
                context.out().flush();
                context.err().println("Point tlctl at it with --api-url " + sandbox.graphqlUrl()
                        + " (or TLCTL_API_URL); press Ctrl-C to stop.");
                context.err().flush();
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sandbox.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running: it closes the sandbox itself
                }
            }
            context.err().println("tlctl sandbox stopped");
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "token",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Mint a workspace or project token into the sandbox's state.",
                "",
                "Mints a workspace token (send it as Authorization: Bearer) or a project token for one environment"
                        + " (send it as Project-Access-Token) into the state file, and prints it. A running sandbox on"
                        + " the same file accepts it at once.",
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tlctl sandbox token --workspace",
                "  tlctl sandbox token --workspace=sandbox --state /tmp/sandbox.json",
                "  tlctl sandbox token --project tl-engine --environment staging",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:error (I/O, no such project, environment or workspace)",
                "64:usage error"})
    static final class Token extends BaseCommand implements Callable<Integer> {
        @Option(names = "--workspace", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
                description = "Mint a workspace token, for the named workspace (default: the sandbox's one).")
        String workspace;

        @Option(names = "--project", paramLabel = "NAME", description = "Mint a project token for this project...")
        String project;

        @Option(names = "--environment", paramLabel = "ENV", description = "...and this environment of it.")
        String environment;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The state file (default: " + DEFAULT_STATE + " in the current directory).")
        Path state;

        @Override
        public Integer call() {
            if ((workspace == null) == (project == null)) {
                throw new CliException(ExitCodes.USAGE, "give either --workspace or --project NAME --environment ENV",
                        null);
            }
            if ((project == null) != (environment == null)) {
                throw new CliException(ExitCodes.USAGE, "--project and --environment go together", null);
            }
            Path file = stateFile(context(), state);
            String minted;
            try {
                minted = workspace != null
                        ? SandboxTokens.mintWorkspaceToken(file, workspace.isEmpty() ? null : workspace)
                        : SandboxTokens.mintProjectToken(file, project, environment);
            } catch (SandboxException e) {
                throw new CliException(ExitCodes.ERROR, "Could not mint the token",
                        e.getMessage() + " (state: " + file + "). Create it first, for example with"
                                + " tlctl apply against the sandbox.");
            } catch (IOException e) {
                throw new CliException(ExitCodes.ERROR, "Could not mint the token", e.getMessage(), e);
            }
            context().out().println(minted);
            return ExitCodes.OK;
        }
    }
}
