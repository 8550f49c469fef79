package dev.tlctl.cli;

import dev.tlctl.reconcile.ReconcileException;
import dev.tlctl.spec.Diagnostic;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into a message on stderr and an exit code, and, when the
 * command was asked for {@code --json}, one JSON error document on stdout, so that a pipeline can
 * parse every outcome. It knows two failures: the core's ({@link ReconcileException}, into which
 * {@code reconcile} translates every lower layer's) and the command line's own ({@link CliException});
 * each prints its summary, detail and diagnostics. Anything else is an internal error whose stack
 * trace is shown only with {@code --stacktrace}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {
    private final PrintStream out;
    private final PrintStream err;
    private final BooleanSupplier stacktrace;
    private final Supplier<Style> style;

    /** The JSON error document. */
    record ErrorDocument(int formatVersion, String kind, int exitCode, String summary, String detail,
            List<Diagnostics.Entry> diagnostics) {}

    ErrorHandler(PrintStream out, PrintStream err, BooleanSupplier stacktrace, Supplier<Style> style) {
        this.out = out;
        this.err = err;
        this.stacktrace = stacktrace;
        this.style = style;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        Failure failure = describe(ex);
        Style style = this.style.get();
        if (!failure.diagnostics().isEmpty()) {
            Diagnostics.print(err, style, failure.diagnostics());
            err.println(style.red("Error: " + failure.summary() + "."));
        } else {
            if (failure.summary() != null && !failure.summary().isEmpty()) {
                err.println("Error: " + failure.summary());
            }
            if (failure.detail() != null) {
                err.println(indent(failure.detail()));
            }
        }
        if (failure.internal()) {
            if (stacktrace.getAsBoolean()) {
                ex.printStackTrace(err);
            } else {
                err.println("  This is a bug in tlctl. Run again with --stacktrace and report the trace.");
            }
        } else if (stacktrace.getAsBoolean() && ex.getCause() != null) {
            ex.getCause().printStackTrace(err);
        }
        err.flush();
        if (wantsJson(parseResult) && invoked(parseResult).equals("apply")) {
            // apply --json is JSON Lines in every outcome: the error as an event, then the closing result.
            out.println(Json.line(new JsonApplyView.ErrorEvent(Json.FORMAT_VERSION, "error", failure.exitCode(),
                    failure.summary(), failure.detail(), Diagnostics.json(failure.diagnostics()))));
            out.println(Json.line(JsonApplyView.ResultEvent.failedEarly(failure.summary())));
            out.flush();
        } else if (wantsJson(parseResult)) {
            out.println(Json.write(new ErrorDocument(Json.FORMAT_VERSION, "error", failure.exitCode(), failure.summary(),
                    failure.detail(), Diagnostics.json(failure.diagnostics()))));
            out.flush();
        }
        return failure.exitCode();
    }

    /** What went wrong, as the user sees it. */
    record Failure(int exitCode, String summary, String detail, List<Diagnostic> diagnostics, boolean internal) {}

    static Failure describe(Throwable ex) {
        if (ex instanceof ReconcileException r) {
            return new Failure(ExitCodes.of(r.kind()), r.getMessage(), r.detail(), r.diagnostics(), false);
        }
        if (ex instanceof CliException cli) {
            return new Failure(cli.exitCode(), cli.getMessage(), cli.detail(), List.of(), false);
        }
        return new Failure(ExitCodes.ERROR, "internal error: " + ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage()), null, List.of(), true);
    }

    static int exitCodeOf(Throwable t) {
        return describe(t).exitCode();
    }

    /**
     * {@link #exitCodeOf}, as picocli's mapper: a method of this class rather than a method reference,
     * which the start-up archive cannot hold (a lambda of a picocli interface; see bin/tlctl).
     */
    @Override
    public int getExitCode(Throwable exception) {
        return exitCodeOf(exception);
    }

    /** The name of the innermost command invoked ("apply", "list"), or "" for the root. */
    private static String invoked(ParseResult parseResult) {
        String name = "";
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            name = p.commandSpec().name();
        }
        return name;
    }

    /** Whether the command that failed was given --json (or --output json). */
    private static boolean wantsJson(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--json")) {
                return true;
            }
            Object output = p.hasMatchedOption("--output") ? p.matchedOptionValue("--output", null) : null;
            if (output != null && "json".equalsIgnoreCase(output.toString())) {
                return true;
            }
        }
        return false;
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ");
    }
}
