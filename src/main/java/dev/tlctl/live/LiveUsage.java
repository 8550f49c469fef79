package dev.tlctl.live;

import java.time.Instant;
import java.util.List;

/**
 * What Railway measured of a project in the workspace's current billing period, in Railway's
 * units: how much each environment's service used so far ({@code usage}, grouped by environment
 * and service), and Railway's own estimate for the whole period ({@code estimatedUsage}, per
 * project only).
 *
 * @param periodStart the billing period's start (inclusive)
 * @param periodEnd the billing period's end (exclusive)
 */
public record LiveUsage(Instant periodStart, Instant periodEnd, List<Figure> figures, List<Estimate> estimates) {

    public LiveUsage {
        figures = List.copyOf(figures);
        estimates = List.copyOf(estimates);
    }

    /**
     * The measurements tlctl reads (Railway's MetricMeasurement names), with their units:
     * CPU in vCPU-minutes, memory, disk and backups in GB-minutes (minute-integrated), network
     * egress in GB.
     */
    public enum Measurement {
        CPU_USAGE("vCPU-minutes"),
        MEMORY_USAGE_GB("GB-minutes"),
        DISK_USAGE_GB("GB-minutes"),
        BACKUP_USAGE_GB("GB-minutes"),
        NETWORK_TX_GB("GB");

        private final String unit;

        Measurement(String unit) {
            this.unit = unit;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * One measurement of one service in one environment so far this period; an id is null where
     * Railway attributes the usage to no environment or service.
     */
    public record Figure(Measurement measurement, String environmentId, String serviceId, double value) {}

    /** Railway's estimate of a measurement for the project over the whole period. */
    public record Estimate(Measurement measurement, double value) {}
}
