package dev.tlctl.testing;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Live records built in code, for pure tests: what Railway holds after a perfect apply of a spec
 * (project {@code prj-1} in workspace {@code ws-1}, environments {@code env-<name>} with etag
 * {@code etag-<name>}, services {@code svc-<name>}), then changed one thing at a time as someone
 * would on Railway. Every change returns a new project; records are never edited in place.
 */
public final class LiveBuilder {
    private LiveBuilder() {}

    /** What Railway holds after a perfect apply of {@code spec}: environments created empty, never forks. */
    public static LiveProject applied(Spec spec) {
        List<LiveService> services = new ArrayList<>();
        spec.services().stream().filter(s -> s.enabledAnywhere())
                .forEach(s -> services.add(new LiveService(serviceId(s.name()), s.name())));
        List<LiveEnvironment> environments = new ArrayList<>();
        for (EnvironmentSpec env : spec.environments()) {
            Map<String, LiveServiceInstance> instances = new LinkedHashMap<>();
            for (ServiceInstanceSpec instance : env.services().values()) {
                if (instance.enabled()) {
                    instances.put(serviceId(instance.service()), new LiveServiceInstance(serviceId(instance.service()),
                            new TreeMap<>(instance.settings()), variables(instance.variables())));
                }
            }
            environments.add(new LiveEnvironment("env-" + env.name(), env.name(), null, "etag-" + env.name(), instances,
                    variables(env.sharedVariables())));
        }
        return new LiveProject("prj-1", spec.project().name(), "ws-1", environments, services, List.of());
    }

    /** The id {@link #applied} gives a service. */
    public static String serviceId(String service) {
        return "svc-" + service;
    }

    /** Railway's variables for declared ones: what was written (a sealed one never reads back). */
    private static Map<String, LiveVariable> variables(Map<String, VariableSpec> declared) {
        Map<String, LiveVariable> out = new TreeMap<>();
        declared.values().forEach(v -> out.put(v.name(), new LiveVariable(v.name(), v.sealed() ? null
                : v.value() == null ? Secret.of(v.template()) : v.value(), v.sealed())));
        return out;
    }

    /** The project with shared variable {@code name} of {@code environment} set to {@code value}. */
    public static LiveProject shared(LiveProject project, String environment, String name, String value) {
        return environment(project, environment, e -> {
            Map<String, LiveVariable> shared = new TreeMap<>(e.sharedVariables());
            shared.put(name, new LiveVariable(name, Secret.of(value), false));
            return new LiveEnvironment(e.id(), e.name(), e.sourceEnvironmentId(), e.configEtag(), e.instances(), shared);
        });
    }

    /** The project with variable {@code name} of {@code service} in {@code environment} set to {@code value}. */
    public static LiveProject variable(LiveProject project, String environment, String service, String name,
            String value) {
        return instance(project, environment, service, i -> {
            Map<String, LiveVariable> variables = new TreeMap<>(i.variables());
            variables.put(name, new LiveVariable(name, Secret.of(value), false));
            return new LiveServiceInstance(i.serviceId(), i.settings(), variables);
        });
    }

    /** The project with the settings of {@code service} in {@code environment} changed. */
    public static LiveProject settings(LiveProject project, String environment, String service,
            UnaryOperator<TreeMap<String, Object>> change) {
        return instance(project, environment, service, i -> new LiveServiceInstance(i.serviceId(),
                change.apply(new TreeMap<>(i.settings())), i.variables()));
    }

    /** The project with one more environment, service, or volume made by someone else. */
    public static LiveProject with(LiveProject project, List<LiveEnvironment> environments, List<LiveService> services,
            List<dev.tlctl.live.LiveVolume> volumes) {
        List<LiveEnvironment> allEnvironments = new ArrayList<>(project.environments());
        allEnvironments.addAll(environments);
        List<LiveService> allServices = new ArrayList<>(project.services());
        allServices.addAll(services);
        List<dev.tlctl.live.LiveVolume> allVolumes = new ArrayList<>(project.volumes());
        allVolumes.addAll(volumes);
        return new LiveProject(project.id(), project.name(), project.workspaceId(), allEnvironments, allServices,
                allVolumes);
    }

    private static LiveProject instance(LiveProject project, String environment, String service,
            UnaryOperator<LiveServiceInstance> change) {
        String id = serviceId(service);
        return environment(project, environment, e -> {
            Map<String, LiveServiceInstance> instances = new LinkedHashMap<>(e.instances());
            instances.put(id, change.apply(instances.get(id)));
            return new LiveEnvironment(e.id(), e.name(), e.sourceEnvironmentId(), e.configEtag(), instances,
                    e.sharedVariables());
        });
    }

    private static LiveProject environment(LiveProject project, String environment,
            UnaryOperator<LiveEnvironment> change) {
        List<LiveEnvironment> environments = new ArrayList<>();
        for (LiveEnvironment e : project.environments()) {
            environments.add(e.name().equals(environment) ? change.apply(e) : e);
        }
        return new LiveProject(project.id(), project.name(), project.workspaceId(), environments, project.services(),
                project.volumes());
    }
}
