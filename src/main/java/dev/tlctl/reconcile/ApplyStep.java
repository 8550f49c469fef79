package dev.tlctl.reconcile;

import dev.tlctl.plan.Change;
import java.util.List;

/** One step of an apply, numbered {@code number} of {@code of}: one request, and the plan changes it carries out. */
public record ApplyStep(int number, int of, String title, List<Change> changes) {
    public ApplyStep {
        changes = List.copyOf(changes);
    }

    static ApplyStep of(dev.tlctl.apply.Step step) {
        return new ApplyStep(step.number(), step.of(), step.title(), step.changes());
    }
}
