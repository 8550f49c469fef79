package dev.tlctl.cli;

import dev.tlctl.reconcile.InitResult;

/** {@code init} for people: the project and its id on stdout, what became of the spec on stderr. */
final class HumanInitView implements InitView {
    private final Terminal terminal;

    HumanInitView(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void found(InitResult result) {
        terminal.out().println((result.created() ? "Created project " : "Project ") + result.projectName()
                + (result.created() ? ": " : " exists: ") + result.projectId());
    }

    @Override
    public void recorded(String file) {
        terminal.err().println("Recorded project.id in " + file + ".");
    }

    @Override
    public void notRecorded(InitResult result, String file) {
        terminal.err().println("To record it, add 'id: " + result.projectId() + "' under project: in " + file
                + " (or run tlctl init --record).");
    }
}
