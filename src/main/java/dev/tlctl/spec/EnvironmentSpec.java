package dev.tlctl.spec;

import java.util.Map;
import java.util.Optional;

/**
 * One environment's desired state, after its overlay is merged over the base: the environment
 * it is created from (null: created empty), its shared (environment-wide) variables and one
 * {@link ServiceInstanceSpec} per declared service, keyed by service name in spec order.
 */
public record EnvironmentSpec(
        String name,
        String from,
        boolean isDefault,
        Map<String, VariableSpec> sharedVariables,
        Map<String, ServiceInstanceSpec> services,
        Location location) {

    public EnvironmentSpec {
        sharedVariables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sharedVariables));
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    public Optional<ServiceInstanceSpec> service(String name) {
        return Optional.ofNullable(services.get(name));
    }
}
