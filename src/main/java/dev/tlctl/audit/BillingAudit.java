package dev.tlctl.audit;

import dev.tlctl.audit.BillingReport.EnvironmentCost;
import dev.tlctl.audit.BillingReport.PreviewGroup;
import dev.tlctl.audit.BillingReport.ServiceCost;
import dev.tlctl.audit.BillingReport.Spend;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveUsage;
import dev.tlctl.live.LiveUsage.Figure;
import dev.tlctl.live.LiveUsage.Measurement;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.spec.BillingSpec;
import dev.tlctl.spec.BillingSpec.GuardSpec;
import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Spec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Billing as {@code tlctl billing} reports it and {@code billing check} judges it: the
 * workspace's spend (Railway's figure) and the project's by environment and service (usage at
 * unit prices, an estimate), each projected linearly to the end of the billing period, and the
 * checks: a soft limit (the alert) is set; the live limits are the spec's; neither spent nor
 * projected spend reaches {@code warnAtPercent} of the soft limit; the workspace is not over its
 * limit; the guards hold on Railway; each guarded environment's projected cost (or, with no usage
 * measured, its worst case at the declared limits) is within its budget. Pure: the time comes in.
 */
public final class BillingAudit {
    private BillingAudit() {}

    /**
     * The report for {@code project} in {@code workspace} (whose billing must be readable) from
     * {@code usage} of the current period, at {@code now}.
     */
    public static BillingReport report(Spec spec, LiveWorkspace workspace, LiveProject project, LiveUsage usage,
            Instant now) {
        BillingSpec billing = spec.billing();
        Prices prices = Prices.of(billing.prices());
        double elapsed = elapsed(usage.periodStart(), usage.periodEnd(), now);
        LiveUsageLimit limit = workspace.usageLimit();
        Integer soft = limit == null ? null : limit.softLimitDollars();
        Integer hard = limit == null ? null : limit.hardLimitDollars();
        Spend workspaceSpend = new Spend(workspace.currentUsageDollars(),
                project(workspace.currentUsageDollars(), elapsed));

        List<EnvironmentCost> environments = environments(project, usage, prices, elapsed);
        Spend projectSpend = environments.stream().map(EnvironmentCost::spend).reduce(Spend.ZERO, Spend::plus);
        Map<Measurement, Double> projectUsage = new EnumMap<>(Measurement.class);
        usage.figures().forEach(f -> projectUsage.merge(f.measurement(), f.value(), Double::sum));
        Double railwayEstimate = usage.estimates().isEmpty() ? null
                : usage.estimates().stream().mapToDouble(e -> prices.dollars(e.measurement(), e.value())).sum();

        BillingReport draft = new BillingReport(usage.periodStart(), usage.periodEnd(), now, elapsed, prices,
                billing.warnAtPercent(), workspaceSpend, soft, hard, limit != null && limit.overLimit(), projectSpend,
                projectUsage, railwayEstimate, environments, List.of(), previews(spec, project, environments));
        List<Check> checks = new ArrayList<>(limitChecks(draft, billing.usageLimit()));
        checks.addAll(Guards.live(spec, project));
        checks.addAll(budgets(spec, draft, prices));
        return new BillingReport(usage.periodStart(), usage.periodEnd(), now, elapsed, prices, billing.warnAtPercent(),
                workspaceSpend, soft, hard, draft.overLimit(), projectSpend, projectUsage, railwayEstimate, environments,
                checks, draft.previews());
    }

    /**
     * The previews: live environments the spec does not declare that a template names or Railway made
     * ephemeral (its own pull-request environments), their spend summed from their rows.
     */
    static PreviewGroup previews(Spec spec, LiveProject project, List<EnvironmentCost> environments) {
        List<LiveEnvironment> previews = project.environments().stream().filter(e -> !spec.declares(e.name())
                && (e.ephemeral() || spec.previews().match(e.name()).isPresent())).toList();
        Spend spend = Spend.ZERO;
        for (LiveEnvironment e : previews) {
            for (EnvironmentCost cost : environments) {
                if (e.id().equals(cost.id())) {
                    spend = spend.plus(cost.spend());
                }
            }
        }
        return new PreviewGroup(previews.stream().map(LiveEnvironment::name).toList(), spend);
    }

    /** The share of [start, end) gone at {@code now}, from 0 to 1. */
    static double elapsed(Instant start, Instant end, Instant now) {
        long length = Duration.between(start, end).toMillis();
        if (length <= 0) {
            return 1;
        }
        double fraction = (double) Duration.between(start, now).toMillis() / length;
        return Math.max(0, Math.min(1, fraction));
    }

    /** Linear: what was spent in the elapsed share, over the whole period; before or after the period, as spent. */
    static double project(double spent, double elapsed) {
        return elapsed <= 0 || elapsed >= 1 ? spent : spent / elapsed;
    }

