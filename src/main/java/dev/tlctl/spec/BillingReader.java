package dev.tlctl.spec;

import dev.tlctl.spec.BillingSpec.GuardSpec;
import dev.tlctl.spec.BillingSpec.PricesSpec;
import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.YMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code billing} section: the usage limit (Railway's rules), {@code warnAtPercent},
 * {@code prices} and {@code guards} per declared environment, reporting every problem.
 */
final class BillingReader {
    static final List<String> BILLING_KEYS = SpecKeys.BILLING.names();
    static final List<String> USAGE_LIMIT_KEYS = SpecKeys.USAGE_LIMIT.names();
    static final List<String> PRICE_KEYS = SpecKeys.PRICES.names();
    static final List<String> GUARD_KEYS = SpecKeys.GUARD.names();

    private final NodeReader r;
    private final Problems problems;

    BillingReader(NodeReader r) {
        this.r = r;
        this.problems = r.problems();
    }

    BillingSpec read(Entry entry, Collection<String> environments) {
        if (entry == null) {
            return BillingSpec.none();
        }
        YMap billing = r.map(entry.value(), "a mapping with usageLimit, warnAtPercent, prices and guards", true);
        if (billing == null) {
            return BillingSpec.none();
        }
        r.checkKeys(billing, BILLING_KEYS);
        Map<String, Entry> e = billing.entries();
        return new BillingSpec(usageLimit(e.get("usageLimit")), warnAtPercent(e.get("warnAtPercent")),
                prices(e.get("prices")), guards(e.get("guards"), environments));
    }

    private UsageLimitSpec usageLimit(Entry limit) {
        if (limit == null) {
            return null;
        }
        YMap map = r.map(limit.value(), "a mapping with softLimitDollars and hardLimitDollars", false);
        if (map == null) {
            return null;
        }
        r.checkKeys(map, USAGE_LIMIT_KEYS);
        Entry softEntry = map.entries().get("softLimitDollars");
        Entry hardEntry = map.entries().get("hardLimitDollars");
        if (softEntry == null) {
            problems.error(limit.keyLocation(), "usageLimit needs softLimitDollars",
                    "softLimitDollars is the amount in whole dollars at which Railway emails an alert (0 for none).");
            return null;
        }
        Long soft = r.integer(softEntry.value());
        Long hard = hardEntry == null ? null : r.integer(hardEntry.value());
        boolean ok = soft != null && (hardEntry == null || hard != null);
        if (soft != null && soft != 0 && (soft < UsageLimits.MIN_SOFT || soft > UsageLimits.MAX)) {
            problems.error(softEntry.value().location(), "softLimitDollars must be 0 or between "
                    + UsageLimits.MIN_SOFT + " and " + UsageLimits.MAX, "Railway's rule: found " + soft + ".");
            ok = false;
        }
        if (hard != null && (hard < UsageLimits.MIN_HARD || hard > UsageLimits.MAX)) {
            problems.error(hardEntry.value().location(), "hardLimitDollars must be between "
                    + UsageLimits.MIN_HARD + " and " + UsageLimits.MAX, "Railway's rule: found " + hard + ".");
            ok = false;
        }
        if (ok && hard != null && hard < soft) {
            problems.error(hardEntry.value().location(), "hardLimitDollars must be at least softLimitDollars",
                    "The hard limit (" + hard + ") stops services; the soft limit (" + soft + ") only alerts, so it comes first.");
            ok = false;
        }
        return ok ? new UsageLimitSpec(soft.intValue(), hard == null ? null : hard.intValue(), limit.keyLocation()) : null;
    }

    private int warnAtPercent(Entry entry) {
        if (entry == null) {
            return BillingSpec.DEFAULT_WARN_AT_PERCENT;
        }
        Long percent = r.integer(entry.value());
        if (percent == null) {
            return BillingSpec.DEFAULT_WARN_AT_PERCENT;
        }
        if (percent < 1 || percent > 100) {
            problems.error(entry.value().location(), "warnAtPercent must be between 1 and 100",
                    "It is the share of the soft limit that spent or projected spend may reach before"
                            + " `tlctl billing check` fails; found " + percent + ".");
            return BillingSpec.DEFAULT_WARN_AT_PERCENT;
        }
        return percent.intValue();
    }

    private PricesSpec prices(Entry entry) {
        if (entry == null) {
            return PricesSpec.NONE;
        }
        YMap map = r.map(entry.value(), "a mapping of unit prices in dollars", true);
        if (map == null) {
            return PricesSpec.NONE;
        }
        r.checkKeys(map, PRICE_KEYS);
        Map<String, Entry> e = map.entries();
        return new PricesSpec(atLeastZero(e.get("vCPUMonthDollars")), atLeastZero(e.get("memoryGBMonthDollars")),
                atLeastZero(e.get("diskGBMonthDollars")), atLeastZero(e.get("networkEgressGBDollars")));
    }

    private Map<String, GuardSpec> guards(Entry entry, Collection<String> environments) {
        Map<String, GuardSpec> out = new LinkedHashMap<>();
        if (entry == null) {
            return out;
        }
        YMap map = r.map(entry.value(), "a mapping of environment names", true);
        if (map == null) {
            return out;
        }
        for (Entry env : map.entries().values()) {
            if (!environments.contains(env.key())) {
                String guess = NodeReader.closest(env.key(), environments);
                problems.error(env.keyLocation(), "unknown environment \"" + env.key() + "\" in billing.guards",
                        (guess == null ? "" : "Did you mean \"" + guess + "\"? ") + "Guards apply to the environments"
                                + " the spec declares: " + String.join(", ", environments) + ".");
                continue;
            }
            YMap body = r.map(env.value(), "a mapping of guards (" + String.join(", ", GUARD_KEYS) + ")", true);
            if (body == null) {
                continue;
            }
            r.checkKeys(body, GUARD_KEYS);
            Map<String, Entry> g = body.entries();
            Map<String, Location> locations = new LinkedHashMap<>();
            g.forEach((key, value) -> locations.put(key, value.value().location()));
            Long replicas = null;
            if (g.containsKey("maxReplicas")) {
                replicas = r.integer(g.get("maxReplicas").value());
                if (replicas != null && replicas < 1) {
                    problems.error(g.get("maxReplicas").value().location(), "must be at least 1, found " + replicas, null);
                    replicas = null;
                }
            }
            Boolean sleep = g.containsKey("sleepApplication") ? r.bool(g.get("sleepApplication").value()) : null;
            out.put(env.key(), new GuardSpec(env.key(), replicas == null ? null : replicas.intValue(),
                    sleep != null && sleep, moreThanZero(g.get("maxVCPUs")), moreThanZero(g.get("maxMemoryGB")),
                    atLeastZero(g.get("monthlyBudgetDollars")), locations, env.keyLocation()));
        }
        return out;
    }

    private Double atLeastZero(Entry entry) {
        if (entry == null) {
            return null;
        }
        Double value = r.number(entry.value());
        if (value != null && value < 0) {
            problems.error(entry.value().location(), "must be at least 0, found " + NodeReader.found(entry.value()), null);
            return null;
        }
        return value;
    }

    private Double moreThanZero(Entry entry) {
        if (entry == null) {
            return null;
        }
        Double value = r.number(entry.value());
        if (value != null && value <= 0) {
            problems.error(entry.value().location(), "must be more than 0, found " + NodeReader.found(entry.value()), null);
            return null;
        }
        return value;
    }
}
