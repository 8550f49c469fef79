package dev.tlctl.cli;

import dev.tlctl.reconcile.SpecSource;
import java.io.PrintWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** The entry point: builds the command line for the real process and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // The invoked command's model needs only the arguments: begun before the process's context
        // (whose first lambda builds the JDK's machinery for all of them, ~10 ms), beside it.
        String invoked = subcommandName(args);
        FutureTask<CommandLine> model = modelAhead(invoked);
        System.exit(run(CliContext.system(), invoked, model, args));
    }

    /** The first argument that is not a root option or its value: the subcommand's name, or null. */
    static String subcommandName(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return i + 1 < args.length ? args[i + 1] : null;
            }
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (TlctlCommand.OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            }
        }
        return null;
    }

    /** Whether the arguments only ask for the version, which needs no subcommand's model. */
    static boolean versionOnly(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /**
     * The built-in converters picocli makes by reflection that no option of tlctl needs: in every
     * {@code CommandLine} it looks up each of these types and its factory method (a
     * {@code Class.forName} and a {@code getDeclaredMethod} over the whole class). The options'
     * {@code Path} and {@code Duration} keep theirs.
     */
    static final String UNUSED_CONVERTERS = "java\\.sql\\..*,java\\.time\\.(?!Duration$).*";

    /** What {@code task} built; its failure (a defect in a command's annotations) thrown as it was. */
    private static CommandLine built(FutureTask<CommandLine> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the command's model", e);
        }
    }

    /** Runs tlctl with the given context and arguments; returns the exit code. Used by tests. */
    public static int run(CliContext context, String... args) {
        String invoked = subcommandName(args);
        return run(context, invoked, modelAhead(invoked), args);
    }

    private static int run(CliContext context, String invoked, FutureTask<CommandLine> subcommand, String... args) {
        try {
            return execute(context, invoked, subcommand, args);
        } finally {
            SpecSource.forgetAhead();
        }
    }

    /**
     * Begins the model of the {@code invoked} command on a thread of its own, which then makes what
     * the main thread needs as it connects and no other early thread makes; null when there is no
     * such command (none, an unknown one, or completion, which needs all of them).
     */
    private static FutureTask<CommandLine> modelAhead(String invoked) {
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", UNUSED_CONVERTERS);
        }
        if (invoked == null || !TlctlCommand.SUBCOMMANDS.containsKey(invoked) || invoked.equals("completion")) {
            return null;
        }
        ModelAhead ahead = new ModelAhead(invoked);
        EarlyStart.daemon(ahead, "tlctl-early-model");
        return ahead.model;
    }

    /**
     * The work of the model's thread. A class rather than lambdas: the first lambda of the process
     * builds the JDK's machinery for all of them, which this thread then would wait for.
     */
    private static final class ModelAhead implements Runnable, java.util.concurrent.Callable<CommandLine> {
        private final String command;
        private final FutureTask<CommandLine> model = new FutureTask<>(this);

        ModelAhead(String command) {
            this.command = command;
        }

        @Override
        public CommandLine call() {
            return new CommandLine(CommandModels.of(command));
        }

        @Override
        public void run() {
            model.run();
            EarlyStart.afterModel(command);
        }
    }

    /** Runs the command line; {@code subcommand}, when not null, the invoked command's model being built. */
    private static int execute(CliContext context, String invoked, FutureTask<CommandLine> subcommand, String... args) {
        EarlyStart.begin(context, invoked, args);
        TlctlCommand root = new TlctlCommand(context);
        CommandLine commandLine = new CommandLine(root.model());
        if (subcommand != null) {
            commandLine.addSubcommand(built(subcommand));
        } else if (!versionOnly(args)) {
            // No command, an unknown one (picocli suggests the nearest), or completion (which lists all).
            TlctlCommand.SUBCOMMANDS.keySet().forEach(name -> commandLine.addSubcommand(CommandModels.of(name)));
        }
        HelpLayout.apply(commandLine);
        boolean color = ColorMode.colour(context, args);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(color ? Ansi.ON : Ansi.OFF));
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        ErrorHandler errors = new ErrorHandler(context.out(), context.err(), root::stacktrace,
                () -> Style.of(context, root.color()));
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setExitCodeExceptionMapper(errors);
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }
}
