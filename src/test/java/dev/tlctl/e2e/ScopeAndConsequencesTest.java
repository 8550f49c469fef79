package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.spec.DotEnv;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run covers what it says and shows what Railway does as a consequence: a staging job needs only
 * staging's secrets; a service enabled in staging alone shows the instance Railway adds to
 * production; "No changes" is true; an unknown project.id is an error, not a silent lookup.
 */
class ScopeAndConsequencesTest extends E2eTest {

    /** The process environment of a CI job for staging: the endpoint, a token, and only STAGING_* secrets. */
    private static Map<String, String> stagingJob(World w) {
        Map<String, String> env = new LinkedHashMap<>(w.env());
        DotEnv.read(w.dir.resolve(World.ENV_FILE)).forEach((name, value) -> {
            if (name.startsWith("STAGING_")) {
                env.put(name, value);
            }
        });
        return env;
    }

    @Test
    void aStagingJobNeedsOnlyStagingsSecrets() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"2\""));

        Run plan = w.run(stagingJob(w), false, "", "plan", "--env", "staging", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("~ staging/engine-api/variable/GUNICORN_WORKERS: \"1\" -> \"2\""), plan::toString);
        Run apply = w.run(stagingJob(w), false, "", "apply", "--env", "staging", "--yes");
        assertEquals(0, apply.code(), apply::toString);

        Run everything = w.run(stagingJob(w), false, "", "plan");
        assertEquals(78, everything.code(), "without --env, production's secrets are needed: " + everything);
        assertTrue(everything.err().contains("${env:PRODUCTION_DATABASE_URL}"), everything::toString);
        assertEquals(0, everything.requests(), "refused before asking Railway anything");
    }

    @Test
    void enablingAServiceInStagingShowsTheInstanceRailwayAddsToProduction() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.write("environments/staging.yaml", w.read("environments/staging.yaml") + """
                  engine-worker:
                    enabled: true
                """);

        Run plan = w.tlctl("plan", "--env", "staging", "--json");
        JsonNode doc = Gql.JSON.readTree(plan.out());
        JsonNode production = change(doc, "production/engine-worker");
        assertEquals("railway", production.path("origin").asText());
        assertEquals("create", production.path("action").asText());
        assertTrue(production.path("note").asText().contains("production is outside this run"), production::toString);
        assertEquals("railway", change(doc, "staging/engine-worker").path("origin").asText());
        assertEquals(countOf(doc, "tlctl"), doc.path("summary").path("create").asInt(), "tlctl's own changes, all creates");
        assertEquals(2, countOf(doc, "railway"));
        assertEquals(2, doc.path("summary").path("byRailway").asInt(), "counted apart");
        assertEquals("[{\"environment\":\"staging\",\"services\":[\"engine-worker\"]}]", doc.path("deploys").toString());

        Run apply = w.tlctl("apply", "--env", "staging", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.out().contains("+ production/engine-worker  (by Railway: added with the new service; production"
                + " is outside this run"), apply::toString);
        String worker = w.serviceId("engine-worker");
        assertTrue(w.config("production").path("services").path(worker).isObject(), "Railway did as the plan said");
        assertEquals(0, w.stats().deploymentsFor("production", "engine-worker"), "an empty instance deploys nothing");

        // Now production's plan shows it as what it is: an instance tlctl's service made there, which the spec
        // disables: tlctl created it, so the next apply without --env deletes it.
        Run full = w.tlctl("plan");
        assertTrue(full.out().contains("- production/engine-worker  (created by tlctl; disabled in the spec for"
                + " production)"), full::toString);
        assertTrue(full.out().contains("Plan: 0 to create, 0 to update, 1 to delete."), full::toString);
        Run cleanup = w.tlctl("apply", "--yes");
        assertEquals(0, cleanup.code(), cleanup::toString);
        assertFalse(w.config("production").path("services").has(worker), "deleted in production");
        assertTrue(w.config("staging").path("services").has(worker), "kept in staging");
    }

    @Test
    void withEveryEnvironmentInScopeTheUnwantedInstanceIsRemovedInTheSameCommit() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.write("environments/staging.yaml", w.read("environments/staging.yaml") + """
                  engine-worker:
                    enabled: true
                """);
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.out().contains("+ production/engine-worker  (by Railway: added with the new service)"), apply::toString);
        assertTrue(apply.out().contains("- production/engine-worker  (the spec disables engine-worker in production:"
                + " removed in the same commit)"), apply::toString);
        assertFalse(w.config("production").path("services").has(w.serviceId("engine-worker")));
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
        assertTrue(w.tlctl("plan").out().startsWith("No changes."));
    }

    @Test
    void anUnknownProjectIdInTheSpecIsAnErrorNotALookupByName() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("tl-engine.yaml", s -> s.replace("  # id: ...", "  id: 00000000-0000-4000-8000-000000000000"));
        Run plan = w.tlctl("plan");
        assertEquals(1, plan.code(), plan::toString);
        assertTrue(plan.err().contains("Error: Railway knows no project tl-engine with id 00000000-0000-4000-8000-000000000000"
                + " (project.id in "), plan::toString);
        assertTrue(plan.err().contains("Fix or remove project.id in "), plan::toString);
        assertEquals(1, plan.requests(), "no fallback to a search by name: " + plan);

        Run flag = w.tlctl("plan", "--project", "00000000-0000-4000-8000-000000000001");
        assertEquals(1, flag.code(), flag::toString);
        assertTrue(flag.err().contains("(--project)"), flag::toString);
    }

    @Test
    void theRepositorySpecPassesStrictValidationInSandboxMode() {
        World w = world();
        Run strict = w.run(Map.of(), false, "", "validate", "--strict", "--sandbox");
        assertEquals(0, strict.code(), strict::toString);
        assertEquals("", strict.err(), "no warning at all");
    }

    private static JsonNode change(JsonNode doc, String address) {
        for (JsonNode c : doc.path("changes")) {
            if (c.path("address").asText().equals(address)) {
                return c;
            }
        }
        throw new AssertionError("no change " + address + " in " + doc);
    }

    private static int countOf(JsonNode doc, String origin) {
        int n = 0;
        for (JsonNode c : doc.path("changes")) {
            if (c.path("origin").asText().equals(origin)) {
                n++;
            }
        }
        return n;
    }
}
