package dev.tlctl.live;

import java.util.Map;
import java.util.SortedMap;

/**
 * A service's state in one environment. Settings use the spec's keys (such as
 * {@code deploy.startCommand}, see the spec's {@code Settings}); values are {@code String},
 * {@code Long}, {@code Double}, {@code Boolean} or {@code List<String>}; a setting Railway does
 * not hold is absent.
 *
 * @param configSections the {@code source}, {@code build} and {@code deploy} parts of the
 *     instance's config exactly as read (JSON text), keys tlctl does not model included: a write
 *     that replaces a part whole must keep them
 * @param unmodelled what the instance's config holds that tlctl does not model, by config path
 *     under the instance (a domain {@code networking.serviceDomains.<domain>}, a TCP proxy
 *     {@code networking.tcpProxies.<port>}, a volume mount {@code volumeMounts.<volumeId>}, a
 *     setting such as {@code build.nixpacksPlan}), each value as JSON text; tlctl never writes them
 */
public record LiveServiceInstance(
        String serviceId,
        SortedMap<String, Object> settings,
        Map<String, LiveVariable> variables,
        Map<String, String> configSections,
        SortedMap<String, String> unmodelled) {

    public LiveServiceInstance {
        settings = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(settings));
        variables = LiveVariables.of(variables);
        configSections = Map.copyOf(configSections);
        unmodelled = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(unmodelled));
    }

    /** An instance with nothing tlctl does not model. */
    public LiveServiceInstance(String serviceId, SortedMap<String, Object> settings, Map<String, LiveVariable> variables,
            Map<String, String> configSections) {
        this(serviceId, settings, variables, configSections, new java.util.TreeMap<>());
    }

    /** An instance whose config parts are not known (only what tlctl models). */
    public LiveServiceInstance(String serviceId, SortedMap<String, Object> settings, Map<String, LiveVariable> variables) {
        this(serviceId, settings, variables, Map.of());
    }
}
