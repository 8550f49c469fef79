package dev.tlctl.cli;

import picocli.CommandLine.Option;

/** {@code --json} for {@code deploy} and {@code rollback}: the choice of their {@link RuntimeView}. */
final class RuntimeOutput {
    @Option(names = "--json", description = "JSON Lines on stdout: a deployment event per status change, then the"
            + " result.")
    boolean json;

    RuntimeView view(Terminal terminal) {
        return RuntimeView.of(terminal, json);
    }
}
