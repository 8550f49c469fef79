package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage limits with Railway's rules, the customer's usage, and usage measurements. */
class BillingTest extends SandboxTestBase {
    String workspaceId;
    String customerId;

    @BeforeEach
    void findTheCustomer() {
        workspaceId = gql.data(Docs.ME).at("/me/workspaces/0/id").asText();
        customerId = customer().get("id").asText();
    }

    private JsonNode customer() {
        return gql.data(Docs.WORKSPACE, "id", workspaceId).at("/workspace/customer");
    }

    private Map<String, Object> limit(Integer soft, Integer hard) {
        Map<String, Object> input = new HashMap<>();
        input.put("customerId", customerId);
        input.put("softLimitDollars", soft);
        input.put("hardLimitDollars", hard);
        return input;
    }

    @Test
    void usageLimitSetStoresTheLimitsAndUsageLimitRemoveClearsThem() {
        assertTrue(gql.data(Docs.USAGE_LIMIT_SET, "input", limit(50, 100)).get("usageLimitSet").asBoolean());
        JsonNode limit = customer().get("usageLimit");
        assertEquals(50, limit.get("softLimit").asInt());
        assertEquals(100, limit.get("hardLimit").asInt());
        assertEquals(customerId, limit.get("customerId").asText());
        assertFalse(limit.get("isOverLimit").asBoolean());
        String id = limit.get("id").asText();

        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(20, 0));
        JsonNode softOnly = customer().get("usageLimit");
        assertTrue(softOnly.get("hardLimit").isNull(), "hard 0 means no hard limit");
        assertEquals(id, softOnly.get("id").asText());

