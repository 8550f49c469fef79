package dev.tlctl.adopt;

import dev.tlctl.adopt.Declared.Service;
import dev.tlctl.adopt.Declared.Value;
import dev.tlctl.plan.Defaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Splits what each environment declares into the base file and overlays, as the spec reads them
 * back: an environment is its parent (the environment it is {@code from}, else the base)
 * deep-merged with its overlay, where null removes a key. The base holds, per key, the value most
 * environments have (ties go to the earliest environment, the project's default first); a secret
 * of one environment never goes there. An overlay holds exactly what differs from its parent.
 */
final class Layers {
    /** What an environment's overlay says: a null value removes the key from the parent. */
    record Overlay(SortedMap<String, Value> shared, Map<String, Change> services) {
        boolean isEmpty() {
            return shared.isEmpty() && services.values().stream().allMatch(Change::isEmpty);
        }
    }

    /**
     * What an overlay changes of one service; a null value removes a setting or a variable.
     *
     * @param enabled null when as the parent says
     */
    record Change(Boolean enabled, SortedMap<String, Object> settings, SortedMap<String, Value> variables,
            SortedMap<String, Object> runtime) {
        boolean isEmpty() {
            return enabled == null && settings.isEmpty() && variables.isEmpty() && runtime.isEmpty();
        }
    }

    /** Whether two values of one key are the same. */
    @FunctionalInterface
    interface Same<V> {
        boolean test(String key, V a, V b);
    }

    private static final Same<Value> SAME_VALUE = (key, a, b) -> a.equals(b);
    private static final Same<Object> SAME_SETTING = Defaults::same;
    private static final Same<Object> SAME_RUNTIME = (key, a, b) -> a.equals(b);

    private Layers() {}

    /** The base: per key, the value most environments (in order, the default first) have. */
    static Declared base(List<Declared> environments, List<String> services) {
        SortedMap<String, Value> shared = vote(environments.stream().map(Declared::shared).toList(), SAME_VALUE,
                v -> !v.secret());
        Map<String, Service> base = new LinkedHashMap<>();
        for (String name : services) {
            List<Service> all = environments.stream().map(e -> e.services().get(name)).toList();
            long on = all.stream().filter(Service::enabled).count();
            boolean enabled = on * 2 > all.size() || on * 2 == all.size() && all.get(0).enabled();
            List<Service> running = all.stream().filter(Service::enabled).toList();
            SortedMap<String, Object> settings = vote(running.stream().map(Service::settings).toList(), SAME_SETTING,
                    v -> true);
            SortedMap<String, Value> variables = vote(running.stream().map(Service::variables).toList(), SAME_VALUE,
                    v -> !v.secret());
            SortedMap<String, Object> runtime = vote(running.stream().map(Service::runtime)
                    .filter(java.util.Objects::nonNull).toList(), SAME_RUNTIME, v -> true);
            base.put(name, new Service(enabled, settings, variables, runtime));
        }
        return new Declared(shared, base);
    }

    /**
     * Per key, the value held by the most maps (a missing key counts as a value: "not set"); ties
     * go to the choice of the earliest map. A winner that may not go in the base counts as "not set".
     */
    static <V> SortedMap<String, V> vote(List<? extends Map<String, V>> maps, Same<V> same, Predicate<V> allowed) {
        SortedSet<String> keys = new TreeSet<>();
        maps.forEach(m -> keys.addAll(m.keySet()));
        SortedMap<String, V> out = new TreeMap<>();
        for (String key : keys) {
            List<V> candidates = new ArrayList<>(); // distinct values in order of first appearance; null: not set
            List<Integer> counts = new ArrayList<>();
            for (Map<String, V> m : maps) {
                V value = m.get(key);
                int at = -1;
                for (int i = 0; i < candidates.size() && at < 0; i++) {
                    V c = candidates.get(i);
                    if (c == null ? value == null : value != null && same.test(key, c, value)) {
                        at = i;
                    }
                }
                if (at < 0) {
                    candidates.add(value);
                    counts.add(1);
                } else {
                    counts.set(at, counts.get(at) + 1);
                }
            }
            int best = 0;
            for (int i = 1; i < candidates.size(); i++) {
                if (counts.get(i) > counts.get(best)) {
                    best = i;
                }
            }
            V winner = candidates.get(best);
            if (winner != null && allowed.test(winner)) {
                out.put(key, winner);
            }
        }
        return out;
    }

    /** What {@code environment} must say over {@code parent} (the base, or its {@code from} as resolved). */
    static Overlay diff(Declared environment, Declared parent) {
        SortedMap<String, Value> shared = differences(environment.shared(), parent.shared(), SAME_VALUE, key -> null);
        Map<String, Change> services = new LinkedHashMap<>();
        environment.services().forEach((name, mine) -> {
            Service theirs = parent.services().getOrDefault(name, Service.DISABLED);
            Boolean enabled = mine.enabled() == theirs.enabled() ? null : mine.enabled();
            if (!mine.enabled()) {
                // Where it does not run, its settings and variables say nothing.
                services.put(name, new Change(enabled, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()));
                return;
            }
            // A setting the parent sets and this environment leaves at Railway's default is written
            // as that default where there is one known, else removed (not managed here).
            SortedMap<String, Object> settings = differences(mine.settings(), theirs.settings(), SAME_SETTING,
                    key -> Defaults.VALUES.get(key));
            SortedMap<String, Value> variables = differences(mine.variables(), theirs.variables(), SAME_VALUE, key -> null);
            SortedMap<String, Object> runtime = mine.runtime() == null ? new TreeMap<>() // not read: as the parent
                    : differences(mine.runtime(), theirs.runtime(), SAME_RUNTIME, key -> null);
            services.put(name, new Change(enabled, settings, variables, runtime));
        });
        return new Overlay(shared, services);
    }

    /**
     * The entries of {@code mine} that {@code parent} lacks or holds otherwise, and for each key
     * only {@code parent} has, {@code unset.apply(key)} (null: remove), unless that is what the
     * parent holds already.
     */
    private static <V> SortedMap<String, V> differences(Map<String, V> mine, Map<String, V> parent, Same<V> same,
            java.util.function.Function<String, V> unset) {
        SortedMap<String, V> out = new TreeMap<>();
        mine.forEach((key, value) -> {
            V theirs = parent.get(key);
            if (theirs == null || !same.test(key, value, theirs)) {
                out.put(key, value);
            }
        });
        parent.forEach((key, theirs) -> {
            if (!mine.containsKey(key)) {
                V replacement = unset.apply(key);
                if (replacement == null || !same.test(key, replacement, theirs)) {
                    out.put(key, replacement);
                }
            }
        });
        return out;
    }

    /** The parent with the overlay merged over it, as the spec reader merges them. */
    static Declared merge(Declared parent, Overlay overlay) {
        Map<String, Service> services = new LinkedHashMap<>();
        parent.services().forEach((name, theirs) -> {
            Change change = overlay.services().get(name);
            if (change == null) {
                services.put(name, theirs);
                return;
            }
            boolean enabled = change.enabled() == null ? theirs.enabled() : change.enabled();
            services.put(name, new Service(enabled, apply(theirs.settings(), change.settings()),
                    apply(theirs.variables(), change.variables()), apply(theirs.runtime(), change.runtime())));
        });
        return new Declared(apply(parent.shared(), overlay.shared()), services);
    }

    private static <V> SortedMap<String, V> apply(Map<String, V> parent, Map<String, V> changes) {
        SortedMap<String, V> out = new TreeMap<>(parent);
        changes.forEach((key, value) -> {
            if (value == null) {
                out.remove(key);
            } else {
                out.put(key, value);
            }
        });
        return out;
    }
}
