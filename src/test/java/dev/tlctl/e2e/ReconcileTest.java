package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The repository's own spec against the sandbox, through tlctl's real code path: plan, apply,
 * plan again, within issue 4's request budget; at most one deployment per service, environment
 * and apply; settings and secrets landing only in their environment.
 */
class ReconcileTest extends E2eTest {

    @Test
    void planApplyPlanIsEmptyWithinTheRequestBudget() {
        // This one keeps the sandbox's state in a file, as `tlctl sandbox serve --state` does.
        // On the system clock, which tlctl's (recorded) waits cannot move: Railway's delays off, its quotas on.
        World w = world(c -> c.withStateFile(dir.resolve("sandbox-state.json")).withClock(Clock.systemUTC())
                .withDelays(java.time.Duration.ZERO, java.time.Duration.ZERO));
        Run before = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, before.code(), before::toString);
        assertTrue(before.out().contains("Plan: 57 to create, 0 to update, 0 to delete."), before::toString);
        assertTrue(before.requests() <= 2, () -> "plan by name on an empty sandbox: " + before);
        assertEquals(0, before.mutations(), before::toString);

        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        // By name, the workspace's billing, the project, its twins, staging, the service, a look for
        // its instances (Railway shows them a moment after creating it), the commit, the read-back,
        // and one to write tlctl's record of each environment.
        assertTrue(apply.requests() <= 10, () -> "first apply: " + apply);

