package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.spec.DotEnv;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes made on Railway behind tlctl's back show in the next plan; apply repairs them; pruning is explicit. */
class DriftTest extends E2eTest {
    static final String CHANGED_SECRET = "postgresql://engine:fake-drifted-behind-the-back@evil.invalid:5432/enginedb";

    @Test
    void aVariableChangedBehindTheBackShowsInThePlanAndApplyRepairsIt() {
        World w = world();
        w.secret(CHANGED_SECRET);
        w.secret("drifted-behind-the-back");
        assertEquals(0, w.tlctl("apply", "--yes").code());

        w.upsertVariable("staging", null, "DATABASE_URL", CHANGED_SECRET);
        w.upsertVariable("staging", "engine-api", "GUNICORN_WORKERS", "7");
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("~ staging/variable/DATABASE_URL (sensitive, changed)"), plan::toString);
        assertTrue(plan.out().contains("~ staging/engine-api/variable/GUNICORN_WORKERS: \"7\" -> \"1\""), plan::toString);
        assertTrue(plan.out().contains("Plan: 0 to create, 2 to update, 0 to delete."), plan::toString);
        Run hidden = w.tlctl("plan", "--hide-values");
        assertTrue(hidden.out().contains("~ staging/engine-api/variable/GUNICORN_WORKERS (value changed)"), hidden::toString);
        assertTrue(hidden.out().contains("~ staging/variable/DATABASE_URL (sensitive, changed)"), hidden::toString);

        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
        String expected = DotEnv.read(w.dir.resolve(World.ENV_FILE)).get("STAGING_DATABASE_URL");
        assertEquals(expected, w.config("staging").path("sharedVariables").path("DATABASE_URL").path("value").asText());
    }

    @Test
    void unmanagedVariablesAreListedAndDeletedOnlyWithPruneAndConfirmation() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        String api = w.serviceId("engine-api");
        w.patch("production", Map.of(
                "sharedVariables", Map.of("ROGUE", Map.of("value", "set by hand")),
                "services", Map.of(api, Map.of("variables", Map.of("EXTRA_FLAG", Map.of("value", "on"))))));

        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), "unmanaged is not a change: " + plan);
        assertTrue(plan.out().contains("On Railway but not in the spec"), plan::toString);
        assertTrue(plan.out().contains("production/variable/ROGUE"), plan::toString);
        assertTrue(plan.out().contains("production/engine-api/variable/EXTRA_FLAG"), plan::toString);

        Run keep = w.tlctl("apply", "--yes");
        assertEquals(0, keep.code(), keep::toString);
        assertEquals(0, keep.mutations(), keep::toString);

        Run pruned = w.tlctl("plan", "--prune", "--detailed-exitcode");
        assertEquals(2, pruned.code(), pruned::toString);
        assertTrue(pruned.out().contains("- production/variable/ROGUE"), pruned::toString);
        assertTrue(pruned.out().contains("- production/engine-api/variable/EXTRA_FLAG"), pruned::toString);
        assertTrue(pruned.out().contains("Plan: 0 to create, 0 to update, 2 to delete."), pruned::toString);

        Run refused = w.tlctl("apply", "--prune", "--yes");
        assertEquals(64, refused.code(), refused::toString);
        assertTrue(refused.err().contains("--confirm-destructive"), refused::toString);
        assertEquals(0, refused.mutations(), refused::toString);
        assertTrue(w.config("production").path("sharedVariables").has("ROGUE"));

        Run prune = w.tlctl("apply", "--prune", "--yes", "--confirm-destructive");
        assertEquals(0, prune.code(), prune::toString);
        JsonNode config = w.config("production");
        assertFalse(config.path("sharedVariables").has("ROGUE"), config::toString);
        assertFalse(config.path("services").path(api).path("variables").has("EXTRA_FLAG"), config::toString);
        assertTrue(config.path("sharedVariables").has("DATABASE_URL"), "declared variables stay");
        assertEquals(0, w.tlctl("plan", "--prune", "--detailed-exitcode").code());
    }

    @Test
    void unmanagedServicesAndEnvironmentsArePrunedOnlyWhenConfirmed() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        w.gql.data("mutation E2eEnvironmentCreate($input: EnvironmentCreateInput!) { environmentCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", w.projectId(), "name", "preview")));
        w.gql.data("mutation E2eServiceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", w.projectId(), "name", "stray")));

        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("    project/service/stray  (not in the spec)"), plan::toString);
        assertTrue(plan.out().contains("    preview  (not in the spec)"), plan::toString);

        w.output("prune.plan");
        Run saved = w.tlctl("plan", "--prune", "--out", "prune.plan");
        assertTrue(saved.out().contains("- project/service/stray"), saved::toString);
        assertTrue(saved.out().contains("- preview"), saved::toString);
        Run refused = w.tlctl("apply", "prune.plan", "--yes");
        assertEquals(64, refused.code(), refused::toString);
        assertEquals(0, refused.mutations(), refused::toString);

        Run prune = w.tlctl("apply", "prune.plan", "--yes", "--confirm-destructive");
        assertEquals(0, prune.code(), prune::toString);
        assertEquals(java.util.List.of("production", "staging"), World.names(w.project().path("environments")));
        assertEquals(java.util.List.of("engine-api"), World.names(w.project().path("services")));
        assertEquals(0, w.tlctl("plan", "--prune", "--detailed-exitcode").code());
    }

    @Test
    void aProjectDeletedBehindTheBackDropsTheCachedIdAndIsCreatedAgain() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        String id = w.projectId();
        assertTrue(w.read(".tlctl/state.json").contains(id));
        w.gql.data("mutation E2eProjectDelete($id: String!) { projectDelete(id: $id) }", Map.of("id", id));

        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("+ project tl-engine"), plan::toString);
        assertEquals(3, plan.requests(), "the cached id (stale), then by name: " + plan);
        assertFalse(w.read(".tlctl/state.json").contains(id), "the stale id is dropped");

        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertTrue(w.read(".tlctl/state.json").contains(w.projectId()));
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }
}
