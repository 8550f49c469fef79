package dev.tlctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** The entry point: builds the command line for the real process and exits with its code. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs tlctl with the given context and arguments; returns the exit code. Used by tests. */
    public static int run(CliContext context, String... args) {
        TlctlCommand root = new TlctlCommand(context);
        CommandLine commandLine = new CommandLine(root);
        boolean color = context.interactive()
                && context.env().get("NO_COLOR") == null
                && !java.util.Arrays.asList(args).contains("--no-color");
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(color ? Ansi.ON : Ansi.OFF));
        commandLine.setOut(new PrintWriter(context.out(), true));
        commandLine.setErr(new PrintWriter(context.err(), true));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        commandLine.setExecutionExceptionHandler(new ErrorHandler(context.out(), context.err(), () -> root.stacktrace,
                root::color));
        commandLine.setExitCodeExceptionMapper(ErrorHandler::exitCodeOf);
        int code = commandLine.execute(args);
        context.out().flush();
        context.err().flush();
        return code;
    }
}
