package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.TickingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage entries per measurement, project, environment and service; usage with groupBy and dates;
 * estimatedUsage's linear projection; customer.currentUsage derived or set; the billing period.
 * The sandbox clock stands at 2026-09-11T00:00:00Z: a third of the September billing period.
 */
class UsageTest extends SandboxTestBase {
    static final Instant NOW = Instant.parse("2026-09-11T00:00:00Z");
    static final Instant SEP_1 = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant OCT_1 = Instant.parse("2026-10-01T00:00:00Z");
    static final double DELTA = 1e-9;

    final TickingClock clock = TickingClock.still(NOW);
    Project a;
    Project b;
    String staging;
    String workspaceId;

    @TempDir
    Path dir;

    @Override
    SandboxConfig config() {
        return super.config().withClock(clock);
    }

    @BeforeEach
    void twoProjects() {
        a = project("a");
        b = project("b");
        service(a.id(), "api");
        service(a.id(), "worker");
        staging = environment(a.id(), "staging");
        workspaceId = gql.data(Docs.ME).at("/me/workspaces/0/id").asText();
    }

    JsonNode usage(Object... variables) {
        return gql.data(Docs.USAGE, variables).get("usage");
    }

    JsonNode customer() {
        return gql.data(Docs.WORKSPACE, "id", workspaceId).at("/workspace/customer");
    }

    @Test
    void usageSumsTheEntriesAndGroupsByProjectEnvironmentAndService() {
        sandbox.setUsage("a", "production", "api", "CPU_USAGE", 100);
        sandbox.setUsage("a", "production", "worker", "CPU_USAGE", 20);
        sandbox.setUsage("a", "staging", "api", "CPU_USAGE", 3);
        sandbox.setUsage("b", null, null, "CPU_USAGE", 7);
        sandbox.setUsage("a", "production", "api", "MEMORY_USAGE_GB", 50);

        JsonNode total = usage("measurements", List.of("CPU_USAGE", "MEMORY_USAGE_GB", "NETWORK_TX_GB"));
        assertEquals(3, total.size());
        assertEquals(130, total.at("/0/value").asDouble(), DELTA);
        assertEquals(50, total.at("/1/value").asDouble(), DELTA);
        assertEquals(0, total.at("/2/value").asDouble(), DELTA, "a measurement without entries totals 0");
        assertTrue(total.at("/0/tags/projectId").isNull());
        assertTrue(total.at("/0/tags/region").isNull());

        JsonNode byService = usage("measurements", List.of("CPU_USAGE"), "projectId", a.id(),
                "groupBy", List.of("SERVICE_ID"));
        assertEquals(2, byService.size(), "api's two environments are one group");
        assertEquals(103, byService.at("/0/value").asDouble(), DELTA);
        assertTrue(byService.at("/0/tags/projectId").isNull(), "only grouped tags are present");
        assertTrue(byService.at("/0/tags/environmentId").isNull());
        assertEquals(20, byService.at("/1/value").asDouble(), DELTA);

        JsonNode byAll = usage("measurements", List.of("CPU_USAGE"),
                "groupBy", List.of("PROJECT_ID", "ENVIRONMENT_ID", "SERVICE_ID"));
        assertEquals(4, byAll.size());
        assertEquals(a.id(), byAll.at("/2/tags/projectId").asText());
        assertEquals(staging, byAll.at("/2/tags/environmentId").asText());
        assertEquals(3, byAll.at("/2/value").asDouble(), DELTA);
        assertEquals(b.id(), byAll.at("/3/tags/projectId").asText());
        assertTrue(byAll.at("/3/tags/serviceId").isNull(), "a project-level entry has no service");

        JsonNode byProject = usage("measurements", List.of("CPU_USAGE"), "workspaceId", workspaceId,
                "groupBy", List.of("PROJECT_ID"));
        assertEquals(List.of(123.0, 7.0), List.of(byProject.at("/0/value").asDouble(), byProject.at("/1/value").asDouble()));

        sandbox.setUsage("a", "production", "api", "CPU_USAGE", 1);
        assertEquals(24, usage("measurements", List.of("CPU_USAGE"), "projectId", a.id()).at("/0/value").asDouble(),
                DELTA, "setting replaces the entry with the same names");
        gql.assertError("tlctl sandbox groups usage by PROJECT_ID, ENVIRONMENT_ID, SERVICE_ID only, not REGION",
                Docs.USAGE, "measurements", List.of("CPU_USAGE"), "groupBy", List.of("REGION"));
    }

