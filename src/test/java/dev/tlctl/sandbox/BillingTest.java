package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage limits with Railway's rules and the customer's usage (the figures themselves: {@link UsageTest}). */
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
    void isOverLimitComparesTheCurrentUsageWithTheHardLimitOnly() {
        sandbox.setCurrentUsage(42.5);
        assertEquals(42.5, customer().get("currentUsage").asDouble());
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(40, null));
        assertFalse(customer().at("/usageLimit/isOverLimit").asBoolean(), "the soft limit is an e-mail alert only");
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(40, 50));
        assertFalse(customer().at("/usageLimit/isOverLimit").asBoolean(), "under the hard limit");
        sandbox.setCurrentUsage(50);
        assertTrue(customer().at("/usageLimit/isOverLimit").asBoolean(), "the hard limit is reached");
        gql.data(Docs.USAGE_LIMIT_SET, "input", limit(0, null));
        assertFalse(customer().at("/usageLimit/isOverLimit").asBoolean(), "no hard limit: never over");
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
}
