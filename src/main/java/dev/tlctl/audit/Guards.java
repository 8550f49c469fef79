package dev.tlctl.audit;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.spec.BillingSpec.GuardSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Location;
import dev.tlctl.spec.RailwayLimits;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Settings;
import dev.tlctl.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The spec's guards ({@code billing.guards.<environment>}) checked against what the spec declares
 * ({@link #declared}: {@code plan} and {@code validate} warn) or what Railway runs ({@link #live}:
 * {@code billing check} fails): at most {@code maxReplicas} replicas per service (Railway's default
 * is 1), every service sleeping when idle (a cron service, which runs only on schedule, is exempt),
 * at most {@code maxVCPUs} and {@code maxMemoryGB} per replica (a service without a limit may use
 * its plan's maximum, so it breaks such a guard), and, for declared settings, the environment's
 * worst case within {@code monthlyBudgetDollars} ({@link #worstCase}). Pure.
 */
public final class Guards {
    private Guards() {}

    /** Every guard against the declared settings of the enabled services of its environment, and its budget's worst case. */
    public static List<Check> declared(Spec spec) {
        Prices prices = Prices.of(spec.billing().prices());
        List<Check> out = new ArrayList<>();
        for (GuardSpec guard : spec.billing().guards().values()) {
            EnvironmentSpec env = spec.environment(guard.environment()).orElse(null);
            if (env == null) {
                continue;
            }
            for (ServiceInstanceSpec instance : env.services().values()) {
                if (instance.enabled()) {
                    out.addAll(service(guard, instance.service(), instance.settings(), false, null, instance::locationOf));
                }
            }
            if (guard.monthlyBudgetDollars() != null) {
                out.add(declaredBudget(guard, env, prices));
            }
        }
        return out;
    }

    /**
     * Every guard against the settings Railway holds for each service instance of its environment,
     * by service name (services the spec does not declare included: they cost alike). An environment
     * Railway does not have yet runs nothing.
     */
    public static List<Check> live(Spec spec, LiveProject project) {
        List<Check> out = new ArrayList<>();
        if (project == null) {
            return out;
        }
        for (GuardSpec guard : spec.billing().guards().values()) {
            LiveEnvironment env = project.environment(guard.environment()).orElse(null);
            if (env == null) {
                continue;
            }
            Map<String, LiveServiceInstance> byName = new java.util.TreeMap<>();
            for (LiveServiceInstance instance : env.instances().values()) {
                byName.put(project.services().stream().filter(s -> s.id().equals(instance.serviceId()))
                        .map(LiveService::name).findFirst().orElse(instance.serviceId()), instance);
            }
            EnvironmentSpec declared = spec.environment(guard.environment()).orElse(null);
            byName.forEach((name, instance) -> out.addAll(service(guard, name, instance.settings(), true,
                    declared == null ? null : declared.service(name).filter(ServiceInstanceSpec::enabled)
                            .map(ServiceInstanceSpec::settings).orElse(null), key -> null)));
        }
        return out;
    }

    /**
     * The guard's checks of one service's settings: the spec's ({@code live} false) or Railway's.
     * For Railway's, {@code declared} is what the spec declares for that service there (null when it
     * does not): where the spec already satisfies a guard Railway breaks, the remedy is to apply the
     * spec, not to edit it.
     */
    private static List<Check> service(GuardSpec guard, String service, Map<String, Object> settings, boolean live,
            Map<String, Object> declared, Function<String, Location> where) {
        String env = guard.environment();
        String subject = env + "/" + service;
        String verb = live ? "runs" : "declares";
        String onRailway = live ? " on Railway" : "";
        String apply = live ? " and run tlctl apply" : "";
        String applyOnly = "run tlctl apply: the spec already declares ";
        String where2 = " for " + service + " in " + env;
        List<Check> out = new ArrayList<>();
        if (guard.maxReplicas() != null) {
            long replicas = settings.get(Settings.DEPLOY_NUM_REPLICAS) instanceof Number n ? n.longValue() : 1;
            int max = guard.maxReplicas();
            String count = replicas + (replicas == 1 ? " replica" : " replicas");
            Object wanted = declared == null ? null : declared.get(Settings.DEPLOY_NUM_REPLICAS);
            String todo = wanted instanceof Number n && n.longValue() <= max
                    ? applyOnly + Settings.DEPLOY_NUM_REPLICAS + " " + n.longValue() + where2
                    : "set deploy.numReplicas to at most " + max + where2 + apply + ", or raise billing.guards." + env
                            + ".maxReplicas";
            out.add(replicas <= max
                    ? Check.pass("guard_replicas", subject, subject + " " + verb + " " + count + " (at most " + max + ")",
                            (double) replicas, (double) max, "replicas")
                    : Check.fail("guard_replicas", subject, subject + " " + verb + " " + count + onRailway
                            + ", more than the guard's maxReplicas " + max, todo,
                            (double) replicas, (double) max, "replicas", where.apply(Settings.DEPLOY_NUM_REPLICAS)));
        }
        if (guard.sleepApplication() && !(settings.get(Settings.DEPLOY_CRON_SCHEDULE) instanceof String)) {
            boolean sleeps = Boolean.TRUE.equals(settings.get(Settings.DEPLOY_SLEEP_APPLICATION));
            boolean declaredSleeps = declared != null && Boolean.TRUE.equals(declared.get(Settings.DEPLOY_SLEEP_APPLICATION));
            out.add(sleeps
                    ? Check.pass("guard_sleep", subject, subject + " sleeps when idle", null, null, null)
                    : Check.fail("guard_sleep", subject, subject + " does not sleep when idle" + onRailway
                            + ", and the guard's sleepApplication requires it", declaredSleeps
                            ? applyOnly + "deploy.sleepApplication: true" + where2
                            : "set deploy.sleepApplication: true" + where2 + apply, null, null, null,
                            where.apply(Settings.DEPLOY_SLEEP_APPLICATION)));
        }
        if (guard.maxVCPUs() != null) {
            out.add(limit("guard_vcpus", guard.maxVCPUs(), settings.get(Settings.DEPLOY_LIMITS_VCPUS), "vCPUs",
                    "vCPU", "maxVCPUs", Settings.DEPLOY_LIMITS_VCPUS, subject, service, env, verb, onRailway, apply,
                    declared, where));
        }
        if (guard.maxMemoryGB() != null) {
            out.add(limit("guard_memory", guard.maxMemoryGB(), settings.get(Settings.DEPLOY_LIMITS_MEMORY_GB), "GB",
                    "memory", "maxMemoryGB", Settings.DEPLOY_LIMITS_MEMORY_GB, subject, service, env, verb, onRailway,
                    apply, declared, where));
        }
        return out;
    }

    private static Check limit(String id, double max, Object value, String unit, String noun, String guardKey,
            String setting, String subject, String service, String env, String verb, String onRailway, String apply,
            Map<String, Object> declared, Function<String, Location> where) {
        Object wanted = declared == null ? null : declared.get(setting);
        String todo = wanted instanceof Number n && n.doubleValue() <= max
                ? "run tlctl apply: the spec already declares " + setting + " " + Money.number(n.doubleValue()) + " for "
                        + service + " in " + env
                : "set " + setting + " to at most " + Money.number(max) + " for " + service + " in " + env + apply;
        String raise = wanted instanceof Number n && n.doubleValue() <= max ? "" : ", or raise billing.guards." + env + "."
                + guardKey;
        if (!(value instanceof Number n)) {
            return Check.fail(id, subject, subject + " has no " + noun + " limit" + onRailway + " (the guard's "
                    + guardKey + " is " + Money.number(max) + "; without a limit a replica may use its plan's maximum, "
                    + Money.number(RailwayLimits.HOBBY_MAX_PER_REPLICA) + " " + unit + " on Hobby, "
                    + Money.number(RailwayLimits.PRO_MAX_PER_REPLICA) + " on Pro)", todo, null, max, unit,
                    where.apply(setting));
        }
        double actual = n.doubleValue();
        String amount = Money.number(actual) + " " + (actual == 1 && unit.equals("vCPUs") ? "vCPU" : unit);
        return actual <= max
                ? Check.pass(id, subject, subject + " " + verb + " " + amount + " per replica (at most "
                        + Money.number(max) + ")", actual, max, unit)
                : Check.fail(id, subject, subject + " " + verb + " " + amount + " per replica"
                        + onRailway + ", more than the guard's " + guardKey + " " + Money.number(max),
                        todo + raise, actual, max, unit, where.apply(setting));
    }

    /** A worst case: the dollars of a month at the declared limits, or why it cannot be known. */
    public record WorstCase(Double monthDollars, String unknownBecause) {}

    /**
     * The most an environment can cost in a month at its declared settings: for every enabled
     * service, replicas x (vCPUs x the vCPU price + memory x the memory price), running all month
     * (sleeping saves nothing in a worst case). Unknown when a service declares no vCPU or memory limit.
     */
    public static WorstCase worstCase(EnvironmentSpec env, Prices prices) {
        double total = 0;
        for (ServiceInstanceSpec instance : env.services().values()) {
            if (!instance.enabled()) {
                continue;
            }
            Map<String, Object> s = instance.settings();
            long replicas = s.get(Settings.DEPLOY_NUM_REPLICAS) instanceof Number n ? n.longValue() : 1;
            if (!(s.get(Settings.DEPLOY_LIMITS_VCPUS) instanceof Number vCPUs)) {
                return new WorstCase(null, instance.service() + " declares no " + Settings.DEPLOY_LIMITS_VCPUS);
            }
            if (!(s.get(Settings.DEPLOY_LIMITS_MEMORY_GB) instanceof Number memory)) {
                return new WorstCase(null, instance.service() + " declares no " + Settings.DEPLOY_LIMITS_MEMORY_GB);
            }
            total += replicas * prices.monthOfReplica(vCPUs.doubleValue(), memory.doubleValue());
        }
        return new WorstCase(total, null);
    }

    private static Check declaredBudget(GuardSpec guard, EnvironmentSpec env, Prices prices) {
        String name = env.name();
        double budget = guard.monthlyBudgetDollars();
        Location at = guard.locationOf("monthlyBudgetDollars");
        WorstCase worst = worstCase(env, prices);
        if (worst.monthDollars() == null) {
            return Check.fail("guard_budget", name, name + "'s monthly budget of " + Money.plain(budget)
                    + " cannot be checked: " + worst.unknownBecause(), "declare deploy.limits.vCPUs and"
                    + " deploy.limits.memoryGB for every service of " + name + " (the worst case is replicas x limits"
                    + " for a month)", null, budget, "dollars", at);
        }
        double cost = worst.monthDollars();
        return cost <= budget
                ? Check.pass("guard_budget", name, name + " costs at most " + Money.dollars(cost) + " a month at its"
                        + " declared limits (budget " + Money.plain(budget) + ")", cost, budget, "dollars")
                : Check.fail("guard_budget", name, name + " can cost " + Money.dollars(cost) + " a month at its declared"
                        + " limits (worst case, estimated), more than the guard's monthlyBudgetDollars " + Money.plain(budget),
                        "lower replicas or deploy.limits in " + name + ", or raise billing.guards." + name
                                + ".monthlyBudgetDollars", cost, budget, "dollars", at);
    }
}