        assertTrue(gql.data(Docs.USAGE_LIMIT_REMOVE, "input", Map.of("customerId", customerId))
                .get("usageLimitRemove").asBoolean());
        assertTrue(customer().get("usageLimit").isNull());
    }

    @Test
    void usageLimitSetEnforcesRailwaysRules() {
        gql.assertError("Soft limit must be 0 or at least $5", Docs.USAGE_LIMIT_SET, "input", limit(4, null));
        gql.assertError("Hard limit must be at least $10", Docs.USAGE_LIMIT_SET, "input", limit(5, 9));
        gql.assertError("at most $500000", Docs.USAGE_LIMIT_SET, "input", limit(500_001, null));
        gql.assertError("at most $500000", Docs.USAGE_LIMIT_SET, "input", limit(5, 500_001));
        gql.assertError("greater than or equal to the soft limit", Docs.USAGE_LIMIT_SET, "input", limit(50, 20));
        gql.assertError("Customer not found", Docs.USAGE_LIMIT_SET, "input",
                Map.of("customerId", "nope", "softLimitDollars", 5));
        assertTrue(customer().get("usageLimit").isNull(), "nothing was stored");
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(0, null));
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(5, 10));
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(500_000, 500_000));
        assertEquals(500_000, customer().at("/usageLimit/hardLimit").asInt());
    }

    @Test
    void isOverLimitComparesTheCurrentUsageWithTheHardOrElseTheSoftLimit() {
        sandbox.setCurrentUsage(42.5);
        assertEquals(42.5, customer().get("currentUsage").asDouble());
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(40, null));
        assertTrue(customer().at("/usageLimit/isOverLimit").asBoolean(), "over the soft limit, no hard limit");
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(40, 50));
        assertFalse(customer().at("/usageLimit/isOverLimit").asBoolean(), "under the hard limit");
        sandbox.setCurrentUsage(50);
        assertTrue(customer().at("/usageLimit/isOverLimit").asBoolean());
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(0, null));
        assertFalse(customer().at("/usageLimit/isOverLimit").asBoolean(), "a soft limit of 0 is none");
    }

    @Test
    void limitsAndBillingAreRefusedToProjectTokens() {
        project("demo");
        Gql scoped = gql.withProjectToken(sandbox.mintProjectToken("demo", "production"));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.USAGE_LIMIT_SET, "input", limit(5, null)));
        assertEquals(List.of("Not Authorized"),
                scoped.errors(Docs.USAGE_LIMIT_REMOVE, "input", Map.of("customerId", customerId)));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.USAGE, "measurements", List.of("CPU_USAGE")));
        Gql workspace = gql.withBearer(sandbox.mintWorkspaceToken(null));
        assertTrue(workspace.data(Docs.USAGE_LIMIT_SET, "input", limit(5, null)).get("usageLimitSet").asBoolean());
    }

    @Test
    void usageAndEstimatedUsageAnswerTheStoredMeasurements() {
        Project a = project("a");
        Project b = project("b");
        sandbox.setMeasurement("a", "CPU_USAGE", 10.5);
        sandbox.setMeasurement("b", "CPU_USAGE", 2);
        sandbox.setMeasurement("b", "MEMORY_USAGE_GB", 7);
        assertThrows(IllegalArgumentException.class, () -> sandbox.setMeasurement("a", "NOPE", 1));
        assertThrows(SandboxException.class, () -> sandbox.setMeasurement("zzz", "CPU_USAGE", 1));

        JsonNode total = gql.data(Docs.USAGE, "measurements", List.of("CPU_USAGE", "MEMORY_USAGE_GB")).get("usage");
        assertEquals(2, total.size());
        assertEquals(12.5, total.at("/0/value").asDouble());
        assertEquals(7.0, total.at("/1/value").asDouble());
        assertTrue(total.at("/0/tags/projectId").isNull());

        JsonNode grouped = gql.data(Docs.USAGE, "measurements", List.of("CPU_USAGE"), "groupBy", List.of("PROJECT_ID"),
                "startDate", "2020-01-01T00:00:00Z", "endDate", "2030-01-01T00:00:00Z").get("usage");
        assertEquals(2, grouped.size());
        assertEquals(a.id(), grouped.at("/0/tags/projectId").asText());
        assertEquals(10.5, grouped.at("/0/value").asDouble());

        JsonNode one = gql.data(Docs.USAGE, "measurements", List.of("CPU_USAGE"), "projectId", b.id()).get("usage");
        assertEquals(2.0, one.at("/0/value").asDouble());
        JsonNode byWorkspace = gql.data(Docs.USAGE, "measurements", List.of("CPU_USAGE"), "workspaceId", workspaceId)
                .get("usage");
        assertEquals(12.5, byWorkspace.at("/0/value").asDouble());
        gql.assertError("PROJECT_ID only", Docs.USAGE, "measurements", List.of("CPU_USAGE"),
                "groupBy", List.of("SERVICE_ID"));

        JsonNode estimated = gql.data(Docs.ESTIMATED_USAGE, "measurements", List.of("CPU_USAGE", "MEMORY_USAGE_GB"))
                .get("estimatedUsage");
        assertEquals(3, estimated.size());
        assertEquals("b", projectName(estimated.at("/2/projectId").asText()));
        assertEquals(7.0, estimated.at("/2/estimatedValue").asDouble());
        assertEquals(1, gql.data(Docs.ESTIMATED_USAGE, "measurements", List.of("CPU_USAGE"), "projectId", a.id())
                .get("estimatedUsage").size());

        gql.data(Docs.PROJECT_DELETE, "id", a.id());
        assertEquals(2.0, gql.data(Docs.USAGE, "measurements", List.of("CPU_USAGE")).at("/usage/0/value").asDouble());
        assertEquals(12.5, gql.data(Docs.USAGE, "measurements", List.of("CPU_USAGE"), "includeDeleted", true)
                .at("/usage/0/value").asDouble());
        assertEquals(2, gql.data(Docs.ESTIMATED_USAGE, "measurements", List.of("CPU_USAGE"), "includeDeleted", true)
                .get("estimatedUsage").size());
    }

    private String projectName(String id) {
        return gql.data(Docs.PROJECT, "id", id).at("/project/name").asText();
    }
}
