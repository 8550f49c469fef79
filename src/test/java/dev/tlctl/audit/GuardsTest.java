package dev.tlctl.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.spec.Settings;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spec's guards against declared settings (plan's warnings) and live ones (billing check), and the worst case. */
class GuardsTest {
    @TempDir
    Path tmp;

    /** production and staging; api, a cron job and a disabled worker; staging's guards from line 25. */
    private Spec spec(String stagingDeploy, String guards) {
        return SpecFixture.base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                  staging:
                    from: production
                services:
                  api:
                    deploy:
                      numReplicas: 2
                      limits: {vCPUs: 2, memoryGB: 2}
                  job:
                    deploy:
                      cronSchedule: "*/15 * * * *"
                      limits: {vCPUs: 1, memoryGB: 0.5}
                  worker:
                    enabled: false
                    deploy:
                      numReplicas: 9
                billing:
                  guards:
                """ + guards.indent(4) + "version: 1\n").overlay("staging", """
                services:
                  api:
                    deploy:
                """ + stagingDeploy.indent(6)).load(tmp).valid();
    }

    private static List<String> failures(List<Check> checks) {
        return checks.stream().filter(c -> !c.passed()).map(c -> c.id() + " " + c.subject() + " @ "
                + (c.location() == null ? "-" : c.location().path()) + " | " + c.line()).toList();
    }

    @Test
    void declaredSettingsThatBreakAGuardAreFoundWhereTheyAreWritten() {
        Spec spec = spec("""
                numReplicas: 2
                limits: {vCPUs: 1.5}
                """, """
                staging:
                  maxReplicas: 1
                  sleepApplication: true
                  maxVCPUs: 1
                  maxMemoryGB: 1
                """);
        List<Check> checks = Guards.declared(spec);
        assertEquals(List.of(
                "guard_replicas staging/api @ services.api.deploy.numReplicas | staging/api declares 2 replicas, more than"
                        + " the guard's maxReplicas 1; set deploy.numReplicas to at most 1 for api in staging, or raise"
                        + " billing.guards.staging.maxReplicas",
                "guard_sleep staging/api @ services.api | staging/api does not sleep when idle, and the guard's"
                        + " sleepApplication requires it; set deploy.sleepApplication: true for api in staging",
                "guard_vcpus staging/api @ services.api.deploy.limits.vCPUs | staging/api declares 1.5 vCPUs per replica,"
                        + " more than the guard's maxVCPUs 1; set deploy.limits.vCPUs to at most 1 for api in staging,"
                        + " or raise billing.guards.staging.maxVCPUs",
                "guard_memory staging/api @ services.api.deploy.limits.memoryGB | staging/api declares 2 GB per replica,"
                        + " more than the guard's maxMemoryGB 1; set deploy.limits.memoryGB to at most 1 for api in staging,"
                        + " or raise billing.guards.staging.maxMemoryGB"), failures(checks));
        Check replicas = checks.get(0);
        assertTrue(replicas.location().file().endsWith("environments/staging.yaml"), replicas.location()::toString);
        assertEquals(4, replicas.location().line());
        assertEquals(2.0, replicas.actual());
        assertEquals(1.0, replicas.limit());
        assertEquals("replicas", replicas.unit());
        assertTrue(checks.stream().noneMatch(c -> c.subject().endsWith("/worker")), "a disabled service is not created");
        assertTrue(checks.stream().noneMatch(c -> c.subject().equals("staging/job") && c.id().equals("guard_sleep")),
                "a cron service runs only on schedule: no sleep needed");
        assertTrue(checks.stream().allMatch(c -> c.subject().startsWith("staging")), "production has no guard");
    }

    @Test
    void aSpecWithinItsGuardsPasses() {
        Spec spec = spec("""
                numReplicas: 1
                sleepApplication: true
                limits: {vCPUs: 1, memoryGB: 1}
                """, """
                staging:
                  maxReplicas: 1
                  sleepApplication: true
                  maxVCPUs: 1
                  maxMemoryGB: 1
                  monthlyBudgetDollars: 55
                """);
        List<Check> checks = Guards.declared(spec);
        assertEquals(List.of(), failures(checks));
        Check budget = checks.get(checks.size() - 1);
        assertEquals("staging costs at most $55.00 a month at its declared limits (budget $55)", budget.what(),
                "api: 1 x (1 x $20 + 1 x $10) = $30, job: 1 x (1 x $20 + 0.5 x $10) = $25");
    }

    @Test
    void aMissingLimitBreaksTheCeilingAndLeavesTheBudgetUnknown() {
        Spec spec = spec("numReplicas: 1\nlimits: {vCPUs: null}\n", """
                staging:
                  maxVCPUs: 1
                  monthlyBudgetDollars: 10
                """);
        assertEquals(List.of(
                "guard_vcpus staging/api @ services.api | staging/api has no vCPU limit (the guard's maxVCPUs is 1; without"
                        + " a limit a replica may use its plan's maximum, 8 vCPUs on Hobby, 24 on Pro); set"
                        + " deploy.limits.vCPUs to at most 1 for api in staging",
                "guard_budget staging @ billing.guards.staging.monthlyBudgetDollars | staging's monthly budget of $10 cannot"
                        + " be checked: api declares no deploy.limits.vCPUs; declare deploy.limits.vCPUs and"
                        + " deploy.limits.memoryGB for every service of staging (the worst case is replicas x limits for"
                        + " a month)"), failures(Guards.declared(spec)));
    }

    @Test
    void theWorstCaseIsReplicasTimesLimitsForAMonthAtThePrices() {
        Spec spec = spec("numReplicas: 3\n", """
                production:
                  monthlyBudgetDollars: 100
                """);
        // production: api 2 x (2 x 20 + 2 x 10) = 120, job 1 x (20 + 5) = 25
        Guards.WorstCase production = Guards.worstCase(spec.environment("production").orElseThrow(), Prices.RAILWAY);
        assertEquals(145.0, production.monthDollars(), 1e-9);
        assertNull(production.unknownBecause());
        assertEquals(205.0, Guards.worstCase(spec.environment("staging").orElseThrow(), Prices.RAILWAY).monthDollars(), 1e-9);
        Prices dear = new Prices(40, 10, 0.15, 0.05, true); // api 2 x (80 + 20), job 40 + 5
        assertEquals(245.0, Guards.worstCase(spec.environment("production").orElseThrow(), dear).monthDollars(), 1e-9);
        assertEquals(List.of("guard_budget production @ billing.guards.production.monthlyBudgetDollars | production can cost"
                + " $145.00 a month at its declared limits (worst case, estimated), more than the guard's"
                + " monthlyBudgetDollars $100; lower replicas or deploy.limits in production, or raise"
                + " billing.guards.production.monthlyBudgetDollars"), failures(Guards.declared(spec)));
    }

    @Test
    void liveSettingsAreCheckedForEveryInstanceRailwayRunsThere() {
        Spec spec = spec("numReplicas: 1\n", """
                staging:
                  maxReplicas: 1
                  sleepApplication: true
                  maxMemoryGB: 1
                """);
        TreeMap<String, Object> api = new TreeMap<>(Map.of(Settings.DEPLOY_NUM_REPLICAS, 2L,
                Settings.DEPLOY_SLEEP_APPLICATION, true, Settings.DEPLOY_LIMITS_MEMORY_GB, 0.5));
        TreeMap<String, Object> legacy = new TreeMap<>(Map.of(Settings.DEPLOY_SLEEP_APPLICATION, false));
        LiveEnvironment staging = new LiveEnvironment("e2", "staging", null, "etag", Map.of(
                "s1", new LiveServiceInstance("s1", api, Map.of()),
                "s9", new LiveServiceInstance("s9", legacy, Map.of())), Map.of());
        LiveEnvironment production = new LiveEnvironment("e1", "production", null, "etag", Map.of(
                "s1", new LiveServiceInstance("s1", new TreeMap<>(Map.of(Settings.DEPLOY_NUM_REPLICAS, 5L)), Map.of())),
                Map.of());
        LiveProject project = new LiveProject("p", "tl-test", "w", List.of(production, staging),
                List.of(new LiveService("s1", "api"), new LiveService("s9", "legacy")), List.of());
        assertEquals(List.of(
                // The spec already keeps api to 1 replica in staging: Railway moved, so the remedy is to apply.
                "guard_replicas staging/api @ - | staging/api runs 2 replicas on Railway, more than the guard's maxReplicas"
                        + " 1; run tlctl apply: the spec already declares deploy.numReplicas 1 for api in staging",
                // legacy is not in the spec: it is the spec that must say.
                "guard_sleep staging/legacy @ - | staging/legacy does not sleep when idle on Railway, and the guard's"
                        + " sleepApplication requires it; set deploy.sleepApplication: true for legacy in staging and run"
                        + " tlctl apply",
                "guard_memory staging/legacy @ - | staging/legacy has no memory limit on Railway (the guard's maxMemoryGB"
                        + " is 1; without a limit a replica may use its plan's maximum, 8 GB on Hobby, 24 on Pro); set"
                        + " deploy.limits.memoryGB to at most 1 for legacy in staging and run tlctl apply"),
                failures(Guards.live(spec, project)));
        assertEquals(6, Guards.live(spec, project).size(), "three guards for each of the two instances");
        assertEquals(List.of(), Guards.live(spec, null), "no project, nothing runs");
    }
}
