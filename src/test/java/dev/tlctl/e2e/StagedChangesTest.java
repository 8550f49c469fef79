package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Changes staged in Railway's dashboard and not committed: plan says so, apply refuses to write
 * over them until told, --include-staged commits them with tlctl's, --discard-staged drops them.
 */
class StagedChangesTest extends E2eTest {

    private static void stage(World w, String environment, Map<String, Object> patch) {
        w.gql.data("""
                mutation E2eStage($environmentId: String!, $input: EnvironmentConfig!) {
                  environmentStageChanges(environmentId: $environmentId, input: $input, merge: true) { id }
                }""", Map.of("environmentId", w.environmentId(environment), "input", patch));
    }

    private static int staged(World w, String environment) {
        return w.gql.data("query E2eStaged($id: String!) { environment(id: $id) { unmergedChangesCount } }",
                Map.of("id", w.environmentId(environment))).path("environment").path("unmergedChangesCount").asInt();
    }

    private static World stagedWorld(E2eTest test) {
        World w = test.world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        stage(w, "staging", Map.of("sharedVariables", Map.of("FROM_DASHBOARD", Map.of("value", "on"))));
        w.edit("environments/staging.yaml", s -> s.replace("MAX_REQUESTS: \"1000\"", "MAX_REQUESTS: \"2000\""));
        return w;
    }

    @Test
    void planWarnsAndApplyRefusesUntilTold() {
        World w = stagedWorld(this);
        Run plan = w.tlctl("plan");
        assertTrue(plan.out().contains("staging has 1 change staged in Railway and not committed (from the dashboard, or"
                + " another tool). apply will not write to staging until told what to do with them: --include-staged"
                + " commits them together with tlctl's changes, --discard-staged drops them."), plan::toString);

        Run apply = w.tlctl("apply", "--yes");
        assertEquals(64, apply.code(), apply::toString);
        assertTrue(apply.err().contains("Error: changes are staged in Railway where this apply writes: staging (1)"),
                apply::toString);
        assertEquals(0, apply.mutations(), apply::toString);
        assertEquals(1, staged(w, "staging"));

        Run both = w.tlctl("apply", "--yes", "--include-staged", "--discard-staged");
        assertEquals(64, both.code(), both::toString);
    }

    @Test
    void includeStagedCommitsThemWithTlctlsChanges() {
        World w = stagedWorld(this);
        int deployments = w.stats().deploymentsFor("staging", "engine-api");
        Run apply = w.tlctl("apply", "--yes", "--include-staged");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(0, staged(w, "staging"));
        assertEquals("on", w.config("staging").path("sharedVariables").path("FROM_DASHBOARD").path("value").asText());
        assertEquals("2000", w.config("staging").path("services").path(w.serviceId("engine-api")).path("variables")
                .path("MAX_REQUESTS").path("value").asText());
        assertEquals(deployments + 1, w.stats().deploymentsFor("staging", "engine-api"), "one deployment for both");
    }

    @Test
    void discardStagedDropsThemThenWrites() {
        World w = stagedWorld(this);
        Run apply = w.tlctl("apply", "--yes", "--discard-staged");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(0, staged(w, "staging"));
        assertFalse(w.config("staging").path("sharedVariables").has("FROM_DASHBOARD"));
        assertEquals("2000", w.config("staging").path("services").path(w.serviceId("engine-api")).path("variables")
                .path("MAX_REQUESTS").path("value").asText());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void stagedChangesWhereTheApplyDoesNotWriteStayStaged() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        stage(w, "production", Map.of("sharedVariables", Map.of("FROM_DASHBOARD", Map.of("value", "on"))));
        w.edit("environments/staging.yaml", s -> s.replace("MAX_REQUESTS: \"1000\"", "MAX_REQUESTS: \"2000\""));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.out().contains("production has 1 change staged in Railway and not committed (from the dashboard,"
                + " or another tool). This plan writes nothing there; they stay staged."), apply::toString);
        assertEquals(1, staged(w, "production"));
    }
}
