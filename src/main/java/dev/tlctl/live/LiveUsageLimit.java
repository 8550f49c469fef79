package dev.tlctl.live;

/** The workspace's usage limit in whole dollars; {@code hardLimitDollars} null when unset. */
public record LiveUsageLimit(int softLimitDollars, Integer hardLimitDollars, boolean overLimit) {}
