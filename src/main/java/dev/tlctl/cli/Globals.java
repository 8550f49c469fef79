package dev.tlctl.cli;

import java.nio.file.Path;
import java.util.List;

/**
 * What every subcommand reads from the root command ({@link TlctlCommand}): the context it runs
 * in and the global options, inherited by every subcommand.
 */
interface Globals {
    CliContext context();

    /** {@code -f FILE}; null for {@code tl-engine.yaml}. */
    Path file();

    List<Path> envFiles();

    List<Path> allowedFiles();

    boolean sandbox();

    /** {@code --sandbox-state FILE}; null for the default. */
    Path sandboxState();

    /** {@code --api-url URL}; null for the environment's or Railway's. */
    String apiUrl();

    /** Whether output may carry ANSI colours: --color always, or auto on a terminal without NO_COLOR or TERM=dumb. */
    boolean color();

    /** {@code -q/--quiet}: no progress on stderr. */
    boolean quiet();

    boolean stacktrace();
}
