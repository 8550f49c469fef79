package dev.tlctl.adopt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the spec declares for one environment (or the base file): shared variables and every
 * service of the project, each enabled or not, with its settings (spec keys, values at Railway's
 * defaults left out) and variables. Values are as the YAML writes them.
 */
record Declared(SortedMap<String, Value> shared, Map<String, Service> services) {

    Declared {
        shared = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(shared));
        services = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /**
     * A variable's text as the YAML writes it.
     *
     * @param secret an {@code ${env:...}} reference to a secret of one environment, which never goes
     *     in the base file
     */
    record Value(String text, boolean secret) {}

    /**
     * A service in one environment: whether it runs there, its settings, its variables, and its
     * domains and volume ({@link RuntimeValues}; null when Railway's answer did not carry them:
     * the environment then says nothing of them and keeps its parent's).
     */
    record Service(boolean enabled, SortedMap<String, Object> settings, SortedMap<String, Value> variables,
            SortedMap<String, Object> runtime) {
        Service {
            settings = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
            variables = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(variables));
            runtime = runtime == null ? null : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(runtime));
        }

        static final Service DISABLED = new Service(false, new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
    }
}
