package dev.tlctl.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
 * @param clock     the clock of timestamps, rate limits, quotas and delays
 * @param timing    Railway's creation quotas and the delays of its eventual consistency
 */
public record SandboxConfig(int port, Path stateFile, String token, String faults, long seed,
                            int perHour, int perSecond, Clock clock, Timing timing) {
    public static final int DEFAULT_PER_HOUR = 1000;
    public static final int DEFAULT_PER_SECOND = 10;
    public static final long DEFAULT_SEED = 1;

    /**
     * What takes time on Railway (docs/railway-semantics.md has the sources).
     *
     * @param quotas           creations refused inside their window: one environment per user and one
     *                         project per workspace every {@link #QUOTA_WINDOW}
     * @param consistencyDelay how long after {@code serviceCreate} its instances materialise (a write
     *                         to one before then is "ServiceInstance not found"), and after
     *                         {@code projectCreate} the project is listed
     * @param applyDelay       how long a change set applied with {@code waitForCompletion: false} stays
     *                         "applying" before its result is final
     * @param deployTime       how long a deployment takes from its creation to SUCCESS (a tenth
     *                         INITIALIZING, half BUILDING, the rest DEPLOYING); zero: born finished
     */
    public record Timing(boolean quotas, Duration consistencyDelay, Duration applyDelay, Duration deployTime) {
        /** Railway's creation quota window, for environments per user and projects per workspace. */
        public static final Duration QUOTA_WINDOW = Duration.ofSeconds(30);
        /** The default delays: short, so that a first apply stays quick, and long enough to be seen. */
        public static final Duration DEFAULT_DELAY = Duration.ofSeconds(1);

        public Timing {
            Objects.requireNonNull(consistencyDelay, "consistencyDelay");
            Objects.requireNonNull(applyDelay, "applyDelay");
            Objects.requireNonNull(deployTime, "deployTime");
            if (consistencyDelay.isNegative() || applyDelay.isNegative() || deployTime.isNegative()) {
                throw new IllegalArgumentException("delays must not be negative");
            }
        }

        /** Deployments born finished. */
        public Timing(boolean quotas, Duration consistencyDelay, Duration applyDelay) {
            this(quotas, consistencyDelay, applyDelay, Duration.ZERO);
        }

        /** How long a deployment takes by default: short, and long enough to be seen building. */
        public static final Duration DEFAULT_DEPLOY_TIME = Duration.ofSeconds(5);

        /**
         * As on Railway: quotas on, {@link #DEFAULT_DELAY} each, deployments taking
         * {@link #DEFAULT_DEPLOY_TIME} (tlctl waits out "Cannot redeploy yet" while one builds).
         */
        public static Timing railway() {
            return new Timing(true, DEFAULT_DELAY, DEFAULT_DELAY, DEFAULT_DEPLOY_TIME);
        }

        /** Everything at once: no quota, no delay (benchmarks, tests of other things). */
        public static Timing immediate() {
            return new Timing(false, Duration.ZERO, Duration.ZERO, Duration.ZERO);
        }
    }

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
        Objects.requireNonNull(timing, "timing");
        Faults.parse(faults, seed);
    }

    /**
     * Any free port, memory only, a generated token, no faults, seed 1, Hobby limits, the system
     * clock, Railway's quotas and delays.
     */
    public static SandboxConfig defaults() {
        return new SandboxConfig(0, null, null, null, DEFAULT_SEED, DEFAULT_PER_HOUR, DEFAULT_PER_SECOND,
                Clock.systemUTC(), Timing.railway());
    }

    public SandboxConfig withPort(int port) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
    }

    public SandboxConfig withStateFile(Path stateFile) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
    }

    public SandboxConfig withToken(String token) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
    }

    public SandboxConfig withFaults(String faults) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
    }

    public SandboxConfig withSeed(long seed) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
    }

    public SandboxConfig withRateLimit(int perHour, int perSecond) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
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
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
    }

    public SandboxConfig withTiming(Timing timing) {
        return new SandboxConfig(port, stateFile, token, faults, seed, perHour, perSecond, clock, timing);
    }

    /** The same, with creation quotas on or off. */
    public SandboxConfig withQuotas(boolean quotas) {
        return withTiming(new Timing(quotas, timing.consistencyDelay(), timing.applyDelay(), timing.deployTime()));
    }

    /** The same, with these delays (zero: at once). */
    public SandboxConfig withDelays(Duration consistencyDelay, Duration applyDelay) {
        return withTiming(new Timing(timing.quotas(), consistencyDelay, applyDelay, timing.deployTime()));
    }

    /** The same, with deployments taking this long from creation to SUCCESS (zero: born finished). */
    public SandboxConfig withDeployTime(Duration deployTime) {
        return withTiming(new Timing(timing.quotas(), timing.consistencyDelay(), timing.applyDelay(), deployTime));
    }
}
