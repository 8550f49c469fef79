package dev.tlctl.cli;

import dev.tlctl.audit.BillingReport;
import dev.tlctl.audit.BillingReport.EnvironmentCost;
import dev.tlctl.audit.BillingReport.ServiceCost;
import dev.tlctl.audit.Check;
import dev.tlctl.audit.Prices;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveUsage.Measurement;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.reconcile.BillingResult;
import dev.tlctl.reconcile.Version;
import java.util.List;
import java.util.Map;

/**
 * The public billing document: what {@code billing --json} and {@code billing check --json}
 * print, {@code formatVersion} 1, {@code kind} billing. Every figure is a number whose field names
 * its unit ({@code spentDollars}, {@code cpuVcpuMinutes}, {@code spentPercentOfSoftLimit}); a check's
 * {@code actual} and {@code limit} are in its {@code unit}. Dollars are rounded to cents, percentages
 * to tenths. The workspace's {@code spentDollars} is Railway's figure; everything under
 * {@code cost}, {@code environments} and the projections are estimates.
 */
record BillingDocument(
        int formatVersion,
        String kind,
        String tlctl,
        String createdAt,
        String endpoint,
        Project project,
        Period period,
        PriceList prices,
        Workspace workspace,
        Cost cost,
        List<EnvironmentEntry> environments,
        Previews previews,
        List<CheckEntry> checks,
        Summary summary) {

    record Project(String name, String id, String workspaceId, String workspaceName, String customerId) {}

    /** The billing period, start inclusive and end exclusive, and how much of it is gone at {@code asOf}. */
    record Period(String start, String end, String asOf, double elapsedPercent) {}

    /** The unit prices of the estimates; {@code fromSpec} when billing.prices overrides Railway's list. */
    record PriceList(double vCPUMonthDollars, double memoryGBMonthDollars, double diskGBMonthDollars,
            double networkEgressGBDollars, double minutesPerMonth, boolean fromSpec) {}

    /** The workspace's spend (Railway's figure, every project of the workspace) against its usage limit. */
    record Workspace(double spentDollars, double projectedDollars, Integer softLimitDollars, Integer hardLimitDollars,
            boolean overLimit, int warnAtPercent, Double warnAtDollars, Double spentPercentOfSoftLimit,
            Double projectedPercentOfSoftLimit, Double spentPercentOfHardLimit, Double projectedPercentOfHardLimit) {}

    /** The project's estimated spend from its usage at the unit prices, and Railway's own estimate for the period. */
    record Cost(boolean estimated, String note, double spentDollars, double projectedDollars,
            Double railwayEstimatedDollars, Usage usage) {}

    /** Usage so far this period, in Railway's units. */
    record Usage(double cpuVcpuMinutes, double memoryGBMinutes, double diskGBMinutes, double backupGBMinutes,
            double networkEgressGB) {}

    record EnvironmentEntry(String name, String id, double spentDollars, double projectedDollars,
            Double spentPercentOfSoftLimit, Double projectedPercentOfSoftLimit, Usage usage,
            List<ServiceEntry> services) {}

    /**
     * The previews together (environments a template names, and Railway's ephemeral ones the spec does
     * not declare): their names and their spend summed; each is also in {@code environments} once Railway
     * measured usage there.
     */
    record Previews(List<String> environments, double spentDollars, double projectedDollars,
            Double spentPercentOfSoftLimit, Double projectedPercentOfSoftLimit) {}

    record ServiceEntry(String name, String id, double spentDollars, double projectedDollars, Usage usage) {}

    /** One check of {@code billing check}; {@code message} is the line it prints (what, how much, what to do). */
    record CheckEntry(String check, String subject, boolean passed, String message, Double actual, Double limit,
            String unit) {}

    record Summary(boolean passed, int checkCount, int failedCount) {}

    static final String NOTE = "Estimates: usage at the unit prices, projected linearly to the end of the billing"
            + " period. Railway's invoice is what counts.";

    static BillingDocument of(BillingResult result) {
        BillingReport r = result.report();
        LiveWorkspace w = result.live().workspace();
        LiveProject p = result.live().project();
        Prices prices = r.prices();
        Integer soft = r.softLimitDollars();
        Integer hard = r.hardLimitDollars();
        double spent = r.workspace().spentDollars();
        double projected = r.workspace().projectedDollars();
        List<Check> failed = r.failures();
        return new BillingDocument(Json.FORMAT_VERSION, "billing", Version.current(), result.createdAt().toString(),
                result.endpoint(),
                new Project(p.name(), p.id(), w.id(), w.name(), w.customerId()),
                new Period(r.periodStart().toString(), r.periodEnd().toString(), r.asOf().toString(),
                        tenths(r.elapsedFraction() * 100)),
                new PriceList(prices.vCPUMonthDollars(), prices.memoryGBMonthDollars(), prices.diskGBMonthDollars(),
                        prices.networkEgressGBDollars(), Prices.MINUTES_PER_MONTH, prices.fromSpec()),
                new Workspace(cents(spent), cents(projected), soft, hard, r.overLimit(), r.warnAtPercent(),
                        cents(r.warnAtDollars()), percent(spent, soft), percent(projected, soft), percent(spent, hard),
                        percent(projected, hard)),
                new Cost(true, NOTE, cents(r.project().spentDollars()), cents(r.project().projectedDollars()),
                        cents(r.railwayEstimateDollars()), usage(r.projectUsage())),
                r.environments().stream().map(e -> environment(e, soft)).toList(),
                new Previews(r.previews().environments(), cents(r.previews().spend().spentDollars()),
                        cents(r.previews().spend().projectedDollars()), percent(r.previews().spend().spentDollars(), soft),
                        percent(r.previews().spend().projectedDollars(), soft)),
                r.checks().stream().map(c -> new CheckEntry(c.id(), c.subject(), c.passed(), c.line(),
                        rounded(c.actual(), c.unit()), rounded(c.limit(), c.unit()), c.unit())).toList(),
                new Summary(failed.isEmpty(), r.checks().size(), failed.size()));
    }

    private static EnvironmentEntry environment(EnvironmentCost e, Integer soft) {
        return new EnvironmentEntry(e.name(), e.id(), cents(e.spend().spentDollars()), cents(e.spend().projectedDollars()),
                percent(e.spend().spentDollars(), soft), percent(e.spend().projectedDollars(), soft), usage(e.usage()),
                e.services().stream().map(BillingDocument::service).toList());
    }

    private static ServiceEntry service(ServiceCost s) {
        return new ServiceEntry(s.name(), s.id(), cents(s.spend().spentDollars()), cents(s.spend().projectedDollars()),
                usage(s.usage()));
    }

    private static Usage usage(Map<Measurement, Double> usage) {
        return new Usage(quantity(usage, Measurement.CPU_USAGE), quantity(usage, Measurement.MEMORY_USAGE_GB),
                quantity(usage, Measurement.DISK_USAGE_GB), quantity(usage, Measurement.BACKUP_USAGE_GB),
                quantity(usage, Measurement.NETWORK_TX_GB));
    }

    private static double quantity(Map<Measurement, Double> usage, Measurement m) {
        return Math.round(usage.getOrDefault(m, 0.0) * 1000) / 1000.0;
    }

    /** Dollars to cents, other figures (replicas, vCPUs, GB) to thousandths. */
    private static Double rounded(Double value, String unit) {
        if (value == null) {
            return null;
        }
        return "dollars".equals(unit) ? cents(value.doubleValue()) : Math.round(value * 1000) / 1000.0;
    }

    private static double cents(double dollars) {
        return Math.round(dollars * 100) / 100.0;
    }

    private static Double cents(Double dollars) {
        return dollars == null ? null : cents(dollars.doubleValue());
    }

    private static double tenths(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static Double percent(double dollars, Integer limit) {
        Double percent = BillingReport.percentOf(dollars, limit);
        return percent == null ? null : tenths(percent);
    }
}
