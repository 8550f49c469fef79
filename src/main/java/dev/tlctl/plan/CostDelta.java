package dev.tlctl.plan;

import dev.tlctl.spec.Settings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a plan changes in the monthly cost of each environment, at the most its instances may use:
 * replicas x (vCPU limit x the vCPU-month price + memory limit x the GB-month price), before and
 * after, summed per environment over the instances whose sizing the plan changes. Railway bills
 * what runs, so this is a ceiling, as Railway's docs size a workload; an instance without both
 * limits has no ceiling tlctl can price, and its environment's line says so instead of a figure.
 * Pure: the prices come from the caller (the spec's {@code billing.prices} over Railway's list).
 */
public final class CostDelta {

    /** Unit prices in dollars: a vCPU for a month, a GB of memory for a month. */
    public record Rates(double vCPUMonthDollars, double memoryGBMonthDollars) {}

    /**
     * One environment's change: dollars a month (null when some instance's limits are not known)
     * and what moved, such as {@code replicas 1 -> 2}.
     */
    public record Line(String environment, Double monthlyDollars, List<String> reasons) {
        public Line {
            reasons = List.copyOf(reasons);
        }

        /** {@code staging: +$20.00/month (replicas 1 -> 2)}. */
        public String text() {
            String why = String.join("; ", reasons);
            if (monthlyDollars == null) {
                return environment + ": cost not known (" + why + "; set deploy.limits.vCPUs and memoryGB to price it)";
            }
            return environment + ": " + (monthlyDollars < 0 ? "-" : "+") + "$"
                    + String.format(Locale.ROOT, "%,.2f", Math.abs(monthlyDollars)) + "/month (" + why + ")";
        }
    }

    private static final List<String> SIZING = List.of(Settings.DEPLOY_NUM_REPLICAS, Settings.DEPLOY_LIMITS_VCPUS,
            Settings.DEPLOY_LIMITS_MEMORY_GB);

    private CostDelta() {}

    /** A line per environment whose sizing the plan changes, in the plan's order; none for other changes. */
    public static List<Line> of(Plan plan, Rates rates) {
        Map<String, Double> dollars = new LinkedHashMap<>();
        Map<String, Boolean> known = new LinkedHashMap<>();
        Map<String, List<String>> reasons = new LinkedHashMap<>();
        Set<Address> deleted = deletedInstances(plan);
        for (InstancePlan instance : plan.instances()) {
            Map<String, Object> before = instance.create() ? null : instance.prior();
            Map<String, Object> after = deleted.contains(Address.instance(instance.environment(), instance.service())) ? null
                    : instance.desired();
            List<String> moved = moved(instance.service(), before, after);
            if (moved.isEmpty()) {
                continue;
            }
            String environment = instance.environment();
            Double was = monthly(before, rates);
            Double will = monthly(after, rates);
            dollars.merge(environment, was == null || will == null ? 0 : will - was, Double::sum);
            known.merge(environment, was != null && will != null, Boolean::logicalAnd);
            reasons.computeIfAbsent(environment, e -> new ArrayList<>()).addAll(moved);
        }
        List<Line> lines = new ArrayList<>();
        reasons.forEach((environment, why) -> lines.add(new Line(environment,
                known.get(environment) ? round(dollars.get(environment)) : null, why)));
        return lines;
    }

    /** A month at the ceiling of one instance's sizing; 0 when it does not exist; null when a limit is not known. */
    static Double monthly(Map<String, Object> settings, Rates rates) {
        if (settings == null) {
            return 0.0;
        }
        long replicas = ((Number) Defaults.effective(Settings.DEPLOY_NUM_REPLICAS,
                settings.get(Settings.DEPLOY_NUM_REPLICAS))).longValue();
        if (!(settings.get(Settings.DEPLOY_LIMITS_VCPUS) instanceof Number cpu)
                || !(settings.get(Settings.DEPLOY_LIMITS_MEMORY_GB) instanceof Number memory)) {
            return null;
        }
        return replicas * (cpu.doubleValue() * rates.vCPUMonthDollars() + memory.doubleValue() * rates.memoryGBMonthDollars());
    }

    private static List<String> moved(String service, Map<String, Object> before, Map<String, Object> after) {
        List<String> moved = new ArrayList<>();
        if (before == null && after == null) {
            return moved;
        }
        if (before == null || after == null) {
            moved.add(service + (before == null ? " created" : " removed"));
            return moved;
        }
        for (String key : SIZING) {
            if (!Defaults.same(key, before.get(key), after.get(key))) {
                moved.add(word(key) + " " + shown(key, before.get(key)) + " -> " + shown(key, after.get(key)));
            }
        }
        return moved;
    }

    /** The instances the plan deletes, found in one pass (changes can be many). */
    private static Set<Address> deletedInstances(Plan plan) {
        Set<Address> out = new HashSet<>();
        for (Change c : plan.changes()) {
            if (c instanceof Change.Instance i && i.action() == Action.DELETE) {
                out.add(i.address());
            }
        }
        return out;
    }

    private static String word(String key) {
        return switch (key) {
            case Settings.DEPLOY_NUM_REPLICAS -> "replicas";
            case Settings.DEPLOY_LIMITS_VCPUS -> "vCPUs";
            default -> "memoryGB";
        };
    }

    private static String shown(String key, Object value) {
        Object effective = Defaults.effective(key, value);
        if (effective == null) {
            return "unset";
        }
        return effective instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : effective.toString();
    }

    private static double round(double dollars) {
        return Math.round(dollars * 100) / 100.0;
    }
}