    private static List<EnvironmentCost> environments(LiveProject project, LiveUsage usage, Prices prices, double elapsed) {
        // environment id -> service id -> measurement -> quantity, in the order Railway answered
        Map<String, Map<String, Map<Measurement, Double>>> grouped = new LinkedHashMap<>();
        for (Figure f : usage.figures()) {
            grouped.computeIfAbsent(key(f.environmentId()), k -> new LinkedHashMap<>())
                    .computeIfAbsent(key(f.serviceId()), k -> new EnumMap<>(Measurement.class))
                    .merge(f.measurement(), f.value(), Double::sum);
        }
        List<EnvironmentCost> out = new ArrayList<>();
        grouped.forEach((envKey, services) -> {
            List<ServiceCost> costs = new ArrayList<>();
            Map<Measurement, Double> envUsage = new EnumMap<>(Measurement.class);
            services.forEach((serviceKey, quantities) -> {
                double spent = quantities.entrySet().stream().mapToDouble(q -> prices.dollars(q.getKey(), q.getValue())).sum();
                costs.add(new ServiceCost(serviceName(project, id(serviceKey)), id(serviceKey),
                        new Spend(spent, project(spent, elapsed)), quantities));
                quantities.forEach((m, q) -> envUsage.merge(m, q, Double::sum));
            });
            costs.sort(Comparator.comparingDouble((ServiceCost c) -> -c.spend().spentDollars()).thenComparing(ServiceCost::name));
            Spend spend = costs.stream().map(ServiceCost::spend).reduce(Spend.ZERO, Spend::plus);
            out.add(new EnvironmentCost(environmentName(project, id(envKey)), id(envKey), spend, envUsage, costs));
        });
        out.sort(Comparator.comparingDouble((EnvironmentCost c) -> -c.spend().spentDollars())
                .thenComparing(EnvironmentCost::name));
        return out;
    }

    /** Map keys cannot tell "no id" apart from an id, so null travels as "". */
    private static String key(String id) {
        return id == null ? "" : id;
    }

    private static String id(String key) {
        return key.isEmpty() ? null : key;
    }

    private static String environmentName(LiveProject project, String id) {
        if (id == null) {
            return "(no environment)";
        }
        return project.environments().stream().filter(e -> e.id().equals(id)).map(LiveEnvironment::name).findFirst()
                .orElse("(environment " + shortId(id) + ")");
    }

    private static String serviceName(LiveProject project, String id) {
        if (id == null) {
            return "(no service)";
        }
        return project.services().stream().filter(s -> s.id().equals(id)).map(LiveService::name).findFirst()
                .orElse("(service " + shortId(id) + ")");
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }

    private static String limits(Integer soft, Integer hard) {
        return "soft " + (soft == null ? "none" : Money.plain(soft)) + " and "
                + (hard == null ? "no hard limit" : "hard " + Money.plain(hard));
    }

