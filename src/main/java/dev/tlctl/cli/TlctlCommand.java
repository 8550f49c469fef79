package dev.tlctl.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command: global options shared by every subcommand, and the list of subcommands
 * ({@link #SUBCOMMANDS}, registered by {@link Main}: only the one invoked, since building
 * picocli's model of every command costs start-up time).
 */
@Command(
        addMethodSubcommands = false,
        name = "tlctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        sortOptions = false,
        description = {
            "Keeps a Railway project in the state its YAML declares.",
            "",
            "tl-engine.yaml describes the project, its services and environments;",
            "environments/<name>.yaml overlays what differs per environment.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tlctl apply --sandbox --yes                 # try it: tl-engine in the sandbox",
            "  tlctl validate --env-file environments/sandbox.env",
            "  tlctl plan --detailed-exitcode              # Railway: needs RAILWAY_API_TOKEN",
            "  tlctl apply --env staging --yes --json      # CI: provision staging",
            "  tlctl apply --env staging --yes --wait      # CI: ... and wait until it serves",
            "  tlctl status --env staging                  # exit 2 until all are healthy",
            "  tlctl billing check                         # CI: exit 3 on spend or a guard",
            "",
            "Exit codes: 0 success, 1 error, 2 changes or drift, 3 check failed, 64 usage,",
            "65 invalid spec, 66 a file cannot be read, 67 no spec found, 77 token missing or",
            "refused, 78 a value not set.",
            "",
            "The spec is tl-engine.yaml in the current folder or the nearest one above it",
            "(up to the repository's root), or -f FILE; overlays are read beside it.",
            "Colour is used on a terminal only (--color always|never; NO_COLOR and TERM=dumb",
            "turn it off); -q keeps progress off stderr.",
        })
public final class TlctlCommand implements Runnable, Globals {
    /** Every subcommand by name, in the order help lists them. */
    static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> all = new java.util.LinkedHashMap<>();
        all.put("validate", ValidateCommand::new);
        all.put("plan", PlanCommand::new);
        all.put("apply", ApplyCommand::new);
        all.put("init", InitCommand::new);
        all.put("import", ImportCommand::new);
        all.put("deploy", DeployCommand::new);
        all.put("rollback", RollbackCommand::new);
        all.put("status", StatusCommand::new);
        all.put("env", EnvCommand::new);
        all.put("drift", DriftCommand::new);
        all.put("vars", VarsCommand::new);
        all.put("billing", BillingCommand::new);
        all.put("schema", SchemaCommand::new);
        all.put("version", VersionCommand::new);
        all.put("completion", CompletionCommand::new);
        all.put("sandbox", SandboxCommand::new);
        return java.util.Collections.unmodifiableMap(all);
    }

    /** The root's options that take a value in the next argument (to find the subcommand's name past them). */
    static final java.util.Set<String> OPTIONS_WITH_VALUE = java.util.Set.of(
            "-f", "--file", "--env-file", "--allow-file", "--sandbox-state", "--api-url", "--color");

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The spec to read (default: tl-engine.yaml in the current directory).")
    Path file;

    @Option(names = "--env-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "A dotenv file (KEY=value lines) that $${env:NAME} references read; "
                    + "repeatable, later files win, and files win over the process environment.")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--allow-file", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "Let $${file:...} read this file outside the spec's folder (repeatable). Without it,"
                    + " only files inside the folder are read, links followed.")
    List<Path> allowedFiles = new ArrayList<>();

    @Option(names = "--sandbox", scope = ScopeType.INHERIT,
            description = "Run against an embedded Railway sandbox instead of Railway: no token, no network."
                    + " Its state lives in .tlctl/sandbox.json beside the spec. $${env:...} references read"
                    + " --env-file files and the committed fake values of environments/sandbox.env, never the"
                    + " shell; a missing one gets an invented value, and $${file:...} is not read.")
    boolean sandbox;

    @Option(names = "--sandbox-state", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "The sandbox's state file with --sandbox (default: .tlctl/sandbox.json beside the spec).")
    Path sandboxState;

    @Option(names = "--api-url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Railway's GraphQL endpoint (default: $TLCTL_API_URL, else https://backboard.railway.com/graphql/v2).")
    String apiUrl;

    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT,
            description = "auto (default: on a terminal, unless NO_COLOR is set or TERM=dumb), always (CI logs that"
                    + " show colours) or never.")
    ColorMode colorMode = ColorMode.AUTO;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "The same as --color never.")
    boolean noColor;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT,
            description = "No progress on stderr (waits, request counts, deployments as they go); results, warnings"
                    + " and errors are still printed.")
    boolean quiet;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an unexpected error.")
    boolean stacktrace;

    public TlctlCommand(CliContext context) {
        this.context = context;
    }

    /** The process environment, streams and clock this invocation runs with. */
    @Override
    public CliContext context() {
        return context;
    }

    @Override
    public boolean color() {
        return colorMode.colour(context, noColor);
    }

    @Override
    public boolean quiet() {
        return quiet;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public List<Path> envFiles() {
        return envFiles;
    }

    @Override
    public List<Path> allowedFiles() {
        return allowedFiles;
    }

    @Override
    public boolean sandbox() {
        return sandbox;
    }

    @Override
    public Path sandboxState() {
        return sandboxState;
    }

    @Override
    public String apiUrl() {
        return apiUrl;
    }

    @Override
    public boolean stacktrace() {
        return stacktrace;
    }

    @Override
    public void run() {
        // `tlctl` alone: the help, and a usage error, so that scripts notice.
        spec.commandLine().usage(context.err());
        throw new CliException(ExitCodes.USAGE, "a command is required", null);
    }
}