    @Test
    void datesSelectTheUsageThatFallsInTheRangeProratedByTime() {
        // 100 vCPU-minutes spread over Sep 1 .. Sep 11: 10 a day
        sandbox.setUsage("a", "production", "api", "CPU_USAGE", 100);
        assertEquals(50, usage("measurements", List.of("CPU_USAGE"), "startDate", "2026-09-06T00:00:00Z",
                "endDate", "2026-09-11T00:00:00Z").at("/0/value").asDouble(), DELTA);
        assertEquals(20, usage("measurements", List.of("CPU_USAGE"), "startDate", "2026-08-01T00:00:00Z",
                "endDate", "2026-09-03T00:00:00Z").at("/0/value").asDouble(), DELTA);
        assertEquals(0, usage("measurements", List.of("CPU_USAGE"), "startDate", "2026-09-20T00:00:00Z",
                "groupBy", List.of("PROJECT_ID")).size(), "no group without usage in the range");
        assertEquals(100, usage("measurements", List.of("CPU_USAGE")).at("/0/value").asDouble(), DELTA,
                "default range: the billing period");
        sandbox.setUsage("b", null, null, "NETWORK_TX_GB", 4, Instant.parse("2026-08-15T00:00:00Z"),
                Instant.parse("2026-08-15T00:00:00Z"));
        assertEquals(0, usage("measurements", List.of("NETWORK_TX_GB")).at("/0/value").asDouble(), DELTA,
                "a point before the period is not in it");
        assertEquals(4, usage("measurements", List.of("NETWORK_TX_GB"), "startDate", "2026-08-15T00:00:00Z",
                "endDate", "2026-08-16T00:00:00Z").at("/0/value").asDouble(), DELTA);
        gql.assertError("endDate must be after startDate", Docs.USAGE, "measurements", List.of("CPU_USAGE"),
                "startDate", "2026-09-06T00:00:00Z", "endDate", "2026-09-06T00:00:00Z");
    }

    @Test
    void estimatedUsageProjectsThePeriodLinearlyFromTheElapsedFraction() {
        sandbox.setUsage("a", "production", "api", "CPU_USAGE", 100);
        sandbox.setUsage("a", "production", "worker", "CPU_USAGE", 50);
        sandbox.setUsage("b", null, null, "MEMORY_USAGE_GB", 30, SEP_1, OCT_1);
        JsonNode estimate = gql.data(Docs.ESTIMATED_USAGE, "measurements", List.of("CPU_USAGE", "MEMORY_USAGE_GB"))
                .get("estimatedUsage");
        assertEquals(2, estimate.size(), "one figure per measurement and project with usage");
        assertEquals(a.id(), estimate.at("/0/projectId").asText());
        assertEquals(450, estimate.at("/0/estimatedValue").asDouble(), 1e-6, "150 in a third of the period");
        assertEquals("MEMORY_USAGE_GB", estimate.at("/1/measurement").asText());
        assertEquals(30, estimate.at("/1/estimatedValue").asDouble(), 1e-6, "spread over the whole period already");

        clock.advance(Duration.ofDays(30));
        assertEquals(150, gql.data(Docs.ESTIMATED_USAGE, "measurements", List.of("CPU_USAGE"), "projectId", a.id())
                .at("/estimatedUsage/0/estimatedValue").asDouble(), 1e-6, "after the period: what was recorded");
    }

