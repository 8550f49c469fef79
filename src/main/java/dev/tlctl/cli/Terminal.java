package dev.tlctl.cli;

import java.io.PrintStream;

/**
 * Where and how a command's views write, decided once per run: stdout for the result, stderr for
 * progress and diagnostics, the colours allowed, and whether a person watches (progress lines that
 * redraw). Views take a terminal, never a command.
 *
 * @param interactive stdout and stdin are a terminal
 */
record Terminal(PrintStream out, PrintStream err, Style style, boolean interactive) {

    /** The terminal of a context, with colour when allowed. */
    static Terminal of(CliContext context, boolean color) {
        return new Terminal(context.out(), context.err(), Style.of(context, color), context.interactive());
    }
}
