package dev.tlctl.live;

import java.util.Map;
import java.util.SortedMap;

/**
 * A service's state in one environment. Settings use the spec's keys (such as
 * {@code deploy.startCommand}, see the spec's {@code Settings}); values are {@code String},
 * {@code Long}, {@code Double}, {@code Boolean} or {@code List<String>}; a setting Railway does
 * not hold is absent.
 */
public record LiveServiceInstance(
        String serviceId,
        SortedMap<String, Object> settings,
        Map<String, LiveVariable> variables) {

    public LiveServiceInstance {
        settings = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(settings));
        variables = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(variables));
    }
}
