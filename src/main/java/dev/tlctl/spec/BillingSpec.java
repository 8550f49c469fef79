package dev.tlctl.spec;

import java.util.Map;
import java.util.Optional;

/**
 * Billing settings: the workspace's usage limit (workspace-wide on Railway: it belongs to the
 * workspace's customer, not to the project; null means tlctl does not manage it), the share of
 * the soft limit at which {@code tlctl billing check} fails, price overrides for its estimates,
 * and per-environment guards.
 *
 * @param warnAtPercent the share of the soft limit, in percent, that current or projected spend
 *     may not reach ({@link #DEFAULT_WARN_AT_PERCENT} unless written)
 * @param prices the unit prices the spec overrides (each null when Railway's list price applies)
 * @param guards guards by environment name, in the order written
 */
public record BillingSpec(UsageLimitSpec usageLimit, int warnAtPercent, PricesSpec prices,
        Map<String, GuardSpec> guards) {

    /** The share of the soft limit at which {@code billing check} fails when the spec does not say. */
    public static final int DEFAULT_WARN_AT_PERCENT = 75;

    public BillingSpec {
        guards = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(guards));
    }

    /** No billing section: nothing managed, default threshold, list prices, no guards. */
    public static BillingSpec none() {
        return new BillingSpec(null, DEFAULT_WARN_AT_PERCENT, PricesSpec.NONE, Map.of());
    }

    public Optional<GuardSpec> guard(String environment) {
        return Optional.ofNullable(guards.get(environment));
    }

    /**
     * Railway's usage limit in whole dollars: {@code softLimitDollars} sends an email alert,
     * {@code hardLimitDollars} (optional) stops the workspace's services.
     */
    public record UsageLimitSpec(int softLimitDollars, Integer hardLimitDollars, Location location) {}

    /**
     * Unit prices in dollars that replace Railway's list prices in estimates; null where the spec
     * writes none. Per vCPU and per GB of memory or disk for a month of 43,200 minutes; per GB of
     * network egress.
     */
    public record PricesSpec(Double vCPUMonthDollars, Double memoryGBMonthDollars, Double diskGBMonthDollars,
            Double networkEgressGBDollars) {
        /** No override. */
        public static final PricesSpec NONE = new PricesSpec(null, null, null, null);

        /** Whether it overrides no price (compared field by field: no record equals on start-up). */
        public boolean none() {
            return vCPUMonthDollars == null && memoryGBMonthDollars == null && diskGBMonthDollars == null
                    && networkEgressGBDollars == null;
        }
    }

    /**
     * What one environment may run, each bound null (or false) when not guarded: at most
     * {@code maxReplicas} replicas per service, every service sleeping when idle, at most
     * {@code maxVCPUs} and {@code maxMemoryGB} per replica, and a projected monthly cost of at most
     * {@code monthlyBudgetDollars} for the environment.
     *
     * @param locations where each bound is written, by key (such as {@code maxReplicas})
     * @param location where the environment's guards begin (its key under {@code billing.guards})
     */
    public record GuardSpec(String environment, Integer maxReplicas, boolean sleepApplication, Double maxVCPUs,
            Double maxMemoryGB, Double monthlyBudgetDollars, Map<String, Location> locations, Location location) {

        public GuardSpec {
            locations = Map.copyOf(locations);
        }

        /** Where a bound is written, or the guard's own key when it is not. */
        public Location locationOf(String key) {
            return locations.getOrDefault(key, location);
        }
    }
}
