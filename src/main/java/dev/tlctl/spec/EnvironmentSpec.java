package dev.tlctl.spec;

import java.util.Map;
import java.util.Optional;

/**
 * One environment's desired state: its parent's state (the environment it is declared
 * {@code from}, else the base file) deep-merged with its own overlay. It holds its shared
 * (environment-wide) variables and one {@link ServiceInstanceSpec} per declared service, keyed by
 * service name in spec order.
 *
 * @param from the environment it inherits from in the spec; null for the base alone. Railway-side
 *     it is always created empty: nothing, secrets least of all, is copied from another environment.
 * @param resolved whether its {@code ${env:...}}/{@code ${file:...}} references were resolved
 *     (false outside the run's scope: its variables from references then have no value)
 */
public record EnvironmentSpec(
        String name,
        String from,
        boolean isDefault,
        boolean resolved,
        Map<String, VariableSpec> sharedVariables,
        Map<String, ServiceInstanceSpec> services,
        Location location) {

    public EnvironmentSpec {
        sharedVariables = FrozenMap.of(sharedVariables);
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
    }

    public Optional<ServiceInstanceSpec> service(String name) {
        return Optional.ofNullable(services.get(name));
    }
}
