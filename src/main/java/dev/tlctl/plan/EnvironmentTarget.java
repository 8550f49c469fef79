package dev.tlctl.plan;

/**
 * An environment the plan touches or reads: its id and the {@code configEtag} seen when planning
 * (both null when the plan creates it), the environment it is created from, and whether it is a
 * fork (created from another), which decides where {@code serviceCreate} lands.
 */
public record EnvironmentTarget(String name, String id, String configEtag, String from, boolean exists,
        boolean fork, boolean isDefault) {}
