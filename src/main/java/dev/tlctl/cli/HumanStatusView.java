package dev.tlctl.cli;

import dev.tlctl.reconcile.StatusResult;
import java.io.PrintStream;

/** {@code status} for people: a table per environment, then whether every enabled service is healthy. */
final class HumanStatusView implements StatusView {
    private final PrintStream out;
    private final Style style;

    HumanStatusView(Terminal terminal) {
        this.out = terminal.out();
        this.style = terminal.style();
    }

    @Override
    public void render(StatusResult result) {
        out.println("Project " + Printable.of(result.project()));
        for (String environment : result.environments()) {
            out.println();
            out.println(style.bold(environment));
            Table table = StatusView.table(result, environment);
            if (table.isEmpty()) {
                out.println("  (no service)");
            } else {
                table.print(out, "  ", style);
            }
        }
        out.println();
        if (result.healthy()) {
            out.println(style.green("Healthy:") + " every enabled service serves (or sleeps until a request wakes it).");
        } else {
            out.println(style.red("Not healthy:") + " " + String.join(", ", StatusView.unhealthy(result)) + ".");
        }
    }
}
