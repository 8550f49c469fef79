package dev.tlctl.railway;

import dev.tlctl.live.LiveState;

/**
 * A read of the live project: the state, whether the project id given was stale (so that a cache
 * can drop it), and the environment a project token is limited to (null for other tokens).
 */
public record ReadResult(LiveState state, boolean staleId, String tokenEnvironment) {}
