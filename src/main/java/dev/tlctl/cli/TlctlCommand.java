package dev.tlctl.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The root command: global options shared by every subcommand, and the list of subcommands
 * ({@link #SUBCOMMANDS}, registered by {@link Main}: only the one invoked, since building
 * picocli's model of every command costs start-up time). Its model is built in code
 * ({@link #model()}), not read from annotations: picocli reads those by reflection, which on
 * every run cost a fifth of a short command's time for the root alone. The subcommands' models
 * are built in code too ({@link CommandModels}), written from their annotations.
 */
public final class TlctlCommand implements Runnable, Globals {
    private static final String[] DESCRIPTION = {
        "Keeps a Railway project in the state its YAML declares.",
        "",
        "tl-engine.yaml describes the project, its services and environments;",
        "environments/<name>.yaml overlays what differs per environment.",
    };
    private static final String[] FOOTER = {
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
    };

    /**
     * Every subcommand by name, in the order help lists them, with its annotated command object: what
     * {@link CommandModels} is written from (the running tool builds the models that class holds).
     */
    static final java.util.Map<String, java.util.function.Supplier<Object>> SUBCOMMANDS = subcommands();

    private static java.util.Map<String, java.util.function.Supplier<Object>> subcommands() {
        java.util.Map<String, java.util.function.Supplier<Object>> all = new java.util.LinkedHashMap<>();
        for (String name : new String[] {"validate", "plan", "apply", "init", "import", "deploy", "rollback", "status",
                "env", "drift", "vars", "billing", "schema", "version", "completion", "sandbox"}) {
            all.put(name, new Subcommand(name));
        }
        return java.util.Collections.unmodifiableMap(all);
    }

    /**
     * Makes the command of one name. A class, not a constructor reference per command: each of
     * those is an invokedynamic linked at start-up, on the path of every run (a few ms).
     */
    private static final class Subcommand implements java.util.function.Supplier<Object> {
        private final String name;

        Subcommand(String name) {
            this.name = name;
        }

        @Override
        public Object get() {
            return switch (name) {
                case "validate" -> new ValidateCommand();
                case "plan" -> new PlanCommand();
                case "apply" -> new ApplyCommand();
                case "init" -> new InitCommand();
                case "import" -> new ImportCommand();
                case "deploy" -> new DeployCommand();
                case "rollback" -> new RollbackCommand();
                case "status" -> new StatusCommand();
                case "env" -> new EnvCommand();
                case "drift" -> new DriftCommand();
                case "vars" -> new VarsCommand();
                case "billing" -> new BillingCommand();
                case "schema" -> new SchemaCommand();
                case "version" -> new VersionCommand();
                case "completion" -> new CompletionCommand();
                case "sandbox" -> new SandboxCommand();
                default -> throw new IllegalStateException("no command " + name);
            };
        }
    }

    /** The root's options that take a value in the next argument (to find the subcommand's name past them). */
    static final java.util.Set<String> OPTIONS_WITH_VALUE = java.util.Set.of(
            "-f", "--file", "--env-file", "--allow-file", "--sandbox-state", "--api-url", "--color");

    private final CliContext context;
    private final CommandSpec spec;

    public TlctlCommand(CliContext context) {
        this.context = context;
        this.spec = CommandSpec.wrapWithoutInspection(this);
        spec.name("tlctl");
        spec.versionProvider(new VersionProvider());
        spec.usageMessage().autoWidth(true).sortOptions(false).description(DESCRIPTION)
                .footerHeading("%nExamples:%n").footer(FOOTER);
        option(Path.class, null, "FILE", "The spec to read (default: tl-engine.yaml in the current directory).",
                "-f", "--file");
        option(List.class, Path.class, "FILE", "A dotenv file (KEY=value lines) that $${env:NAME} references read;"
                + " repeatable, later files win, and files win over the process environment.", "--env-file");
        option(List.class, Path.class, "PATH", "Let $${file:...} read this file outside the spec's folder (repeatable)."
                + " Without it, only files inside the folder are read, links followed.", "--allow-file");
        option(boolean.class, null, null, "Run against an embedded Railway sandbox instead of Railway: no token, no"
                + " network. Its state lives in .tlctl/sandbox.json beside the spec. $${env:...} references read"
                + " --env-file files and the committed fake values of environments/sandbox.env, never the shell; a"
                + " missing one gets an invented value, and $${file:...} is not read.", "--sandbox");
        option(Path.class, null, "FILE",
                "The sandbox's state file with --sandbox (default: .tlctl/sandbox.json beside the spec).",
                "--sandbox-state");
        option(String.class, null, "URL", "Railway's GraphQL endpoint (default: $TLCTL_API_URL, else"
                + " https://backboard.railway.com/graphql/v2).", "--api-url");
        option(ColorMode.class, null, "WHEN", "auto (default: on a terminal, unless NO_COLOR is set or TERM=dumb),"
                + " always (CI logs that show colours) or never.", "--color");
        option(boolean.class, null, null, "The same as --color never.", "--no-color");
        option(boolean.class, null, null, "No progress on stderr (waits, request counts, deployments as they go);"
                + " results, warnings and errors are still printed.", "-q", "--quiet");
        option(boolean.class, null, null, "Print the stack trace of an unexpected error.", "--stacktrace");
        // picocli's standard -h and -V, as its mixin declares them (which it would read by reflection).
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .descriptionKey("mixinStandardHelpOptions.version").description("Print version information and exit.")
                .build());
    }

    /** One global option: inherited by every subcommand, its value kept by picocli (read with {@link #value}). */
    private void option(Class<?> type, Class<?> element, String label, String description, String... names) {
        OptionSpec.Builder option = OptionSpec.builder(names).type(type).scopeType(ScopeType.INHERIT)
                .description(description);
        if (element != null) {
            option.auxiliaryTypes(element);
        }
        if (label != null) {
            option.paramLabel(label);
        }
        spec.addOption(option.build());
    }

    private <T> T value(String name) {
        return spec.findOption(name).getValue();
    }

    private boolean flag(String name) {
        return Boolean.TRUE.equals(value(name));
    }

    private List<Path> paths(String name) {
        List<Path> paths = value(name);
        return paths == null ? List.of() : paths;
    }

    /** picocli's model of the root command, for {@code new CommandLine(...)}. */
    public CommandSpec model() {
        return spec;
    }

    /** The process environment, streams and clock this invocation runs with. */
    @Override
    public CliContext context() {
        return context;
    }

    @Override
    public boolean color() {
        ColorMode mode = value("--color");
        return (mode == null ? ColorMode.AUTO : mode).colour(context, flag("--no-color"));
    }

    @Override
    public boolean quiet() {
        return flag("--quiet");
    }

    @Override
    public Path file() {
        return value("--file");
    }

    @Override
    public List<Path> envFiles() {
        return paths("--env-file");
    }

    @Override
    public List<Path> allowedFiles() {
        return paths("--allow-file");
    }

    @Override
    public boolean sandbox() {
        return flag("--sandbox");
    }

    @Override
    public Path sandboxState() {
        return value("--sandbox-state");
    }

    @Override
    public String apiUrl() {
        return value("--api-url");
    }

    @Override
    public boolean stacktrace() {
        return flag("--stacktrace");
    }

    @Override
    public void run() {
        // `tlctl` alone: the help, and a usage error, so that scripts notice.
        spec.commandLine().usage(context.err());
        throw new CliException(ExitCodes.USAGE, "a command is required", null);
    }
}
