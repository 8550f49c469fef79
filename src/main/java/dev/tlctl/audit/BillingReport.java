package dev.tlctl.audit;

import dev.tlctl.live.LiveUsage.Measurement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Spend against the usage limit, as {@link BillingAudit} finds it. The workspace's spent figure is
 * Railway's own ({@code customer.currentUsage}, workspace-wide, every project); the project's, its
 * environments' and services' are estimates: Railway's usage measurements at {@link #prices()}.
 * Every projection is linear: spent so far divided by the elapsed share of the billing period.
 *
 * @param elapsedFraction the share of the billing period gone at {@code asOf}, 0 to 1
 * @param softLimitDollars Railway's soft limit (email alert); null when none is set
 * @param hardLimitDollars Railway's hard limit (stops services); null when none is set
 * @param overLimit what Railway says: the workspace is over its limit
 * @param projectUsage the project's usage so far, by measurement, in each measurement's unit
 * @param railwayEstimateDollars Railway's own estimate for the project's period ({@code estimatedUsage}) at
 *     {@link #prices()}; null when Railway gave none
 * @param environments the project's environments, top spenders first
 * @param checks every check of {@code billing check}, in order
 * @param previews the project's previews together: environments a template names, and Railway's own
 *     (ephemeral) ones the spec does not declare, with their spend summed
 */
public record BillingReport(
        Instant periodStart,
        Instant periodEnd,
        Instant asOf,
        double elapsedFraction,
        Prices prices,
        int warnAtPercent,
        Spend workspace,
        Integer softLimitDollars,
        Integer hardLimitDollars,
        boolean overLimit,
        Spend project,
        Map<Measurement, Double> projectUsage,
        Double railwayEstimateDollars,
        List<EnvironmentCost> environments,
        List<Check> checks,
        PreviewGroup previews) {

    public BillingReport {
        projectUsage = Map.copyOf(projectUsage);
        environments = List.copyOf(environments);
        checks = List.copyOf(checks);
    }

    /** Dollars spent so far this period and projected to its end. */
    public record Spend(double spentDollars, double projectedDollars) {
        static final Spend ZERO = new Spend(0, 0);

        Spend plus(Spend other) {
            return new Spend(spentDollars + other.spentDollars, projectedDollars + other.projectedDollars);
        }
    }

    /**
     * One environment's estimated spend and its services'. {@code id} is null for usage Railway
     * gives no environment; {@code usageKnown} is false when Railway measured nothing there.
     */
    public record EnvironmentCost(String name, String id, Spend spend, Map<Measurement, Double> usage,
            List<ServiceCost> services) {
        public EnvironmentCost {
            usage = Map.copyOf(usage);
            services = List.copyOf(services);
        }
    }

    /**
     * The previews listed together: their names (live environments, usage or not) in Railway's order,
     * and the sum of their spend (each also has its own environment row when Railway measured usage there).
     */
    public record PreviewGroup(List<String> environments, Spend spend) {
        public PreviewGroup {
            environments = List.copyOf(environments);
        }

        public boolean isEmpty() {
            return environments.isEmpty();
        }
    }

    /** One service's estimated spend in one environment; {@code id} null for usage Railway gives no service. */
    public record ServiceCost(String name, String id, Spend spend, Map<Measurement, Double> usage) {
        public ServiceCost {
            usage = Map.copyOf(usage);
        }
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** The dollars at which {@code billing check} fails: {@code warnAtPercent} of the soft limit; null without one. */
    public Double warnAtDollars() {
        return softLimitDollars == null || softLimitDollars == 0 ? null : softLimitDollars * warnAtPercent / 100.0;
    }

    /** {@code dollars} as a percentage of {@code limit}; null without a limit. */
    public static Double percentOf(double dollars, Integer limit) {
        return limit == null || limit == 0 ? null : dollars * 100 / limit;
    }
}
