package dev.tlctl.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Usage figures: the usage entries of the state (per measurement, project, environment and
 * service, each spread evenly over an interval), what {@code usage} and {@code estimatedUsage}
 * answer from them, the customer's current usage derived from them, and the setters of the
 * Java API and {@code tlctl sandbox usage}.
 */
final class Usage {
    /** Railway's month for per-minute prices (API-NOTES section 7). */
    static final double MINUTES_PER_MONTH = 43_200;
    /**
     * Dollars per unit, Railway's list prices: CPU_USAGE per vCPU-minute ($20 a vCPU-month),
     * MEMORY_USAGE_GB per GB-minute ($10 a GB-month), DISK_USAGE_GB and BACKUP_USAGE_GB per
     * GB-minute ($0.15 a GB-month), NETWORK_TX_GB per GB ($0.05). Every other measurement is free.
     */
    static final Map<String, Double> PRICES = Map.of(
            "CPU_USAGE", 20 / MINUTES_PER_MONTH,
            "MEMORY_USAGE_GB", 10 / MINUTES_PER_MONTH,
            "DISK_USAGE_GB", 0.15 / MINUTES_PER_MONTH,
            "BACKUP_USAGE_GB", 0.15 / MINUTES_PER_MONTH,
            "NETWORK_TX_GB", 0.05);
    /** Railway's MetricMeasurement values that measure something (not the protobuf placeholders). */
    static final Set<String> MEASUREMENTS = Set.of("BACKUP_USAGE_GB", "CPU_LIMIT", "CPU_USAGE", "CPU_USAGE_2",
            "DISK_USAGE_GB", "EPHEMERAL_DISK_USAGE_GB", "MEMORY_LIMIT_GB", "MEMORY_USAGE_GB", "NETWORK_RX_GB",
            "NETWORK_TX_GB");
    /** The MetricTag values usage can be grouped by here, in MetricTags field order. */
    static final List<String> GROUP_TAGS = List.of("PROJECT_ID", "ENVIRONMENT_ID", "SERVICE_ID");

    private Usage() {}

    /** A billing period, start inclusive, end exclusive. */
    record Period(Instant start, Instant end) {}

    static Period period(State.CustomerRec customer) {
        return new Period(Instant.parse(customer.billingPeriodStart), Instant.parse(customer.billingPeriodEnd));
    }

    // ---- reading ----

    /** The part of an entry that falls in [start, end): prorated by time; a point counts whole or not at all. */
    static double within(State.UsageRec entry, Instant start, Instant end) {
        Instant from = Instant.parse(entry.from);
        Instant to = Instant.parse(entry.to);
        if (!to.isAfter(from)) {
            return !from.isBefore(start) && from.isBefore(end) ? entry.value : 0;
        }
        Instant overlapStart = from.isAfter(start) ? from : start;
        Instant overlapEnd = to.isBefore(end) ? to : end;
        if (!overlapEnd.isAfter(overlapStart)) {
            return 0;
        }
        return entry.value * Duration.between(overlapStart, overlapEnd).toMillis()
                / Duration.between(from, to).toMillis();
    }

    private static boolean touches(State.UsageRec entry, Instant start, Instant end) {
        Instant from = Instant.parse(entry.from);
        Instant to = Instant.parse(entry.to);
        return !to.isAfter(from) ? !from.isBefore(start) && from.isBefore(end)
                : to.isAfter(start) && from.isBefore(end);
    }

    /**
     * customer.currentUsage in dollars: the value set directly, or else derived: the usage of the
     * workspace's projects (deleted ones too: they were billed) from the start of the billing
     * period to now, priced at {@link #PRICES}.
     */
    static double currentUsage(Store store, State.WorkspaceRec workspace) {
        State.CustomerRec customer = workspace.customer;
        if (customer.currentUsage != null) {
            return customer.currentUsage;
        }
        Period period = period(customer);
        Instant now = store.clock().instant();
        Instant end = now.isBefore(period.end()) ? now : period.end();
        double dollars = 0;
        for (State.UsageRec entry : store.state().usage) {
            State.ProjectRec project = store.projectAny(entry.projectId);
            Double price = PRICES.get(entry.measurement);
            if (project != null && project.workspaceId.equals(workspace.id) && price != null) {
                dollars += within(entry, period.start(), end) * price;
            }
        }
        return dollars;
    }

