package dev.tlctl.cli;

import dev.tlctl.reconcile.InitResult;

/** {@code init --output markdown}: the project and its id, and whether the spec records it, in a few lines. */
final class MarkdownInitView implements InitView {
    private final Terminal terminal;
    private final StringBuilder text = new StringBuilder();

    MarkdownInitView(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public void found(InitResult result) {
        text.append("### tlctl init: ").append(Table.markdownCell(result.projectName())).append("\n\n")
                .append(result.created() ? "Created project **" : "Project **")
                .append(Table.markdownCell(result.projectName())).append(result.created() ? "**: `" : "** exists: `")
                .append(Table.markdownCell(result.projectId())).append("`\n");
        if (result.recordedInSpec()) {
            text.append("\nThe spec records its id.\n");
        }
    }

    @Override
    public void recorded(String file) {
        text.append("\nRecorded `project.id` in ").append(Table.markdownCell(file)).append(".\n");
    }

    @Override
    public void notRecorded(InitResult result, String file) {
        text.append("\nNot recorded: add `id: ").append(Table.markdownCell(result.projectId()))
                .append("` under `project:` in ").append(Table.markdownCell(file)).append(".\n");
    }

    @Override
    public void finish() {
        terminal.out().print(text);
    }
}
