package dev.tlctl.spec;

import java.util.Map;
import java.util.SortedMap;

/**
 * A service in one environment: whether it runs there, its settings and its variables.
 *
 * <p>Settings are keyed by {@link Settings} names (such as {@code deploy.startCommand}); only
 * the settings the spec writes are present, so an absent key means "not managed by tlctl".
 * Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code List<String>}.
 */
public record ServiceInstanceSpec(
        String service,
        boolean enabled,
        SortedMap<String, Object> settings,
        Map<String, VariableSpec> variables,
        Location location) {

    public ServiceInstanceSpec {
        settings = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(settings));
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
