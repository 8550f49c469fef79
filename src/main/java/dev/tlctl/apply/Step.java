package dev.tlctl.apply;

import dev.tlctl.plan.Change;
import java.util.List;

/** One step of an apply: one request to Railway, and the plan changes it carries out. */
public record Step(int number, int of, String title, List<Change> changes) {
    public Step {
        changes = List.copyOf(changes);
    }
}
