package dev.tlctl.reconcile;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.plan.Address;
import dev.tlctl.secret.Secret;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A live project by plan address: what exists, each readable variable's value, each sealed
 * variable, each setting, each domain (a generated one under its name and as {@code railway}); for recognising a saved plan that was already applied.
 */
record LivePlaces(Set<String> existing, Map<String, Secret> variables, Set<String> sealed, Map<String, Object> settings) {

    static LivePlaces of(LiveProject project) {
        Set<String> existing = new HashSet<>();
        Map<String, Secret> variables = new HashMap<>();
        Set<String> sealed = new HashSet<>();
        Map<String, Object> settings = new HashMap<>();
        if (project != null) {
            existing.add(Address.project().text());
            for (LiveService service : project.services()) {
                existing.add(Address.service(service.name()).text());
            }
            for (LiveEnvironment env : project.environments()) {
                existing.add(Address.environment(env.name()).text());
                env.sharedVariables().values().forEach(v -> put(Address.variable(env.name(), null, v.name()), v, existing,
                        variables, sealed));
                for (LiveService service : project.services()) {
                    LiveServiceInstance instance = env.instance(service.id()).orElse(null);
                    if (instance == null) {
                        continue;
                    }
                    existing.add(Address.instance(env.name(), service.name()).text());
                    project.runtime().volumes(env.id()).stream().filter(v -> service.id().equals(v.serviceId())
                            && v.mountPath() != null).forEach(v -> existing.add(Address.volumeMount(env.name(),
                                    service.name(), v.mountPath()).text()));
                    project.runtime().instance(env.id(), service.id()).ifPresent(runtime -> runtime.domains().forEach(d -> {
                        existing.add(Address.domain(env.name(), service.name(), d.domain()).text());
                        if (d.kind() == dev.tlctl.live.LiveDomain.Kind.RAILWAY) {
                            existing.add(Address.domain(env.name(), service.name(), Address.RAILWAY_DOMAIN).text());
                        }
                    }));
                    instance.variables().values().forEach(v -> put(Address.variable(env.name(), service.name(), v.name()), v,
                            existing, variables, sealed));
                    instance.settings().forEach((key, value) -> {
                        String address = Address.setting(env.name(), service.name(), key).text();
                        existing.add(address);
                        settings.put(address, value);
                    });
                }
            }
        }
        return new LivePlaces(existing, variables, sealed, settings);
    }

    private static void put(Address address, LiveVariable v, Set<String> existing, Map<String, Secret> variables,
            Set<String> sealed) {
        existing.add(address.text());
        if (v.sealed()) {
            sealed.add(address.text());
        } else if (v.readable()) {
            variables.put(address.text(), v.value());
        }
    }

    boolean exists(String address) {
        return existing.contains(address);
    }
}