    /**
     * usage: per measurement, the entries of the projects in scope that fall in [startDate,
     * endDate) (default: each project's billing period), prorated. Without groupBy one total per
     * measurement; with it one figure per group that has an entry in the range, tags filled for
     * the grouped tags only.
     */
    static List<Map<String, Object>> usage(Store store, List<State.ProjectRec> projects, List<String> measurements,
                                           List<String> groupBy, String startDate, String endDate,
                                           boolean includeDeleted) {
        List<String> tags = groupBy == null ? List.of() : groupBy;
        for (String tag : tags) {
            if (!GROUP_TAGS.contains(tag)) {
                throw new SandboxException("tlctl sandbox groups usage by " + String.join(", ", GROUP_TAGS)
                        + " only, not " + tag);
            }
        }
        Instant start = startDate == null ? null : Instant.parse(startDate);
        Instant end = endDate == null ? null : Instant.parse(endDate);
        if (start != null && end != null && !end.isAfter(start)) {
            throw new SandboxException("endDate must be after startDate");
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (String measurement : measurements) {
            Map<List<String>, Double> groups = new LinkedHashMap<>();
            for (State.ProjectRec project : projects) {
                Period period = period(store.workspace(project.workspaceId).customer);
                Instant from = start != null ? start : period.start();
                Instant to = end != null ? end : period.end();
                for (State.UsageRec entry : entries(store, project, measurement, includeDeleted)) {
                    if (touches(entry, from, to)) {
                        groups.merge(key(entry, tags), within(entry, from, to), Double::sum);
                    }
                }
            }
            if (tags.isEmpty()) {
                result.add(aggregated(measurement, groups.values().stream().mapToDouble(Double::doubleValue).sum(),
                        Arrays.asList(null, null, null)));
            } else {
                groups.forEach((key, value) -> result.add(aggregated(measurement, value, key)));
            }
        }
        return result;
    }

    /**
     * estimatedUsage: per measurement and project with entries, the usage of the billing period
     * projected linearly to its end: the usage from the period's start to now divided by the
     * elapsed fraction of the period. Before the period starts or after it ends, the period's
     * usage as recorded.
     */
    static List<Map<String, Object>> estimated(Store store, List<State.ProjectRec> projects, List<String> measurements,
                                               boolean includeDeleted) {
        Instant now = store.clock().instant();
        List<Map<String, Object>> result = new ArrayList<>();
        for (String measurement : measurements) {
            for (State.ProjectRec project : projects) {
                List<State.UsageRec> entries = entries(store, project, measurement, includeDeleted);
                if (entries.isEmpty()) {
                    continue;
                }
                Period period = period(store.workspace(project.workspaceId).customer);
                double elapsed = (double) Duration.between(period.start(), now).toMillis()
                        / Duration.between(period.start(), period.end()).toMillis();
                double estimate = 0;
                for (State.UsageRec entry : entries) {
                    estimate += elapsed > 0 && elapsed < 1 ? within(entry, period.start(), now) / elapsed
                            : within(entry, period.start(), period.end());
                }
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("measurement", measurement);
                figure.put("estimatedValue", estimate);
                figure.put("projectId", project.id);
                result.add(figure);
            }
        }
        return result;
    }

    /** The project's entries for a measurement; those of deleted environments or services only with includeDeleted. */
    private static List<State.UsageRec> entries(Store store, State.ProjectRec project, String measurement,
                                                boolean includeDeleted) {
        List<State.UsageRec> entries = new ArrayList<>();
        for (State.UsageRec entry : store.state().usage) {
            if (!entry.projectId.equals(project.id) || !entry.measurement.equals(measurement)) {
                continue;
            }
            State.EnvironmentRec environment = store.environmentAny(entry.environmentId);
            State.ServiceRec service = store.serviceAny(entry.serviceId);
            boolean deleted = (environment != null && environment.deletedAt != null)
                    || (service != null && service.deletedAt != null);
            if (includeDeleted || !deleted) {
                entries.add(entry);
            }
        }
        return entries;
    }

    /** The entry's projectId, environmentId and serviceId, each kept only when grouped by. */
    private static List<String> key(State.UsageRec entry, List<String> tags) {
        return Arrays.asList(tags.contains("PROJECT_ID") ? entry.projectId : null,
                tags.contains("ENVIRONMENT_ID") ? entry.environmentId : null,
                tags.contains("SERVICE_ID") ? entry.serviceId : null);
    }

    private static Map<String, Object> aggregated(String measurement, double value, List<String> key) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("projectId", key.get(0));
        tags.put("environmentId", key.get(1));
        tags.put("serviceId", key.get(2));
        for (String other : List.of("deploymentId", "deploymentInstanceId", "pluginId", "region", "volumeId",
                "volumeInstanceId")) {
            tags.put(other, null);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("measurement", measurement);
        entry.put("value", value);
        entry.put("tags", tags);
        return entry;
    }

    // ---- writing (the Java API and tlctl sandbox usage) ----

    /**
     * Sets the usage of one measurement for a project, or one environment and/or service of it,
     * all by name, replacing the entry with the same key. {@code from}/{@code to} null: from the
     * start of the billing period to now.
     */
    static void set(Store store, String projectName, String environmentName, String serviceName, String measurement,
                    double value, Instant from, Instant to) {
        if (!MEASUREMENTS.contains(measurement)) {
            throw new IllegalArgumentException("Unknown measurement " + measurement + "; expected one of "
                    + new TreeSet<>(MEASUREMENTS));
        }
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("A usage value must be a number of at least 0, not " + value);
        }
        State.ProjectRec project = store.projectNamed(projectName);
        String environmentId = null;
        if (environmentName != null) {
            environmentId = store.environmentNamed(project, environmentName).id;
        }
        String serviceId = null;
        if (serviceName != null) {
            State.ServiceRec service = store.serviceNamed(project.id, serviceName);
            if (service == null) {
                throw new SandboxException("Project " + projectName + " has no service named " + serviceName);
            }
            serviceId = service.id;
        }
        Instant start = from != null ? from : period(store.workspace(project.workspaceId).customer).start();
        Instant end = to != null ? to : store.clock().instant();
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The usage interval ends (" + end + ") before it starts (" + start
                    + ")" + (to == null ? "; give --to, or a billing period that has started" : ""));
        }
        String environmentKey = environmentId;
        String serviceKey = serviceId;
        store.state().usage.removeIf(e -> e.projectId.equals(project.id) && e.measurement.equals(measurement)
                && java.util.Objects.equals(e.environmentId, environmentKey)
                && java.util.Objects.equals(e.serviceId, serviceKey));
        State.UsageRec entry = new State.UsageRec();
        entry.projectId = project.id;
        entry.environmentId = environmentId;
        entry.serviceId = serviceId;
        entry.measurement = measurement;
        entry.value = value;
        entry.from = start.toString();
        entry.to = end.toString();
        store.state().usage.add(entry);
        store.markDirty();
    }

    /** Sets the default workspace's billing period; the end must be after the start. */
    static void setBillingPeriod(Store store, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("The billing period must end after it starts: " + start + " to " + end);
        }
        State.CustomerRec customer = store.state().workspaces.get(0).customer;
        customer.billingPeriodStart = start.toString();
        customer.billingPeriodEnd = end.toString();
        store.markDirty();
    }

    /** Sets the default workspace's currentUsage in dollars; null: derive it from the usage entries again. */
    static void setCurrentUsage(Store store, Double dollars) {
        if (dollars != null && (!Double.isFinite(dollars) || dollars < 0)) {
            throw new IllegalArgumentException("The current usage must be a number of dollars of at least 0, not "
                    + dollars);
        }
        store.state().workspaces.get(0).customer.currentUsage = dollars;
        store.markDirty();
    }
}
