package dev.tlctl.spec;

import java.util.Map;
import java.util.SortedMap;

/**
 * A service in one environment: whether it runs there, its settings and its variables.
 *
 * <p>Settings are keyed by {@link Settings} names (such as {@code deploy.startCommand}); only
 * the settings the spec writes are present, so an absent key means "not managed by tlctl".
 * Values are {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code List<String>}.
 *
 * @param settingLocations where each setting is written (the base file or an overlay), by key
 * @param domains its domains ({@link DomainsSpec#UNDECLARED} when the spec does not write them)
 * @param volumes the volume it mounts (at most one; none written: none managed)
 */
public record ServiceInstanceSpec(
        String service,
        boolean enabled,
        SortedMap<String, Object> settings,
        Map<String, VariableSpec> variables,
        Location location,
        Map<String, Location> settingLocations,
        DomainsSpec domains,
        java.util.List<VolumeSpec> volumes) {

    public ServiceInstanceSpec {
        settings = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(settings));
        variables = FrozenMap.of(variables); // shared by environments reading the same YAML
        settingLocations = Map.copyOf(settingLocations);
        java.util.Objects.requireNonNull(domains, "domains");
        volumes = java.util.List.copyOf(volumes);
    }

    /** An instance whose spec writes no domains and no volumes. */
    public ServiceInstanceSpec(String service, boolean enabled, SortedMap<String, Object> settings,
            Map<String, VariableSpec> variables, Location location, Map<String, Location> settingLocations) {
        this(service, enabled, settings, variables, location, settingLocations, DomainsSpec.UNDECLARED,
                java.util.List.of());
    }

    /** Where a setting is written, or the service's own key when the spec does not write it. */
    public Location locationOf(String setting) {
        return settingLocations.getOrDefault(setting, location);
    }
}
