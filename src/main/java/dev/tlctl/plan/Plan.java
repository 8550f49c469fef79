package dev.tlctl.plan;

import java.util.List;
import java.util.Set;

/**
 * A plan: the changes that make Railway match the spec, in the order they are shown (project,
 * services, then each environment in spec order, then the usage limit), including those Railway
 * makes as a consequence; what exists on Railway without being declared; notes for the reader; the
 * settings context the applier needs; the deployments each environment's commit causes; which
 * deletions remove what tlctl itself created and the spec no longer declares; and the sealed values
 * it cannot compare. Plain data: no I/O, nothing to call.
 *
 * @param owned the addresses of deletions of what tlctl created (deleted without {@code --prune})
 * @param uncompared the addresses of sealed variables tlctl has no record of writing: whether the
 *     spec's value is the one on Railway cannot be known ({@code --replace} writes them)
 */
public record Plan(
        PlanTarget target,
        List<Change> changes,
        List<Unmanaged> unmanaged,
        List<String> notes,
        List<InstancePlan> instances,
        List<Deploys> deploys,
        Set<String> owned,
        List<String> uncompared) {

    public Plan {
        changes = ChangeList.of(changes);
        unmanaged = List.copyOf(unmanaged);
        notes = List.copyOf(notes);
        instances = List.copyOf(instances);
        deploys = List.copyOf(deploys);
        owned = Set.copyOf(owned);
        uncompared = List.copyOf(uncompared);
    }

    /** A plan that deletes nothing tlctl owns and compares every value. */
    public Plan(PlanTarget target, List<Change> changes, List<Unmanaged> unmanaged, List<String> notes,
            List<InstancePlan> instances, List<Deploys> deploys) {
        this(target, changes, unmanaged, notes, instances, deploys, Set.of(), List.of());
    }

    /** Whether {@code change} deletes something tlctl created, rather than something pruned. */
    public boolean isOwned(Change change) {
        return change.action() == Action.DELETE && owned.contains(change.address().text());
    }

    /** Whether tlctl has nothing to send (changes Railway would make alone are never planned without one). */
    public boolean isEmpty() {
        return changes.stream().noneMatch(c -> c.origin() == Origin.TLCTL);
    }

    /** The changes tlctl sends with this action. */
    public long count(Action action) {
        return changes.stream().filter(c -> c.origin() == Origin.TLCTL && c.action() == action).count();
    }

    /** The changes Railway makes on its own as a consequence. */
    public long consequences() {
        return changes.stream().filter(c -> c.origin() == Origin.RAILWAY).count();
    }

    /** Whether it deletes anything that exists now. */
    public boolean hasDeletions() {
        return changes.stream().anyMatch(Change::destructive);
    }

    /** How many existing things it deletes. */
    public long destructiveCount() {
        return changes.stream().filter(Change::destructive).count();
    }

    /** The settings context of a service in an environment the plan writes to (the applier needs it). */
    public InstancePlan instance(String environment, String service) {
        return instances.stream()
                .filter(i -> i.environment().equals(environment) && i.service().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan has no settings context for " + environment + "/"
                        + service));
    }

    /** The changes of one environment (its instances, settings and variables, not the environment itself). */
    public List<Change> changesIn(String environment) {
        return ((ChangeList) changes).in(environment);
    }
}