    private static List<Check> limitChecks(BillingReport r, UsageLimitSpec declared) {
        List<Check> out = new ArrayList<>();
        Integer soft = r.softLimitDollars();
        String fix = declared != null && declared.softLimitDollars() > 0
                ? "run tlctl apply to set the spec's soft limit of " + Money.plain(declared.softLimitDollars())
                : "declare billing.usageLimit.softLimitDollars in the spec and run tlctl apply";
        if (soft == null || soft == 0) {
            out.add(Check.fail("usage_limit_set", "workspace", "no usage alert: the workspace has "
                    + (soft == null ? "no usage limit" : "a soft limit of $0 (none)") + " on Railway, so nobody is told"
                    + " what it spends", fix, soft == null ? null : 0.0, null, "dollars",
                    declared == null ? null : declared.location()));
        } else {
            out.add(Check.pass("usage_limit_set", "workspace", "soft limit " + Money.plain(soft) + " set (Railway emails"
                    + " an alert)", (double) soft, null, "dollars"));
        }
        if (declared != null && soft != null) {
            boolean same = declared.softLimitDollars() == soft && Objects.equals(declared.hardLimitDollars(), r.hardLimitDollars());
            out.add(same
                    ? Check.pass("usage_limit_matches_spec", "workspace", "usage limits as the spec declares ("
                            + limits(soft, r.hardLimitDollars()) + ")", (double) soft, (double) declared.softLimitDollars(),
                            "dollars")
                    : Check.fail("usage_limit_matches_spec", "workspace", "usage limits differ from the spec: Railway has "
                            + limits(soft, r.hardLimitDollars()) + ", the spec " + limits(declared.softLimitDollars(),
                            declared.hardLimitDollars()), "run tlctl apply to set the spec's, or change billing.usageLimit"
                            + " to what Railway has", (double) soft, (double) declared.softLimitDollars(), "dollars",
                            declared.location()));
        }
        Double warnAt = r.warnAtDollars();
        if (warnAt != null) {
            String of = "the " + Money.plain(soft) + " soft limit (warn at " + r.warnAtPercent() + "%, "
                    + Money.dollars(warnAt) + ")";
            String reduce = "reduce usage (tlctl billing lists the top spenders), or raise"
                    + " billing.usageLimit.softLimitDollars and run tlctl apply";
            double spent = r.workspace().spentDollars();
            String spentText = Money.dollars(spent) + " spent this period, "
                    + Money.percent(BillingReport.percentOf(spent, soft)) + " of " + of;
            out.add(spent < warnAt
                    ? Check.pass("spend_threshold", "workspace", spentText, spent, warnAt, "dollars")
                    : Check.fail("spend_threshold", "workspace", "spend: " + spentText, reduce, spent, warnAt, "dollars",
                            null));
            double projected = r.workspace().projectedDollars();
            String projectedText = Money.dollars(projected) + " projected by " + r.periodEnd().toString().substring(0, 10)
                    + " (linear, estimated), " + Money.percent(BillingReport.percentOf(projected, soft)) + " of " + of;
            out.add(projected < warnAt
                    ? Check.pass("projected_spend_threshold", "workspace", projectedText, projected, warnAt, "dollars")
                    : Check.fail("projected_spend_threshold", "workspace", "projected spend: " + projectedText, reduce,
                            projected, warnAt, "dollars", null));
        }
        out.add(!r.overLimit()
                ? Check.pass("over_limit", "workspace", "not over the usage limit", r.workspace().spentDollars(), null,
                        "dollars")
                : Check.fail("over_limit", "workspace", "over the limit: Railway reports the workspace over its usage"
                        + " limit (" + Money.dollars(r.workspace().spentDollars()) + " spent; "
                        + limits(soft, r.hardLimitDollars()) + ")", "reduce usage now (at the hard limit Railway stops"
                        + " the workspace's services), or raise billing.usageLimit and run tlctl apply",
                        r.workspace().spentDollars(), r.hardLimitDollars() == null ? null : r.hardLimitDollars().doubleValue(),
                        "dollars", declared == null ? null : declared.location()));
        return out;
    }

    /**
     * Each guarded environment's budget against its projected cost: from usage when Railway
     * measured any there, else the worst case at its declared limits.
     */
    private static List<Check> budgets(Spec spec, BillingReport r, Prices prices) {
        List<Check> out = new ArrayList<>();
        for (GuardSpec guard : spec.billing().guards().values()) {
            if (guard.monthlyBudgetDollars() == null) {
                continue;
            }
            String name = guard.environment();
            double budget = guard.monthlyBudgetDollars();
            String raise = "raise billing.guards." + name + ".monthlyBudgetDollars";
            EnvironmentCost measured = r.environments().stream().filter(e -> name.equals(e.name()) && e.id() != null)
                    .findFirst().orElse(null);
            if (measured != null) {
                double projected = measured.spend().projectedDollars();
                String text = name + " projected " + Money.dollars(projected) + " this period (linear from "
                        + Money.dollars(measured.spend().spentDollars()) + " spent, estimated)";
                out.add(projected <= budget
                        ? Check.pass("guard_budget", name, text + ", within its budget of " + Money.plain(budget),
                                projected, budget, "dollars")
                        : Check.fail("guard_budget", name, "budget: " + text + ", more than the guard's"
                                + " monthlyBudgetDollars " + Money.plain(budget), "reduce " + name + "'s usage (tlctl"
                                + " billing lists its services), or " + raise, projected, budget, "dollars",
                                guard.locationOf("monthlyBudgetDollars")));
                continue;
            }
            EnvironmentSpec env = spec.environment(name).orElse(null);
            Guards.WorstCase worst = env == null ? new Guards.WorstCase(0.0, null) : Guards.worstCase(env, prices);
            if (worst.monthDollars() == null) {
                out.add(Check.fail("guard_budget", name, "budget: " + name + "'s monthly budget of " + Money.plain(budget)
                        + " cannot be checked: Railway measured no usage there and " + worst.unknownBecause(),
                        "declare deploy.limits.vCPUs and deploy.limits.memoryGB for every service of " + name, null,
                        budget, "dollars", guard.locationOf("monthlyBudgetDollars")));
                continue;
            }
            double cost = worst.monthDollars();
            String text = name + " can cost " + Money.dollars(cost) + " a month at its declared limits (no usage measured"
                    + " yet: worst case, estimated)";
            out.add(cost <= budget
                    ? Check.pass("guard_budget", name, text + ", within its budget of " + Money.plain(budget), cost, budget,
                            "dollars")
                    : Check.fail("guard_budget", name, "budget: " + text + ", more than the guard's monthlyBudgetDollars "
                            + Money.plain(budget), "lower replicas or deploy.limits in " + name + ", or " + raise, cost,
                            budget, "dollars", guard.locationOf("monthlyBudgetDollars")));
        }
        return out;
    }
}
