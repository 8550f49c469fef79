package dev.tlctl.reconcile;

import java.time.Duration;

/** Waits between retries and for Railway; tests pass one that records the wait and returns at once. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the current thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
