package dev.tlctl.plan;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * A plan's changes: an unmodifiable list that groups them by environment once, on first demand
 * ({@link Plan#changesIn}), instead of streaming the whole plan on every call (a large project's
 * plan holds a hundred thousand changes and is asked about each environment many times).
 */
final class ChangeList extends AbstractList<Change> implements RandomAccess {
    private final List<Change> changes;
    private volatile Map<String, List<Change>> byEnvironment;

    private ChangeList(List<Change> changes) {
        this.changes = changes;
    }

    static List<Change> of(List<Change> changes) {
        return changes instanceof ChangeList list ? list : new ChangeList(List.copyOf(changes));
    }

    @Override
    public Change get(int index) {
        return changes.get(index);
    }

    @Override
    public int size() {
        return changes.size();
    }

    /** The changes of one environment but the environment's own, in plan order. */
    List<Change> in(String environment) {
        Map<String, List<Change>> groups = byEnvironment;
        if (groups == null) {
            Map<String, List<Change>> built = new HashMap<>();
            for (Change c : changes) {
                String env = c.environment();
                if (env != null && !(c instanceof Change.Environment)) {
                    built.computeIfAbsent(env, k -> new ArrayList<>()).add(c);
                }
            }
            built.replaceAll((k, v) -> List.copyOf(v));
            groups = Map.copyOf(built);
            byEnvironment = groups;
        }
        return groups.getOrDefault(environment, List.of());
    }
}
