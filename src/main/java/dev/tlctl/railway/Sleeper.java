package dev.tlctl.railway;

import java.time.Duration;

/** Waits between retries; tests pass a recording fake so that nothing really sleeps. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps on the current thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