    @Test
    void currentUsageIsDerivedAtRailwaysPricesUnlessSetAndDrivesIsOverLimit() {
        sandbox.setUsage("a", "production", "api", "CPU_USAGE", 43_200);           // a vCPU-month: $20
        sandbox.setUsage("a", "production", "api", "MEMORY_USAGE_GB", 21_600);     // half a GB-month: $5
        sandbox.setUsage("b", null, null, "NETWORK_TX_GB", 100);                   // $5
        sandbox.setUsage("b", null, null, "NETWORK_RX_GB", 1_000);                 // free
        assertEquals(30, customer().get("currentUsage").asDouble(), 1e-6);
        String customerId = customer().get("id").asText();
        gql.data(Docs.USAGE_LIMIT_SET, "input", Map.of("customerId", customerId, "softLimitDollars", 5,
                "hardLimitDollars", 25));
        assertTrue(customer().at("/usageLimit/isOverLimit").asBoolean(), "$30 is over the $25 hard limit");

        sandbox.setCurrentUsage(12.5);
        assertEquals(12.5, customer().get("currentUsage").asDouble(), DELTA);
        assertFalse(customer().at("/usageLimit/isOverLimit").asBoolean());
        sandbox.useDerivedCurrentUsage();
        assertEquals(30, customer().get("currentUsage").asDouble(), 1e-6);

        sandbox.setBillingPeriod(Instant.parse("2026-09-06T00:00:00Z"), Instant.parse("2026-10-06T00:00:00Z"));
        JsonNode period = customer().get("billingPeriod");
        assertEquals("2026-09-06T00:00:00Z", period.get("start").asText());
        assertEquals("2026-10-06T00:00:00Z", period.get("end").asText());
        assertEquals(15, customer().get("currentUsage").asDouble(), 1e-6,
                "half of a's usage fell before the new period; b's NETWORK_TX_GB too");
    }

    @Test
    void usageOfDeletedEnvironmentsAndServicesNeedsIncludeDeleted() {
        sandbox.setUsage("a", "staging", "api", "CPU_USAGE", 3);
        sandbox.setUsage("a", "production", "worker", "CPU_USAGE", 5);
        gql.data(Docs.ENVIRONMENT_DELETE, "id", staging);
        assertEquals(5, usage("measurements", List.of("CPU_USAGE")).at("/0/value").asDouble(), DELTA);
        assertEquals(8, usage("measurements", List.of("CPU_USAGE"), "includeDeleted", true).at("/0/value").asDouble(),
                DELTA);
        assertEquals(1, gql.data(Docs.ESTIMATED_USAGE, "measurements", List.of("CPU_USAGE"))
                .get("estimatedUsage").size());
    }

    @Test
    void settingUsageChecksNamesMeasurementsValuesAndIntervals() {
        assertEquals("Unknown measurement CPU; expected one of [BACKUP_USAGE_GB, CPU_LIMIT, CPU_USAGE, CPU_USAGE_2,"
                        + " DISK_USAGE_GB, EPHEMERAL_DISK_USAGE_GB, MEMORY_LIMIT_GB, MEMORY_USAGE_GB, NETWORK_RX_GB,"
                        + " NETWORK_TX_GB]",
                assertThrows(IllegalArgumentException.class, () -> sandbox.setUsage("a", null, null, "CPU", 1))
                        .getMessage());
        assertEquals("A usage value must be a number of at least 0, not -1.0",
                assertThrows(IllegalArgumentException.class, () -> sandbox.setUsage("a", null, null, "CPU_USAGE", -1))
                        .getMessage());
        assertEquals("No project named zzz in the sandbox state", assertThrows(SandboxException.class,
                () -> sandbox.setUsage("zzz", null, null, "CPU_USAGE", 1)).getMessage());
        assertEquals("Project a has no environment named qa", assertThrows(SandboxException.class,
                () -> sandbox.setUsage("a", "qa", null, "CPU_USAGE", 1)).getMessage());
        assertEquals("Project a has no service named db", assertThrows(SandboxException.class,
                () -> sandbox.setUsage("a", "production", "db", "CPU_USAGE", 1)).getMessage());
        assertEquals("The usage interval ends (2026-09-01T00:00:00Z) before it starts (2026-09-02T00:00:00Z)",
                assertThrows(IllegalArgumentException.class, () -> sandbox.setUsage("a", null, null, "CPU_USAGE", 1,
                        Instant.parse("2026-09-02T00:00:00Z"), SEP_1)).getMessage());
        assertEquals("The billing period must end after it starts: 2026-10-01T00:00:00Z to 2026-09-01T00:00:00Z",
                assertThrows(IllegalArgumentException.class, () -> sandbox.setBillingPeriod(OCT_1, SEP_1))
                        .getMessage());
        assertEquals(0, usage("measurements", List.of("CPU_USAGE")).at("/0/value").asDouble(), DELTA,
                "nothing was stored");
    }

