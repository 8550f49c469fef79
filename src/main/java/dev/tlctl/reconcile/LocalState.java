package dev.tlctl.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What {@code .tlctl/state.json} holds, a cache (never the truth): per API endpoint, the id of each
 * project found by name (keyed {@code workspace/name}), the record key derived for each project,
 * and the fingerprints versions before shared records kept (read where an environment has no
 * record yet, never written). Immutable: each change makes a new state, so that a run's changes
 * can be replayed on what another run saved meanwhile. Read and written by {@link LocalStateJson}.
 */
record LocalState(int formatVersion, Map<String, Endpoint> endpoints) {
    static final int FORMAT_VERSION = 1;
    static final LocalState EMPTY = new LocalState(FORMAT_VERSION, Map.of());

    LocalState {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    /**
     * One endpoint's cache.
     *
     * @param written fingerprints of the values earlier versions wrote, by project id and address
     * @param sealed where versions before drift kept the fingerprints of sealed values only
     * @param recordKeys the record key derived for each project: its derivation and binding, never the key text
     */
    record Endpoint(Map<String, String> projects, Map<String, Map<String, String>> written,
            Map<String, Map<String, String>> sealed, Map<String, CachedKey> recordKeys) {
        static final Endpoint EMPTY = new Endpoint(Map.of(), Map.of(), Map.of(), Map.of());

        Endpoint {
            projects = copy(projects);
            written = copy(written);
            sealed = copy(sealed);
            recordKeys = copy(recordKeys);
        }

        /** This cache without anything about project {@code id} but its name's entry. */
        Endpoint forget(String id) {
            return new Endpoint(projects, without(written, id), without(sealed, id), without(recordKeys, id));
        }
    }

    /** A derived record key (Base64) and what binds it to its key text (Base64). */
    record CachedKey(String key, String binding) {}

    /** The cache of one endpoint (empty when there is none). */
    Endpoint endpoint(String key) {
        return endpoints.getOrDefault(key, Endpoint.EMPTY);
    }

    /** This state with the cache of endpoint {@code key} changed. */
    LocalState with(String key, UnaryOperator<Endpoint> change) {
        Map<String, Endpoint> all = new LinkedHashMap<>(endpoints);
        all.put(key, change.apply(endpoint(key)));
        return new LocalState(formatVersion, all);
    }

    static <V> Map<String, V> with(Map<String, V> map, String key, V value) {
        Map<String, V> out = new LinkedHashMap<>(map);
        if (value == null) {
            out.remove(key);
        } else {
            out.put(key, value);
        }
        return out;
    }

    private static <V> Map<String, V> without(Map<String, V> map, String key) {
        return with(map, key, null);
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
