package dev.tlctl.apply;

import java.util.Map;

/**
 * Told once, just before an apply sends its commit, the ids it will commit under: a caller may
 * start work for after the commit (tlctl's records) while Railway carries it out. It must return
 * at once and throw nothing; what it starts must not change what the apply does.
 */
@FunctionalInterface
public interface BeforeCommit {
    BeforeCommit NONE = (projectId, environmentIds) -> { };

    /** @param environmentIds every environment's id by name, those this apply created included (a copy) */
    void committing(String projectId, Map<String, String> environmentIds);
}
