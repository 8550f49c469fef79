package dev.tlctl.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Sets usage figures straight into a state file, without a running sandbox (a missing file
 * becomes a fresh state first); a sandbox serving the same file sees them on its next request.
 * The rules are {@link Sandbox#setUsage}'s: an unknown project, environment or service is a
 * {@link SandboxException}, a bad measurement, value or interval an IllegalArgumentException.
 */
public final class SandboxUsage {
    private SandboxUsage() {}

    /**
     * Sets one measurement's usage for a project, or one environment and/or service of it (null:
     * not that level), by name; from/to null: from the start of the billing period to now.
     */
    public static void setUsage(Path stateFile, Clock clock, String project, String environment, String service,
                                String measurement, double value, Instant from, Instant to) throws IOException {
        Store store = Store.open(stateFile, null, SandboxConfig.DEFAULT_SEED, clock);
        store.transaction(() -> Usage.set(store, project, environment, service, measurement, value, from, to));
    }

    /** Sets the default workspace's billing period. */
    public static void setBillingPeriod(Path stateFile, Clock clock, Instant start, Instant end) throws IOException {
        Store store = Store.open(stateFile, null, SandboxConfig.DEFAULT_SEED, clock);
        store.transaction(() -> Usage.setBillingPeriod(store, start, end));
    }

    /** Sets the default workspace's currentUsage in dollars; null: derived from the usage entries. */
    public static void setCurrentUsage(Path stateFile, Clock clock, Double dollars) throws IOException {
        Store store = Store.open(stateFile, null, SandboxConfig.DEFAULT_SEED, clock);
        store.transaction(() -> Usage.setCurrentUsage(store, dollars));
    }
}
