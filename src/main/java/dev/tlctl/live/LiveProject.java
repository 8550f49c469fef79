package dev.tlctl.live;

import java.util.List;
import java.util.Optional;

/**
 * A project with its environments (each with its config), services and volumes, and what runs in
 * it ({@link LiveRuntime}: deployments, domains, volume instances).
 */
public record LiveProject(
        String id,
        String name,
        String workspaceId,
        List<LiveEnvironment> environments,
        List<LiveService> services,
        List<LiveVolume> volumes,
        LiveRuntime runtime) {

    public LiveProject {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
        volumes = List.copyOf(volumes);
        java.util.Objects.requireNonNull(runtime, "runtime");
    }

    /** A project whose runtime was not read. */
    public LiveProject(String id, String name, String workspaceId, List<LiveEnvironment> environments,
            List<LiveService> services, List<LiveVolume> volumes) {
        this(id, name, workspaceId, environments, services, volumes, LiveRuntime.empty());
    }

    public Optional<LiveEnvironment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<LiveService> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
