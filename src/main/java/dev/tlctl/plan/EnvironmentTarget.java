package dev.tlctl.plan;

/**
 * An environment of the spec that the plan covers: its id and the {@code configEtag} seen when
 * planning (both null when the plan creates it), whether it exists, whether it is a fork (created
 * from another by Railway's duplicate, which decides where a new service lands), whether it is
 * the project's default environment (created together with the project), and how many changes
 * are staged there in Railway's dashboard and not committed ({@code unmergedChangesCount}).
 */
public record EnvironmentTarget(String name, String id, String configEtag, boolean exists, boolean fork,
        boolean isDefault, int stagedChanges) {}
