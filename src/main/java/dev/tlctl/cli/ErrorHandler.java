package dev.tlctl.cli;

import dev.tlctl.spec.SpecException;
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
    private final BooleanSupplier color;

    ErrorHandler(PrintStream err, BooleanSupplier stacktrace, BooleanSupplier color) {
        this.err = err;
        this.stacktrace = stacktrace;
        this.color = color;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        if (ex instanceof SpecException spec) {
            // Any command that reads the spec: every problem, then exit 65.
            Diagnostics.printSummary(err, new Style(color.getAsBoolean()), "the spec", spec.diagnostics());
            err.flush();
            return ExitCodes.SPEC_INVALID;
        }
        if (ex instanceof dev.tlctl.railway.RailwayException
                || ex instanceof dev.tlctl.apply.ConcurrentChangeException) {
            err.println("Error: " + ex.getMessage());
            if (ex instanceof dev.tlctl.apply.ConcurrentChangeException) {
                err.println("  Someone else is changing the project; nothing was written. Run tlctl plan again.");
            }
            if (stacktrace.getAsBoolean()) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.ERROR;
        }
        if (ex instanceof dev.tlctl.railway.LookupException lookup) {
            err.println("Error: " + lookup.getMessage());
            err.println("  " + lookup.detail());
            err.flush();
            return ExitCodes.ERROR;
        }
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
        if (t instanceof SpecException) {
            return ExitCodes.SPEC_INVALID;
        }
        return t instanceof CliException cli ? cli.exitCode() : ExitCodes.ERROR;
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
