package dev.tlctl.live;

import java.util.Map;
import java.util.Optional;

/**
 * An environment as its config describes it: the instances of services it runs (keyed by service
 * id), its shared variables, and the {@code configEtag} that changes whenever the config does.
 * {@code sourceEnvironmentId} is set for an environment created from another (a fork).
 * {@code stagedChanges} is Railway's {@code unmergedChangesCount}: changes staged in the
 * dashboard and not committed yet. {@code ephemeral}: one of Railway's own PR environments,
 * which Railway creates and deletes. {@code accessible}: whether this token may open it
 * ({@code canAccess}, environment RBAC); one it may not holds no instances and no variables here,
 * as they were not read. {@code createdAt}: when it was created (for its age and a preview's
 * time to live); null when not read.
 */
public record LiveEnvironment(
        String id,
        String name,
        String sourceEnvironmentId,
        String configEtag,
        Map<String, LiveServiceInstance> instances,
        Map<String, LiveVariable> sharedVariables,
        int stagedChanges,
        boolean ephemeral,
        boolean accessible,
        java.time.Instant createdAt) {

    public LiveEnvironment {
        instances = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(instances));
        sharedVariables = LiveVariables.of(sharedVariables);
    }

    /** An environment whose creation time was not read. */
    public LiveEnvironment(String id, String name, String sourceEnvironmentId, String configEtag,
            Map<String, LiveServiceInstance> instances, Map<String, LiveVariable> sharedVariables, int stagedChanges,
            boolean ephemeral, boolean accessible) {
        this(id, name, sourceEnvironmentId, configEtag, instances, sharedVariables, stagedChanges, ephemeral, accessible,
                null);
    }

    /** An environment that is not ephemeral and that the token may open. */
    public LiveEnvironment(String id, String name, String sourceEnvironmentId, String configEtag,
            Map<String, LiveServiceInstance> instances, Map<String, LiveVariable> sharedVariables, int stagedChanges) {
        this(id, name, sourceEnvironmentId, configEtag, instances, sharedVariables, stagedChanges, false, true);
    }

    /** An environment with nothing staged. */
    public LiveEnvironment(String id, String name, String sourceEnvironmentId, String configEtag,
            Map<String, LiveServiceInstance> instances, Map<String, LiveVariable> sharedVariables) {
        this(id, name, sourceEnvironmentId, configEtag, instances, sharedVariables, 0);
    }

    /** This environment with other shared variables, every other field kept. */
    public LiveEnvironment withSharedVariables(Map<String, LiveVariable> shared) {
        return new LiveEnvironment(id, name, sourceEnvironmentId, configEtag, instances, shared, stagedChanges, ephemeral,
                accessible, createdAt);
    }

    public Optional<LiveServiceInstance> instance(String serviceId) {
        return Optional.ofNullable(instances.get(serviceId));
    }

    public boolean isFork() {
        return sourceEnvironmentId != null;
    }
}
