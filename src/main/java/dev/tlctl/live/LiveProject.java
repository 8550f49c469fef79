package dev.tlctl.live;

import java.util.List;
import java.util.Optional;

/** A project with its environments (each with its config), services and volumes. */
public record LiveProject(
        String id,
        String name,
        String workspaceId,
        List<LiveEnvironment> environments,
        List<LiveService> services,
        List<LiveVolume> volumes) {

    public LiveProject {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
        volumes = List.copyOf(volumes);
    }

    public Optional<LiveEnvironment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<LiveService> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
