package dev.tlctl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.audit.BillingReport.EnvironmentCost;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveUsage;
import dev.tlctl.live.LiveUsage.Estimate;
import dev.tlctl.live.LiveUsage.Figure;
import dev.tlctl.live.LiveUsage.Measurement;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The billing report and the checks of {@code billing check}, pure: a 30-day period (43,200
 * minutes, one of Railway's months) half gone, usage in production, staging and unattributed,
 * Railway's list prices unless the spec overrides them.
 */
class BillingAuditTest {
    static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant HALF = Instant.parse("2026-11-16T00:00:00Z");
    static final double CENT = 0.005;

    @TempDir
    Path tmp;

    static final LiveProject PROJECT = new LiveProject("p1", "tl-test", "w1", List.of(
            new LiveEnvironment("e-prod", "production", null, "x", Map.of(), Map.of()),
            new LiveEnvironment("e-stag", "staging", null, "y", Map.of(), Map.of())),
            List.of(new LiveService("s-api", "api"), new LiveService("s-job", "job")), List.of());

    /** production/api $15, staging/api $1.50 and staging/job $0.25, $0.15 of disk nobody's. */
    static final LiveUsage USAGE = new LiveUsage(START, END, List.of(
            new Figure(Measurement.CPU_USAGE, "e-stag", "s-api", 2_160),
            new Figure(Measurement.NETWORK_TX_GB, "e-stag", "s-api", 10),
            new Figure(Measurement.MEMORY_USAGE_GB, "e-stag", "s-job", 1_080),
            new Figure(Measurement.CPU_USAGE, "e-prod", "s-api", 21_600),
            new Figure(Measurement.MEMORY_USAGE_GB, "e-prod", "s-api", 21_600),
            new Figure(Measurement.DISK_USAGE_GB, null, null, 43_200)),
            List.of(new Estimate(Measurement.CPU_USAGE, 43_200), new Estimate(Measurement.MEMORY_USAGE_GB, 43_200)));

    private Spec spec(String billing) {
        return SpecFixture.base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  staging: {}
                services:
                  api:
                    deploy:
                      limits: {vCPUs: 1, memoryGB: 1}
                billing:
                """ + billing.indent(2) + "version: 1\n").load(tmp).valid();
    }

    private static LiveWorkspace workspace(double currentUsage, LiveUsageLimit limit) {
        return new LiveWorkspace("w1", "team", "c1", true, limit, currentUsage);
    }

    private static String failures(BillingReport report) {
        return String.join("\n", report.failures().stream().map(c -> c.id() + ": " + c.line()).toList());
    }

    private static final String LIMITS = "usageLimit: {softLimitDollars: 25, hardLimitDollars: 50}\n";

    @Test
    void spendIsEstimatedAtUnitPricesPerEnvironmentAndServiceTopSpendersFirst() {
        BillingReport r = BillingAudit.report(spec(LIMITS), workspace(10, new LiveUsageLimit(25, 50, false)), PROJECT,
                USAGE, HALF);
        assertEquals(0.5, r.elapsedFraction(), 1e-12);
        assertEquals(10, r.workspace().spentDollars(), CENT);
        assertEquals(20, r.workspace().projectedDollars(), CENT, "linear: half the period, half the spend");
        assertEquals(16.90, r.project().spentDollars(), CENT);
        assertEquals(33.80, r.project().projectedDollars(), CENT);
        assertEquals(30.0, r.railwayEstimateDollars(), CENT, "43,200 vCPU-minutes $20 + 43,200 GB-minutes $10");
        assertEquals(23_760, r.projectUsage().get(Measurement.CPU_USAGE), 1e-9);
        assertEquals(List.of("production", "staging", "(no environment)"),
                r.environments().stream().map(EnvironmentCost::name).toList());
        EnvironmentCost staging = r.environments().get(1);
        assertEquals(1.75, staging.spend().spentDollars(), CENT);
        assertEquals(List.of("api", "job"), staging.services().stream().map(BillingReport.ServiceCost::name).toList());
        assertEquals(1.50, staging.services().get(0).spend().spentDollars(), CENT, "2,160 vCPU-minutes $1 + 10 GB sent $0.50");
        assertEquals(10, staging.usage().get(Measurement.NETWORK_TX_GB), 1e-9);
        EnvironmentCost nobodys = r.environments().get(2);
        assertNull(nobodys.id());
        assertEquals("(no service)", nobodys.services().get(0).name());
        assertEquals(0.15, nobodys.spend().spentDollars(), CENT, "a GB-month of disk");
        assertEquals(18.75, r.warnAtDollars(), 1e-9);
    }

    @Test
    void theSpecsPricesReplaceRailwaysList() {
        BillingReport r = BillingAudit.report(spec(LIMITS + "prices: {vCPUMonthDollars: 40, networkEgressGBDollars: 0}\n"),
                workspace(1, new LiveUsageLimit(25, 50, false)), PROJECT, USAGE, HALF);
        assertTrue(r.prices().fromSpec());
        assertEquals(new Prices(40, 10, 0.15, 0, true), r.prices());
        assertEquals(2.0, r.environments().get(1).services().get(0).spend().spentDollars(), CENT);
    }

    @Test
    void withinTheLimitsEveryCheckPasses() {
        BillingReport r = BillingAudit.report(spec(LIMITS), workspace(5, new LiveUsageLimit(25, 50, false)), PROJECT,
                USAGE, HALF);
        assertEquals("", failures(r));
        assertTrue(r.passed());
        assertEquals(List.of("usage_limit_set", "usage_limit_matches_spec", "spend_threshold", "projected_spend_threshold",
                "over_limit"), r.checks().stream().map(Check::id).toList());
        assertEquals("$10.00 projected by 2026-12-01 (linear, estimated), 40% of the $25 soft limit (warn at 75%, $18.75)",
                r.checks().get(3).what());
    }

    @Test
    void noSoftLimitIsAFailureThatSaysWhatToDo() {
        BillingReport r = BillingAudit.report(spec(LIMITS), workspace(5, null), PROJECT, USAGE, HALF);
        assertEquals("usage_limit_set: no usage alert: the workspace has no usage limit on Railway, so nobody is told what"
                + " it spends; run tlctl apply to set the spec's soft limit of $25", failures(r));
        BillingReport bare = BillingAudit.report(spec("warnAtPercent: 50\n"), workspace(5, new LiveUsageLimit(0, null, false)),
                PROJECT, USAGE, HALF);
        assertEquals("usage_limit_set: no usage alert: the workspace has a soft limit of $0 (none) on Railway, so nobody is"
                + " told what it spends; declare billing.usageLimit.softLimitDollars in the spec and run tlctl apply",
                failures(bare));
    }

    @Test
    void liveLimitsThatDifferFromTheSpecFail() {
        BillingReport r = BillingAudit.report(spec(LIMITS), workspace(5, new LiveUsageLimit(20, null, false)), PROJECT,
                USAGE, HALF);
        assertEquals("usage_limit_matches_spec: usage limits differ from the spec: Railway has soft $20 and no hard limit,"
                + " the spec soft $25 and hard $50; run tlctl apply to set the spec's, or change billing.usageLimit to"
                + " what Railway has", failures(r));
    }

    @Test
    void spendOrProjectedSpendReachingTheThresholdFailsWithTheFigures() {
        BillingReport projected = BillingAudit.report(spec(LIMITS), workspace(10, new LiveUsageLimit(25, 50, false)),
                PROJECT, USAGE, HALF);
        assertEquals("projected_spend_threshold: projected spend: $20.00 projected by 2026-12-01 (linear, estimated), 80%"
                + " of the $25 soft limit (warn at 75%, $18.75); reduce usage (tlctl billing lists the top spenders), or"
                + " raise billing.usageLimit.softLimitDollars and run tlctl apply", failures(projected));
        Check failed = projected.failures().get(0);
        assertEquals(20.0, failed.actual(), CENT);
        assertEquals(18.75, failed.limit(), 1e-9);
        assertEquals("dollars", failed.unit());

        BillingReport reached = BillingAudit.report(spec(LIMITS), workspace(18.75, new LiveUsageLimit(25, 50, false)),
                PROJECT, USAGE, END);
        assertEquals(List.of("spend_threshold", "projected_spend_threshold"),
                reached.failures().stream().map(Check::id).toList(), "reaching the threshold is enough");
        assertTrue(reached.failures().get(0).what().startsWith("spend: $18.75 spent this period, 75% of the $25 soft limit"));

        BillingReport lower = BillingAudit.report(spec(LIMITS + "warnAtPercent: 90\n"),
                workspace(10, new LiveUsageLimit(25, 50, false)), PROJECT, USAGE, HALF);
        assertEquals("", failures(lower), "$20 is below 90% of $25");
    }

    @Test
    void overTheLimitFails() {
        BillingReport r = BillingAudit.report(spec(LIMITS), workspace(26.40, new LiveUsageLimit(25, 50, true)), PROJECT,
                USAGE, END);
        assertEquals(List.of("spend_threshold", "projected_spend_threshold", "over_limit"),
                r.failures().stream().map(Check::id).toList());
        assertEquals("over the limit: Railway reports the workspace over its usage limit ($26.40 spent; soft $25 and hard"
                + " $50); reduce usage now (at the hard limit Railway stops the workspace's services), or raise"
                + " billing.usageLimit and run tlctl apply", r.failures().get(2).line());
        assertEquals(106, Math.round(BillingReport.percentOf(26.40, 25)));
    }

    @Test
    void budgetsUseProjectedUsageOrTheWorstCaseWhenNothingWasMeasured() {
        LiveUsage productionOnly = new LiveUsage(START, END, List.of(USAGE.figures().get(3)), List.of());
        BillingReport r = BillingAudit.report(spec(LIMITS + """
                guards:
                  production: {monthlyBudgetDollars: 15}
                  staging: {monthlyBudgetDollars: 30}
                """), workspace(5, new LiveUsageLimit(25, 50, false)), PROJECT, productionOnly, HALF);
        assertEquals("guard_budget: budget: production projected $20.00 this period (linear from $10.00 spent, estimated),"
                + " more than the guard's monthlyBudgetDollars $15; reduce production's usage (tlctl billing lists its"
                + " services), or raise billing.guards.production.monthlyBudgetDollars", failures(r));
        Check staging = r.checks().get(r.checks().size() - 1);
        assertTrue(staging.passed());
        assertEquals("staging can cost $30.00 a month at its declared limits (no usage measured yet: worst case,"
                + " estimated), within its budget of $30", staging.what(), "api: 1 x (1 vCPU x $20 + 1 GB x $10)");
    }

    @Test
    void theProjectionIsLinearInsideThePeriodAndFlatOutsideIt() {
        assertEquals(0, BillingAudit.elapsed(START, END, START.minusSeconds(60)));
        assertEquals(1, BillingAudit.elapsed(START, END, END.plusSeconds(60)));
        assertEquals(0.25, BillingAudit.elapsed(START, END, Instant.parse("2026-11-08T12:00:00Z")), 1e-12);
        assertEquals(40, BillingAudit.project(10, 0.25), 1e-9);
        assertEquals(10, BillingAudit.project(10, 0), 1e-9, "nothing elapsed: nothing to extrapolate");
        assertEquals(10, BillingAudit.project(10, 1), 1e-9);
        assertFalse(Double.isNaN(BillingAudit.elapsed(START, START, START)));
    }
}
