package dev.tlctl.cli;

import dev.tlctl.reconcile.PlanResult;
import java.io.PrintStream;

/** {@code plan --json}: the {@link PlanDocument} on stdout, nothing else there. */
final class JsonPlanView implements PlanView {
    private final PrintStream out;
    private final boolean showValues;

    JsonPlanView(PrintStream out, boolean showValues) {
        this.out = out;
        this.showValues = showValues;
    }

    @Override
    public void render(PlanResult result) {
        out.println(Json.write(PlanDocument.of(result, showValues)));
    }
}
