package dev.tlctl.cli;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where and how a command's views write, decided once per run: stdout for the result, stderr for
 * progress and diagnostics, the colours allowed, whether a person watches (progress lines that
 * redraw), and whether progress is wanted at all ({@code -q}: errors and warnings still are).
 * Views take a terminal, never a command.
 *
 * @param interactive stdout and stdin are a terminal
 * @param quiet {@code -q/--quiet}: {@link #progress()} discards what it is given
 */
record Terminal(PrintStream out, PrintStream err, Style style, boolean interactive, boolean quiet) {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    /** A terminal that shows progress. */
    Terminal(PrintStream out, PrintStream err, Style style, boolean interactive) {
        this(out, err, style, interactive, false);
    }

    /** The terminal of a context, with colour when allowed. */
    static Terminal of(CliContext context, boolean color) {
        return of(context, color, false);
    }

    /** The terminal of a context, with colour when allowed, without progress when quiet. */
    static Terminal of(CliContext context, boolean color, boolean quiet) {
        return new Terminal(context.out(), context.err(), Style.of(context, color), context.interactive(), quiet);
    }

    /** Where progress goes (waits, request counts, steps as they run): stderr, or nowhere with {@code -q}. */
    PrintStream progress() {
        return quiet ? NOWHERE : err;
    }
}
