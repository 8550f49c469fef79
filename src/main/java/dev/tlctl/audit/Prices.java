package dev.tlctl.audit;

import dev.tlctl.live.LiveUsage.Measurement;
import dev.tlctl.spec.BillingSpec.PricesSpec;

/**
 * Unit prices in dollars that turn Railway's measurements into estimates: per vCPU and per GB of
 * memory, disk (volumes, and backups alike) for a month of {@link #MINUTES_PER_MONTH} minutes, and
 * per GB of network egress. {@link #RAILWAY} holds Railway's list prices as its official CLI uses
 * them; the spec may override each ({@code billing.prices}). Network ingress is free.
 *
 * @param fromSpec whether any price comes from the spec rather than Railway's list
 */
public record Prices(double vCPUMonthDollars, double memoryGBMonthDollars, double diskGBMonthDollars,
        double networkEgressGBDollars, boolean fromSpec) {

    /** Railway's month for per-minute prices (API-NOTES section 7): 30 days. */
    public static final double MINUTES_PER_MONTH = 43_200;

    /** Railway's list prices: $20 a vCPU-month, $10 a GB-month of memory, $0.15 a GB-month of disk, $0.05 a GB sent. */
    public static final Prices RAILWAY = new Prices(20, 10, 0.15, 0.05, false);

    /** Railway's list prices with the spec's overrides. */
    public static Prices of(PricesSpec spec) {
        if (spec == null || spec.none()) {
            return RAILWAY;
        }
        return new Prices(or(spec.vCPUMonthDollars(), RAILWAY.vCPUMonthDollars),
                or(spec.memoryGBMonthDollars(), RAILWAY.memoryGBMonthDollars),
                or(spec.diskGBMonthDollars(), RAILWAY.diskGBMonthDollars),
                or(spec.networkEgressGBDollars(), RAILWAY.networkEgressGBDollars), true);
    }

    private static double or(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }

    /** The dollars of {@code quantity} of a measurement, in its unit (minute-integrated ones per minute). */
    public double dollars(Measurement measurement, double quantity) {
        return switch (measurement) {
            case CPU_USAGE -> quantity * vCPUMonthDollars / MINUTES_PER_MONTH;
            case MEMORY_USAGE_GB -> quantity * memoryGBMonthDollars / MINUTES_PER_MONTH;
            case DISK_USAGE_GB, BACKUP_USAGE_GB -> quantity * diskGBMonthDollars / MINUTES_PER_MONTH;
            case NETWORK_TX_GB -> quantity * networkEgressGBDollars;
        };
    }

    /** A month of one replica using {@code vCPUs} and {@code memoryGB} all the time. */
    public double monthOfReplica(double vCPUs, double memoryGB) {
        return vCPUs * vCPUMonthDollars + memoryGB * memoryGBMonthDollars;
    }
}
