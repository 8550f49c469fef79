package dev.tlctl.live;

import java.util.Map;
import java.util.Optional;

/**
 * An environment as its config describes it: the instances of services it runs (keyed by service
 * id), its shared variables, and the {@code configEtag} that changes whenever the config does.
 * {@code sourceEnvironmentId} is set for an environment created from another (a fork).
 */
public record LiveEnvironment(
        String id,
        String name,
        String sourceEnvironmentId,
        String configEtag,
        Map<String, LiveServiceInstance> instances,
        Map<String, LiveVariable> sharedVariables) {

    public LiveEnvironment {
        instances = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(instances));
        sharedVariables = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sharedVariables));
    }

    public Optional<LiveServiceInstance> instance(String serviceId) {
        return Optional.ofNullable(instances.get(serviceId));
    }

    public boolean isFork() {
        return sourceEnvironmentId != null;
    }
}
