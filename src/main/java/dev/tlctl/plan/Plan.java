package dev.tlctl.plan;

import java.util.List;

/**
 * A plan: the changes that make Railway match the spec, in the order they are shown (project,
 * services, then each environment in spec order, then the usage limit), what exists on Railway
 * without being declared, notes for the reader, and the settings context the applier needs.
 * Plain data: no I/O, nothing to call.
 */
public record Plan(
        PlanTarget target,
        List<Change> changes,
        List<Unmanaged> unmanaged,
        List<String> notes,
        List<InstancePlan> instances) {

    public Plan {
        changes = List.copyOf(changes);
        unmanaged = List.copyOf(unmanaged);
        notes = List.copyOf(notes);
        instances = List.copyOf(instances);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public long count(Action action) {
        return changes.stream().filter(c -> c.action() == action).count();
    }

    public boolean hasDeletions() {
        return count(Action.DELETE) > 0;
    }
}
