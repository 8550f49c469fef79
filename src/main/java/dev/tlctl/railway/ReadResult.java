package dev.tlctl.railway;

import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsage;

/**
 * A read of the live project: the state, whether the project id given was stale (so that a cache
 * can drop it), the environment a project token is limited to (null for other tokens), and the
 * project's usage this billing period when it was asked for and could be read (else null).
 */
public record ReadResult(LiveState state, boolean staleId, String tokenEnvironment, LiveUsage usage) {

    /** A read without usage. */
    public ReadResult(LiveState state, boolean staleId, String tokenEnvironment) {
        this(state, staleId, tokenEnvironment, null);
    }
}
