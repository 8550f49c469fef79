package dev.tlctl.spec;

/**
 * The project: its name on Railway, the workspace it lives in (a name or an id; null means the
 * token's only workspace) and its id once known ({@code tlctl init} can record it; null means
 * "find it by name").
 */
public record ProjectSpec(String name, String workspace, String id, Location location) {}