    @Test
    void usageAndThePeriodPersistAndAFormatOneStateIsUpgraded() throws IOException {
        Path state = dir.resolve("usage.json");
        try (Sandbox first = Sandbox.start(config().withStateFile(state))) {
            Gql.account(first).data(Docs.PROJECT_CREATE, "input", Map.of("name", "kept"));
            first.setUsage("kept", "production", null, "DISK_USAGE_GB", 9);
            first.setBillingPeriod(SEP_1, OCT_1);
        }
        JsonNode saved = Gql.MAPPER.readTree(state.toFile());
        assertEquals(2, saved.get("formatVersion").asInt());
        assertEquals("DISK_USAGE_GB", saved.at("/usage/0/measurement").asText());
        assertEquals("2026-09-11T00:00:00Z", saved.at("/usage/0/to").asText());
        assertTrue(saved.at("/workspaces/0/customer/currentUsage").isMissingNode(), "derived: not written");

        // A format-1 file: per-project measurements and a currentUsage of 0 written by default.
        String projectId = saved.at("/projects/0/id").asText();
        String v1 = Files.readString(state).replace("\"formatVersion\" : 2", "\"formatVersion\" : 1")
                .replaceFirst("\"usage\" : \\[[^]]*]", "\"usage\" : [ ]")
                .replace("\"customer\" : {", "\"customer\" : { \"currentUsage\" : 0.0,")
                .replace("\"changeSetApplies\"", "\"measurements\" : { \"" + projectId + "\" : { \"CPU_USAGE\" : 6.0 } },"
                        + " \"changeSetApplies\"");
        Files.writeString(state, v1);
        try (Sandbox second = Sandbox.start(config().withStateFile(state))) {
            Gql gql2 = Gql.account(second);
            assertEquals(6, gql2.data(Docs.USAGE, "measurements", List.of("CPU_USAGE"), "projectId", projectId)
                    .at("/usage/0/value").asDouble(), DELTA);
            String workspace = gql2.data(Docs.ME).at("/me/workspaces/0/id").asText();
            assertEquals(6 * 20 / 43_200.0, gql2.data(Docs.WORKSPACE, "id", workspace)
                    .at("/workspace/customer/currentUsage").asDouble(), 1e-9, "0 became derived");
        }
        JsonNode upgraded = Gql.MAPPER.readTree(state.toFile());
        assertEquals(2, upgraded.get("formatVersion").asInt());
        assertFalse(upgraded.has("measurements"));
    }

    @Test
    void aProjectTokenGetsNoUsage() {
        Gql scoped = gql.withProjectToken(sandbox.mintProjectToken("a", "production"));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.USAGE, "measurements", List.of("CPU_USAGE")));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.ESTIMATED_USAGE, "measurements",
                List.of("CPU_USAGE")));
    }
}
