package dev.tlctl.cli;

import dev.tlctl.reconcile.StatusResult;
import java.io.PrintStream;

/** {@code status --output markdown}: a heading and a table per environment, for a CI job summary. */
final class MarkdownStatusView implements StatusView {
    private final PrintStream out;

    MarkdownStatusView(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public void render(StatusResult result) {
        out.println("## Status of " + Table.markdownCell(result.project()) + ": "
                + (result.healthy() ? "healthy" : "not healthy"));
        for (String environment : result.environments()) {
            out.println();
            out.println("### " + Table.markdownCell(environment));
            out.println();
            out.print(StatusView.table(result, environment).markdown());
        }
        if (!result.healthy()) {
            out.println();
            out.println("Not healthy: " + Table.markdownCell(String.join(", ", StatusView.unhealthy(result))) + ".");
        }
    }
}