        Run again = w.tlctl("apply", "--yes");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("No changes."), again::toString);
        assertTrue(again.requests() <= 2, () -> "second apply: " + again);
        assertEquals(0, again.mutations(), again::toString);

        Run cached = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, cached.code(), cached::toString);
        assertEquals(1, cached.requests(), () -> "plan with the id cached in .tlctl/state.json: " + cached);
        assertTrue(w.read(".tlctl/state.json").contains(w.projectId()), "the id is cached");

        w.forgetCachedId();
        Run byName = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, byName.code(), byName::toString);
        assertTrue(byName.requests() <= 2, () -> "plan by name: " + byName);

        w.forgetCachedId();
        Run byId = w.tlctl("plan", "--detailed-exitcode", "--project", w.projectId());
        assertEquals(0, byId.code(), byId::toString);
        assertEquals(1, byId.requests(), () -> "plan with --project: " + byId);

        w.forgetCachedId();
        Run secondByName = w.tlctl("apply", "--yes");
        assertEquals(0, secondByName.code(), secondByName::toString);
        assertTrue(secondByName.requests() <= 2, () -> "apply with nothing to do, by name: " + secondByName);
        assertEquals(0, secondByName.mutations(), secondByName::toString);
        assertEquals(1, w.projects(World.PROJECT).size());
        assertEquals(java.util.List.of("production", "staging"), World.names(w.project().path("environments")));
        assertEquals(java.util.List.of("engine-api"), World.names(w.project().path("services")));
        assertTrue(Files.isRegularFile(dir.resolve("sandbox-state.json")));
    }

    @Test
    void atMostOneDeploymentPerServiceAndEnvironmentPerApply() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertEquals(1, w.stats().deploymentsFor("production", "engine-api"), "first apply, production");
        assertEquals(1, w.stats().deploymentsFor("staging", "engine-api"), "first apply, staging");

        // Replicas alone scale without a redeploy (docs deployments/scaling.md), and the plan says so.
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 3"));
        Run scaled = w.tlctl("apply", "--yes");
        assertEquals(0, scaled.code(), scaled::toString);
        assertFalse(scaled.out().contains("Deploys:"), scaled::toString);
        assertEquals(1, w.stats().deploymentsFor("staging", "engine-api"), scaled::toString);

        // A setting of staging only: staging deploys once more, production not at all.
        w.edit("environments/staging.yaml", s -> s.replace("sleepApplication: true", "sleepApplication: false"));
        Run staging = w.tlctl("apply", "--yes");
        assertEquals(0, staging.code(), staging::toString);
        assertTrue(staging.out().contains("Deploys: engine-api (one deployment)"), staging::toString);
        assertEquals(1, w.stats().deploymentsFor("production", "engine-api"), staging::toString);
        assertEquals(2, w.stats().deploymentsFor("staging", "engine-api"), staging::toString);

        // A setting and a variable of both: one more deployment each, not one per change.
        w.edit("tl-engine.yaml", s -> s.replace("healthcheckTimeout: 60", "healthcheckTimeout: 30")
                .replace("DEBUG: \"0\"", "DEBUG: \"false\""));
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"2\""));
        Run both = w.tlctl("apply", "--yes");
        assertEquals(0, both.code(), both::toString);
        assertEquals(2, w.stats().deploymentsFor("production", "engine-api"), both::toString);
        assertEquals(3, w.stats().deploymentsFor("staging", "engine-api"), both::toString);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void aStagingOnlySettingNeverReachesProduction() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        JsonNode production = w.environment("production");
        String api = w.serviceId("engine-api");
        assertEquals(2, production.path("config").path("services").path(api).path("deploy")
                .path("multiRegionConfig").path("us-west2").path("numReplicas").asInt());

        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 3")
                .replace("sleepApplication: true", "sleepApplication: false"));
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("~ staging/engine-api/setting/deploy.numReplicas: 1 -> 3"), plan::toString);
        assertTrue(plan.out().contains("~ staging/engine-api/setting/deploy.sleepApplication: true -> false"), plan::toString);
        assertFalse(plan.out().contains("production/"), plan::toString);
        assertEquals(0, w.tlctl("apply", "--yes").code());

        JsonNode after = w.environment("production");
        assertEquals(production.path("config"), after.path("config"), "production's config is untouched");
        assertEquals(production.path("configEtag"), after.path("configEtag"));
        JsonNode staging = w.config("staging").path("services").path(api).path("deploy");
        assertEquals(3, staging.path("multiRegionConfig").path("us-west2").path("numReplicas").asInt(), staging::toString);
        assertFalse(staging.path("sleepApplication").asBoolean(true), staging::toString);
        Run production0 = w.tlctl("plan", "--env", "production", "--detailed-exitcode");
        assertEquals(0, production0.code(), production0::toString);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void aStagingWithItsOwnRegionHoldsNoneOfProductions() {
        World w = world();
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 1\n      region: europe-west4-drams3a"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        String api = w.serviceId("engine-api");
        JsonNode regions = w.config("staging").path("services").path(api).path("deploy").path("multiRegionConfig");
        assertEquals(1, regions.size(), "only staging's region: " + regions);
        assertEquals(1, regions.path("europe-west4-drams3a").path("numReplicas").asInt(), regions::toString);
        assertEquals(2, w.config("production").path("services").path(api).path("deploy").path("multiRegionConfig")
                .path("us-west2").path("numReplicas").asInt());
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
    }

    @Test
    void stagingNeverHoldsProductionSecrets() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        // Staging is created empty (no sourceEnvironmentId, which would copy production's config, secrets included).
        assertTrue(w.recorder.documents().stream().anyMatch(d -> d.contains("environmentCreate")));
        assertTrue(w.gql.data("query E2eSource($id: String!) { environment(id: $id) { sourceEnvironment { id } } }",
                Map.of("id", w.environmentId("staging"))).path("environment").path("sourceEnvironment").isNull(),
                "staging is not a copy of production");
        Map<String, String> values = dev.tlctl.spec.DotEnv.read(w.dir.resolve(World.ENV_FILE));
        String staging = w.config("staging").toString();
        String production = w.config("production").toString();
        values.forEach((name, value) -> {
            if (name.startsWith("PRODUCTION_")) {
                assertTrue(production.contains(value), name + " is in production");
                assertFalse(staging.contains(value), name + "'s value must never be in staging");
            } else {
                assertTrue(staging.contains(value), name + " is in staging");
                assertFalse(production.contains(value), name + "'s value must never be in production");
            }
        });
        assertFalse(staging.contains("fake-prod-password"), staging);
    }

    @Test
    void sandboxModeProvisionsTheRepositorySpecWithNothingExported() throws Exception {
        World w = world();
        Run apply = w.run(Map.of(), false, "", "apply", "--sandbox", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.out().contains("Apply complete: 57 created"), apply::toString);
        Run plan = w.run(Map.of(), false, "", "plan", "--sandbox", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("No changes."), plan::toString);
        assertTrue(Files.isRegularFile(w.dir.resolve(".tlctl/sandbox.json")), "the sandbox state beside the spec");
        assertEquals(0, w.stats().requests(), "the in-process sandbox of --sandbox is another one");
    }
}
