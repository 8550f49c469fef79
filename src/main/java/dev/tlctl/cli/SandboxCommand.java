package dev.tlctl.cli;

import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.sandbox.SandboxException;
import dev.tlctl.sandbox.SandboxTokens;
import dev.tlctl.sandbox.SandboxUsage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the local Railway API emulator and mints tokens into its state file. */
@Command(
        addMethodSubcommands = false,
        name = "sandbox",
        mixinStandardHelpOptions = true,
        subcommands = {SandboxCommand.Serve.class, SandboxCommand.Token.class, SandboxCommand.Usage.class,
            SandboxPrCommand.class, SandboxFailCommand.class},
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
            "  tlctl sandbox usage set --project tl-engine --measurement CPU_USAGE --value 72",
            "  tlctl sandbox pr open --project tl-engine --number 7",
            "  tlctl sandbox fail --env staging --service engine-api crash",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:error (I/O, a missing project or environment)", "64:usage error"})
final class SandboxCommand extends BaseCommand implements Runnable {
    /** Where the state lives when --state is not given, relative to the current directory. */
    static final String DEFAULT_STATE = ".tlctl/sandbox.json";

    @Override
    public void run() {
        spec.commandLine().usage(context().err());
        throw new CliException(ExitCodes.USAGE, "a sandbox command is required: serve, token, usage, pr or fail", null);
    }

    static Path stateFile(CliContext context, Path option) {
        return context.cwd().resolve(option != null ? option : Path.of(DEFAULT_STATE)).normalize();
    }

    @Command(
            addMethodSubcommands = false,
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
                "  tlctl sandbox serve --no-quotas --consistency-delay 0s --apply-delay 0s",
                "  tlctl sandbox serve --deploy-time 30s      # deployments build for a while",
                "",
                "Faults (comma-separated): 429=RATE, 5xx=RATE, drop=RATE, lost=RATE, error=RATE (RATE 0..1),"
                        + " latency=20ms or latency=10-50ms, once:NAME=ACTION where NAME is a root field or operation"
                        + " name and ACTION is 429, 500..599, 5xx, drop, lost or error. drop closes the connection"
                        + " before executing; lost executes and saves, then closes without answering.",
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

        @Option(names = "--no-quotas",
                description = "Turn Railway's creation quotas off (one environment per user and one project per"
                        + " workspace every 30 s): for benchmarks.")
        boolean noQuotas;

        @Option(names = "--consistency-delay", paramLabel = "TIME", defaultValue = "1s",
                description = "How long a new service's instances and a new project take to show"
                        + " (default: ${DEFAULT-VALUE}; 0s: at once).")
        String consistencyDelay;

        @Option(names = "--apply-delay", paramLabel = "TIME", defaultValue = "1s",
                description = "How long a change set applied in the background stays \"applying\""
                        + " (default: ${DEFAULT-VALUE}; 0s: final at the first poll).")
        String applyDelay;

        @Option(names = "--deploy-time", paramLabel = "TIME", defaultValue = "5s",
                description = "How long a deployment takes from its creation to SUCCESS: a tenth initializing, half"
                        + " building, the rest deploying (default: ${DEFAULT-VALUE}; 0s: born finished).")
        String deployTime;

        @Override
        public Integer call() {
            CliContext context = context();
            Path file = stateFile(context, state);
            SandboxConfig config;
            try {
                config = SandboxConfig.defaults().withPort(port).withStateFile(file).withToken(token)
                        .withFaults(faults).withSeed(seed).withRateLimit(rateLimit).withClock(context.clock())
                        .withQuotas(!noQuotas).withDelays(duration("--consistency-delay", consistencyDelay),
                                duration("--apply-delay", applyDelay))
                        .withDeployTime(duration("--deploy-time", deployTime));
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
                SandboxConfig.Timing railway = SandboxConfig.Timing.railway();
                if (noQuotas || !config.timing().consistencyDelay().equals(railway.consistencyDelay())
                        || !config.timing().applyDelay().equals(railway.applyDelay())
                        || !config.timing().deployTime().equals(railway.deployTime())) {
                    context.out().println("timing: creation quotas " + (noQuotas ? "off" : "on") + ", consistency delay "
                            + config.timing().consistencyDelay().toMillis() + " ms, apply delay "
                            + config.timing().applyDelay().toMillis() + " ms, deploy time "
                            + config.timing().deployTime().toMillis() + " ms (not Railway's)");
                }
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
            addMethodSubcommands = false,
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

    @Command(
            addMethodSubcommands = false,
            name = "usage",
            mixinStandardHelpOptions = true,
            subcommands = {UsageSet.class, UsagePeriod.class},
            description = {
                "Set the usage and billing figures the sandbox answers.",
                "",
                "What usage, estimatedUsage and workspace.customer answer: usage per measurement for a project,"
                        + " environment and service, the billing period, and the customer's current usage in dollars"
                        + " (derived from the usage at Railway's list prices unless set). A running sandbox on the"
                        + " same state file sees the change on its next request.",
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tlctl sandbox usage set --project tl-engine --measurement CPU_USAGE --value 72",
                "  tlctl sandbox usage period --start 2026-09-01 --end 2026-10-01",
                "  tlctl sandbox usage set --current-usage 12.50",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:error (I/O, a missing project, environment or service)",
                "64:usage error"})
    static final class Usage extends BaseCommand implements Runnable {
        @Override
        public void run() {
            spec.commandLine().usage(context().err());
            throw new CliException(ExitCodes.USAGE, "a sandbox usage command is required: set or period", null);
        }
    }

    @Command(
            addMethodSubcommands = false,
            name = "set",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Set one usage figure, or the customer's current usage.",
                "",
                "Sets how much of a measurement a project used, or one environment and/or service of it, accrued"
                        + " evenly from --from to --to (default: from the start of the billing period to now), replacing"
                        + " the figure with the same names and measurement. Values are in Railway's units: CPU_USAGE in"
                        + " vCPU-minutes, MEMORY_USAGE_GB, DISK_USAGE_GB and BACKUP_USAGE_GB in GB-minutes,"
                        + " NETWORK_TX_GB and NETWORK_RX_GB in GB. With --current-usage, sets the customer's currentUsage"
                        + " (workspace.customer) in dollars instead, or derives it again from the usage with 'derived'.",
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tlctl sandbox usage set --project tl-engine --measurement CPU_USAGE --value 60",
                "  tlctl sandbox usage set --current-usage 12.50",
                "  tlctl sandbox usage set --current-usage derived",
                "",
                "Add --environment ENV and --service NAME to set the figure of one environment or service of the"
                        + " project.",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:error (I/O, a missing project, environment or service)",
                "64:usage error (a missing or conflicting option, an unknown measurement, a bad value or date)"})
    static final class UsageSet extends BaseCommand implements Callable<Integer> {
        @Option(names = "--project", paramLabel = "NAME", description = "The project, by name.")
        String project;

        @Option(names = "--environment", paramLabel = "NAME",
                description = "One environment of it (default: the figure is not per environment).")
        String environment;

        @Option(names = "--service", paramLabel = "NAME",
                description = "One service of it (default: the figure is not per service).")
        String service;

        @Option(names = "--measurement", paramLabel = "M",
                description = "A MetricMeasurement: CPU_USAGE, MEMORY_USAGE_GB, DISK_USAGE_GB, BACKUP_USAGE_GB,"
                        + " NETWORK_TX_GB, NETWORK_RX_GB, ...")
        String measurement;

        @Option(names = "--value", paramLabel = "N", description = "The amount, in the measurement's unit (at least 0).")
        Double value;

        @Option(names = "--from", paramLabel = "WHEN",
                description = "Start of the interval the usage accrued over: a date (2026-09-01, UTC) or an instant"
                        + " (default: the start of the billing period).")
        String from;

        @Option(names = "--to", paramLabel = "WHEN", description = "End of that interval (default: now).")
        String to;

        @Option(names = "--current-usage", paramLabel = "DOLLARS|derived",
                description = "Set the customer's current usage in dollars instead, or 'derived' to compute it from"
                        + " the usage figures again.")
        String currentUsage;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The state file (default: " + DEFAULT_STATE + " in the current directory).")
        Path state;

        @Override
        public Integer call() {
            CliContext context = context();
            Path file = stateFile(context, state);
            boolean figure = project != null || environment != null || service != null || measurement != null
                    || value != null || from != null || to != null;
            if (currentUsage != null && figure) {
                throw new CliException(ExitCodes.USAGE,
                        "give either --current-usage or --project, --measurement and --value, not both", null);
            }
            try {
                if (currentUsage != null) {
                    Double dollars = currentUsage.equals("derived") ? null : dollars(currentUsage);
                    SandboxUsage.setCurrentUsage(file, context.clock(), dollars);
                    context.out().println(dollars == null ? "current usage: derived from the usage figures"
                            : "current usage: $" + String.format(java.util.Locale.ROOT, "%.2f", dollars));
                    return ExitCodes.OK;
                }
                if (project == null || measurement == null || value == null) {
                    throw new CliException(ExitCodes.USAGE,
                            "usage set needs --project, --measurement and --value (or --current-usage)", null);
                }
                SandboxUsage.setUsage(file, context.clock(), project, environment, service, measurement, value,
                        instant("--from", from), instant("--to", to));
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), null);
            } catch (SandboxException e) {
                throw new CliException(ExitCodes.ERROR, "Could not set the usage",
                        e.getMessage() + " (state: " + file + ").");
            } catch (IOException e) {
                throw new CliException(ExitCodes.ERROR, "Could not set the usage", e.getMessage(), e);
            }
            String where = project + (environment == null ? "" : "/" + environment)
                    + (service == null ? "" : "/" + service);
            context.out().println(measurement + " of " + where + ": " + value);
            return ExitCodes.OK;
        }

        private static double dollars(String text) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--current-usage takes a number of dollars or 'derived', not " + text);
            }
        }
    }

    @Command(
            addMethodSubcommands = false,
            name = "period",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Set the billing period.",
                "",
                "Sets workspace.customer.billingPeriod: usage without dates covers it, estimatedUsage projects to"
                        + " its end, and a derived current usage counts from its start.",
            },
            footerHeading = "%nExamples:%n",
            footer = {
                "  tlctl sandbox usage period --start 2026-09-01 --end 2026-10-01",
                "",
                "Instants work too: --start 2026-09-15T00:00:00Z --end 2026-10-15T00:00:00Z.",
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:error (I/O)", "64:usage error (a missing option, a bad date, an end"
                    + " not after the start)"})
    static final class UsagePeriod extends BaseCommand implements Callable<Integer> {
        @Option(names = "--start", paramLabel = "WHEN", required = true,
                description = "First instant of the period: a date (2026-09-01, UTC) or an instant.")
        String start;

        @Option(names = "--end", paramLabel = "WHEN", required = true,
                description = "End of the period (exclusive), in the same form.")
        String end;

        @Option(names = "--state", paramLabel = "FILE",
                description = "The state file (default: " + DEFAULT_STATE + " in the current directory).")
        Path state;

        @Override
        public Integer call() {
            Path file = stateFile(context(), state);
            Instant first;
            Instant last;
            try {
                first = instant("--start", start);
                last = instant("--end", end);
                SandboxUsage.setBillingPeriod(file, context().clock(), first, last);
            } catch (IllegalArgumentException e) {
                throw new CliException(ExitCodes.USAGE, e.getMessage(), null);
            } catch (IOException e) {
                throw new CliException(ExitCodes.ERROR, "Could not set the billing period", e.getMessage(), e);
            }
            context().out().println("billing period: " + first + " to " + last);
            return ExitCodes.OK;
        }
    }

    /** A duration such as {@code 1s}, {@code 500ms}, {@code 2m} or {@code 0}; IllegalArgumentException otherwise. */
    static java.time.Duration duration(String option, String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})(ms|s|m)?").matcher(text.trim());
        if (!m.matches() || (m.group(2) == null && !m.group(1).equals("0"))) {
            throw new IllegalArgumentException(option + " takes a time such as 1s, 500ms, 2m or 0, not " + text);
        }
        long amount = Long.parseLong(m.group(1));
        return "ms".equals(m.group(2)) ? java.time.Duration.ofMillis(amount)
                : "m".equals(m.group(2)) ? java.time.Duration.ofMinutes(amount) : java.time.Duration.ofSeconds(amount);
    }

    /** A date (midnight UTC) or an ISO-8601 instant; null stays null. */
    static Instant instant(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes a date such as 2026-09-01 or an instant such as"
                    + " 2026-09-01T00:00:00Z, not " + text);
        }
    }
}
