package dev.tlctl.railway;

/**
 * Which project to read: its name, an id when known (from the spec or a cache; checked against
 * the name and dropped when stale), and the workspace (a name or an id; null for the token's
 * only workspace).
 */
public record ReadTarget(String projectName, String projectId, String workspace) {}
