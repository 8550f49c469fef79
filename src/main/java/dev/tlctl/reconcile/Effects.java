package dev.tlctl.reconcile;

import java.time.Clock;

/**
 * What the core may do to the world besides Railway and its files, passed from the top so that
 * tests control it: read the time, wait between retries, and let someone hear every request.
 */
public record Effects(Clock clock, Sleeper sleeper, RequestListener requests) {

    /** The real clock, real waits, nobody listening. */
    public static Effects system() {
        return new Effects(Clock.systemUTC(), Sleeper.SYSTEM, RequestListener.NONE);
    }
}
