package dev.tlctl.reconcile;

import java.util.List;

/**
 * Which project and environments a run covers.
 *
 * @param environments the environments to cover, by name; empty for every environment of the spec
 * @param projectId the project's id when given on the command line, overriding the spec's; may be null
 * @param workspace the workspace (name or id) when given on the command line; may be null
 */
public record Target(List<String> environments, String projectId, String workspace) {
    public Target {
        environments = List.copyOf(environments);
    }

    /** Every environment of the spec, the project found as the spec says. */
    public static Target all() {
        return new Target(List.of(), null, null);
    }
}
