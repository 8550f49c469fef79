package dev.tlctl.live;

import java.util.List;
import java.util.Optional;

/**
 * A project with its environments (each with its config), services and volumes, what runs in
 * it ({@link LiveRuntime}: deployments, domains, volume instances) and its settings for Railway's
 * pull request environments ({@code pullRequests}; null when they were not read).
 */
public record LiveProject(
        String id,
        String name,
        String workspaceId,
        List<LiveEnvironment> environments,
        List<LiveService> services,
        List<LiveVolume> volumes,
        LiveRuntime runtime,
        LivePullRequestSettings pullRequests) {

    public LiveProject {
        environments = List.copyOf(environments);
        services = List.copyOf(services);
        volumes = List.copyOf(volumes);
        java.util.Objects.requireNonNull(runtime, "runtime");
    }

    /** A project whose pull request settings were not read. */
    public LiveProject(String id, String name, String workspaceId, List<LiveEnvironment> environments,
            List<LiveService> services, List<LiveVolume> volumes, LiveRuntime runtime) {
        this(id, name, workspaceId, environments, services, volumes, runtime, null);
    }

    /** A project whose runtime and pull request settings were not read. */
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
