package dev.tlctl.reconcile;

import java.time.Clock;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * What the core may do to the world besides Railway and its files, passed from the top so that
 * tests control it: read the time, wait between retries (with jitter drawn from {@code jitter}),
 * and let someone hear every request.
 */
public record Effects(Clock clock, Sleeper sleeper, RequestListener requests, RandomGenerator jitter) {

    /** Effects whose retries draw their jitter from a fresh random source. */
    public Effects(Clock clock, Sleeper sleeper, RequestListener requests) {
        this(clock, sleeper, requests, new Random());
    }

    /** The real clock, real waits, nobody listening. */
    public static Effects system() {
        return new Effects(Clock.systemUTC(), Sleeper.SYSTEM, RequestListener.NONE);
    }
}
