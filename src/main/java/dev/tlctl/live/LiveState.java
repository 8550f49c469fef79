package dev.tlctl.live;

/**
 * What Railway has now, as one read found it: the workspace (null when the token may not read
 * it, as with a project token) and the project (null when no project of that name exists yet).
 */
public record LiveState(LiveWorkspace workspace, LiveProject project) {}
