package dev.tlctl.spec;

/** Railway's rules for usage limits, in whole dollars (as its CLI and docs state them). */
public final class UsageLimits {
    /** A soft limit is 0 (no alert) or at least this. */
    public static final int MIN_SOFT = 5;
    /** A hard limit is at least this. */
    public static final int MIN_HARD = 10;
    /** Neither limit may exceed this. */
    public static final int MAX = 500_000;

    private UsageLimits() {}
}
