package dev.tlctl.cli;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into a message on stderr and an exit code. Known
 * failures ({@link CliException}) print their summary and detail; anything else is an internal
 * error whose stack trace is shown only with {@code --stacktrace}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    private final PrintStream err;
    private final BooleanSupplier stacktrace;

    ErrorHandler(PrintStream err, BooleanSupplier stacktrace) {
        this.err = err;
        this.stacktrace = stacktrace;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof CliException cli) {
            if (cli.getMessage() != null && !cli.getMessage().isEmpty()) {
                err.println("Error: " + cli.getMessage());
            }
            if (cli.detail() != null) {
                err.println(indent(cli.detail()));
            }
            if (stacktrace.getAsBoolean() && cli.getCause() != null) {
                cli.getCause().printStackTrace(err);
            }
            err.flush();
            return cli.exitCode();
        }
        err.println("Error: internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
        if (stacktrace.getAsBoolean()) {
            ex.printStackTrace(err);
        } else {
            err.println("  This is a bug in tlctl. Run again with --stacktrace and report the trace.");
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    static int exitCodeOf(Throwable t) {
        return t instanceof CliException cli ? cli.exitCode() : ExitCodes.ERROR;
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
