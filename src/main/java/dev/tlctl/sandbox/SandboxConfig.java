package dev.tlctl.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How to start a sandbox.
 *
 * @param port      the loopback port; 0 picks a free one
 * @param stateFile the JSON state file; null keeps the state in memory only
 * @param token     the account token to accept; null: the one in the state file, or a new one
 * @param faults    a fault spec such as {@code 429=0.1,once:projectCreate=lost}; null: none
 *                  (grammar in the sandbox documentation)
 * @param seed      the seed of ids, tokens and faults
 * @param perHour   the rate limit per token per hour (Railway Hobby: 1000)
 * @param perSecond the rate limit per token per second (Railway Hobby: 10)
 * @param clock     the clock of timestamps and rate limits
 */
public record SandboxConfig(int port, Path stateFile, String token, String faults, long seed,
                            int perHour, int perSecond, Clock clock) {
    public static final int DEFAULT_PER_HOUR = 1000;
    public static final int DEFAULT_PER_SECOND = 10;
    public static final long DEFAULT_SEED = 1;

    /** Checks every value; a bad fault spec or limit is an IllegalArgumentException saying what is wrong. */
    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (perHour < 1 || perSecond < 1) {
            throw new IllegalArgumentException("rate limits must be at least 1 request");
        }
        if (token != null && token.isBlank()) {
            throw new IllegalArgumentException("the token must not be blank");
        }
        Objects.requireNonNull(clock, "clock");
        Faults.parse(faults, seed);
    }

    /** Any free port, memory only, a generated token, no faults, seed 1, Hobby limits, the system clock. */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, null, null, null, DEFAULT_SEED, DEFAULT_PER_HOUR, DEFAULT_PER_SECOND,
                Clock.systemUTC());
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock);
    }

    public SandboxConfig withStateFile(Path stateFile) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock);
    }

    public SandboxConfig withToken(String token) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock);
    }

    public SandboxConfig withFaults(String faults) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock);
    }

    public SandboxConfig withSeed(long seed) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock);
    }

    public SandboxConfig withRateLimit(int perHour, int perSecond) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock);
    }

    /** {@code PER_HOUR/PER_SECOND}, such as {@code 1000/10}. */
    public SandboxConfig withRateLimit(String spec) {
        String[] parts = spec == null ? new String[0] : spec.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return withRateLimit(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Invalid rate limit \"" + spec
                + "\": expected PER_HOUR/PER_SECOND with whole numbers, such as 1000/10");
    }

    public SandboxConfig withClock(Clock clock) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock);
    }
}
