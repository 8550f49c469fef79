package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's records that every checkout shares, on the sandbox: what one checkout applied, a
 * fresh copy of the spec folder (no {@code .tlctl/}, as on every CI runner) knows, for sealed
 * values, for which side of a difference moved, and for what tlctl created.
 */
class RecordsTest extends E2eTest {
    private static final String SEALED = "staging/engine-api/variable/API_TOKEN";
    private static final String FIRST = "fake-sealed-token-first";
    private static final String ROTATED = "fake-sealed-token-rotated";

    /** The repository's spec with a sealed staging token from the environment, applied from the world's folder. */
    private World withSealedToken() {
        World w = world(c -> c.withStateFile(dir.resolve("sandbox-state.json")));
        w.secret(FIRST);
        w.secret(ROTATED);
        w.edit("environments/staging.yaml", s -> s.replace("      MAX_REQUESTS: \"1000\"\n",
                "      MAX_REQUESTS: \"1000\"\n      API_TOKEN: {value: \"${env:STAGING_API_TOKEN}\", sealed: true}\n"));
        w.edit(World.ENV_FILE, s -> s + "STAGING_API_TOKEN=" + FIRST + "\n");
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        return w;
    }

    private static void setToken(Path folder, String value) throws Exception {
        Path env = folder.resolve(World.ENV_FILE);
        Files.writeString(env, Files.readString(env).replaceAll("STAGING_API_TOKEN=.*", "STAGING_API_TOKEN=" + value));
    }

    @Test
    void aFreshCopyPlansARotatedSealedValueWritesItAndDriftBlamesRailway() throws Exception {
        World w = withSealedToken();
        Path ci = w.freshCopy("ci-runner");
        assertFalse(Files.exists(ci.resolve(".tlctl")), "a fresh checkout has no local records");
        setToken(ci, ROTATED);

        Run plan = w.tlctlIn(ci, "plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("~ " + SEALED + " (sensitive, changed, sealed)"), plan::toString);
        assertTrue(plan.out().contains("Plan: 0 to create, 1 to update, 0 to delete."), plan::toString);
        assertEquals(2, plan.requests(), "found by name, then the project with its records: " + plan);

        Run apply = w.tlctlIn(ci, "apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(Files.readString(dir.resolve("sandbox-state.json")).contains(ROTATED), "the rotated value was written");
        assertEquals(0, w.tlctlIn(ci, "plan", "--detailed-exitcode").code(), "and recorded: nothing left to do");

        // The first checkout still has the old value: from the shared record it knows Railway moved on.
        Run stale = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, stale.code(), stale::toString);
        assertTrue(stale.out().contains("~ " + SEALED + " (sensitive, changed, sealed)"), stale::toString);

        // A change made on Railway (a while later: not while the apply's deployment builds), audited from yet
        // another fresh checkout, is blamed on Railway.
        w.later();
        w.upsertVariable("staging", "engine-api", "GUNICORN_WORKERS", "9");
        Path audit = w.freshCopy("audit-runner");
        setToken(audit, ROTATED);
        Run drift = w.tlctlIn(audit, "drift", "--json", "--env", "staging");
        assertEquals(2, drift.code(), drift::toString);
        JsonNode finding = only(Gql.JSON.readTree(drift.out()), "staging/engine-api/variable/GUNICORN_WORKERS");
        assertEquals("railway_changed", finding.path("direction").asText(), finding::toString);
        assertEquals("changed on Railway since tlctl last applied it", finding.path("explanation").asText());
        assertEquals(2, drift.requests(), "by name, then one read: " + drift);
    }

    private static JsonNode only(JsonNode drift, String address) {
        assertEquals(1, drift.path("findings").size(), drift::toString);
        JsonNode finding = drift.path("findings").get(0);
        assertEquals(address, finding.path("address").asText());
        return finding;
    }

    @Test
    void withoutARecordASealedValueCannotBeComparedAndReplaceWritesIt() throws Exception {
        World w = withSealedToken();
        // A project applied by a tlctl without shared records: nothing on Railway says what was written.
        w.patch("staging", Map.of("sharedVariables", nullValue("TLCTL_RECORD")));
        Path ci = w.freshCopy("ci-runner");

        Run plan = w.tlctlIn(ci, "plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().startsWith("No changes to make to project tl-engine in workspace sandbox, but 1 sealed value"
                + " cannot be compared (tlctl has no record of writing it): tlctl apply --replace ADDRESS writes it."),
                plan::toString);
        assertTrue(plan.out().contains(SEALED + " is sealed and tlctl has no record of writing it here"), plan::toString);
        Run json = w.tlctlIn(ci, "plan", "--json");
        assertEquals("[\"" + SEALED + "\"]", Gql.JSON.readTree(json.out()).path("uncompared").toString(), json::toString);

        Run unknown = w.tlctlIn(ci, "apply", "--yes", "--replace", "staging/engine-api/variable/NOPE");
        assertEquals(64, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("Error: --replace names staging/engine-api/variable/NOPE, which the spec does not"
                + " declare in the environments of this run"), unknown::toString);

        setToken(ci, ROTATED);
        Run replace = w.tlctlIn(ci, "apply", "--yes", "--replace", SEALED);
        assertEquals(0, replace.code(), replace::toString);
        assertTrue(replace.out().contains("~ " + SEALED + " (sensitive, changed, sealed)  (written again: --replace)"),
                replace::toString);
        assertTrue(Files.readString(dir.resolve("sandbox-state.json")).contains(ROTATED));
        Run after = w.tlctlIn(ci, "plan", "--detailed-exitcode");
        assertEquals(0, after.code(), after::toString);
        assertTrue(after.out().startsWith("No changes."), "recorded now: " + after);
    }

    private static Map<String, Object> nullValue(String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(name, null);
        return out;
    }

    @Test
    void whatTlctlCreatedIsDeletedWhenTheSpecDropsItWhatOthersAddedStays() throws Exception {
        World w = world();
        w.edit("environments/staging.yaml", s -> s + "      EXTRA_FLAG: \"on\"\n");
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.upsertVariable("staging", "engine-api", "HAND_FLAG", "on");
        w.edit("environments/staging.yaml", s -> s.replace("      EXTRA_FLAG: \"on\"\n", ""));

        Run plan = w.tlctlIn(w.freshCopy("fresh"), "plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertTrue(plan.out().contains("- staging/engine-api/variable/EXTRA_FLAG (was \"on\")  (created by tlctl; not in the"
                + " spec)"), plan::toString);
        assertTrue(plan.out().contains("    staging/engine-api/variable/HAND_FLAG  (not in the spec)"), plan::toString);
        assertTrue(plan.out().contains("Plan: 0 to create, 0 to update, 1 to delete."), plan::toString);
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), "no --prune, no --confirm-destructive: it is tlctl's own: " + apply);
        JsonNode variables = w.config("staging").path("services").path(w.serviceId("engine-api")).path("variables");
        assertFalse(variables.has("EXTRA_FLAG"), variables::toString);
        assertTrue(variables.has("HAND_FLAG"), "someone else's stays: " + variables);
    }

    @Test
    void aServiceSetBackToDisabledAndARemovedEnvironmentAreDeletedWithConsent() {
        World w = world();
        w.edit("tl-engine.yaml", s -> s.replace("  engine-worker:\n    enabled: false\n", "  engine-worker:\n")
                .replace("environments:\n  production: {}\n", "environments:\n  production: {}\n  qa: {from: production}\n"));
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertTrue(World.names(w.project().path("services")).contains("engine-worker"));
        w.later(); // past Railway's quota on environments: the apply just created qa
        w.gql.data("mutation E2eEnvironmentCreate($input: EnvironmentCreateInput!) { environmentCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", w.projectId(), "name", "hand-made")));

        w.edit("tl-engine.yaml", s -> s.replace("  engine-worker:\n", "  engine-worker:\n    enabled: false\n")
                .replace("  qa: {from: production}\n", ""));
        Run plan = w.tlctl("plan");
        assertTrue(plan.out().contains("- project/service/engine-worker  (created by tlctl; the spec disables it"
                + " everywhere)"), plan::toString);
        assertTrue(plan.out().contains("- qa  (created by tlctl; not in the spec)"), plan::toString);
        assertTrue(plan.out().contains("    hand-made  (not in the spec)"), "made by hand: unmanaged " + plan);

        Run refused = w.tlctl("apply", "--yes");
        assertEquals(64, refused.code(), refused::toString);
        assertTrue(refused.err().contains("Error: the plan deletes project/service/engine-worker, qa; pass"
                + " --confirm-destructive to allow it"), refused::toString);
        assertTrue(World.names(w.project().path("services")).contains("engine-worker"), "nothing was changed");

        Run atTerminal = w.run(w.env(), true, "yes\n", World.withEnvFile("apply"));
        assertEquals(0, atTerminal.code(), "a person who read the plan and said yes: " + atTerminal);
        assertFalse(World.names(w.project().path("services")).contains("engine-worker"));
        assertEquals(java.util.List.of("production", "staging", "hand-made"), World.names(w.project().path("environments")));
    }

    @Test
    void aRunScopedToStagingNeitherPlansNorWritesTheWorkspaceUsageLimit() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        String customer = w.gql.data("query E2eCustomer { me { workspaces { customer { id } } } }", Map.of())
                .path("me").path("workspaces").get(0).path("customer").path("id").asText();
        w.gql.data("mutation E2eLimit($input: UsageLimitSetInput!) { usageLimitSet(input: $input) }",
                Map.of("input", Map.of("customerId", customer, "softLimitDollars", 100, "hardLimitDollars", 200)));
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"2\""));

        Run plan = w.tlctl("plan", "--env", "staging");
        assertFalse(plan.out().contains("usageLimit"), plan::toString);
        assertTrue(plan.out().contains("The usage limit is workspace-wide, so a run scoped to some environments (--env)"
                + " neither plans nor writes it; run without --env to manage it."), plan::toString);
        Run saved = w.tlctl("plan", "--env", "staging", "--out", "staging.tlplan");
        w.output("staging.tlplan");
        assertEquals(0, saved.code(), saved::toString);
        Run apply = w.tlctl("apply", "staging.tlplan", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(0, w.tlctl("apply", "--env", "staging", "--yes").code());
        JsonNode limit = w.gql.data("query E2eLimit { me { workspaces { customer { usageLimit { softLimit hardLimit } } } } }",
                Map.of())
                .path("me").path("workspaces").get(0).path("customer").path("usageLimit");
        assertEquals(100, limit.path("softLimit").asInt(), limit::toString);
        assertEquals(200, limit.path("hardLimit").asInt(), limit::toString);

        Run everything = w.tlctl("plan");
        assertTrue(everything.out().contains("~ usageLimit: soft $100, hard $200 -> soft $25, hard $50"), everything::toString);
    }

    @Test
    void aRecordWrittenWithAnotherKeyOrCopiedFromAnotherEnvironmentIsNotUsed() throws Exception {
        World w = withSealedToken();
        Map<String, String> other = new LinkedHashMap<>(w.env());
        other.put("TLCTL_RECORD_KEY", "fake-record-key-of-another-team");
        Path ci = w.freshCopy("ci-runner");
        Run plan = w.runIn(ci, other, false, "", World.withEnvFile("plan", "--detailed-exitcode"));
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("tlctl's record of staging was written with another record key (TLCTL_RECORD_KEY):"
                + " its fingerprints are not used, and the next apply there writes it with this run's key."), plan::toString);
        assertTrue(plan.out().contains("1 sealed value cannot be compared"), plan::toString);

        // Railway copies shared variables into an environment made from another: production's record in a copy.
        w.later(); // past Railway's quota on environments
        w.gql.data("mutation E2eEnvironmentCreate($input: EnvironmentCreateInput!) { environmentCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", w.projectId(), "name", "pr-7",
                        "sourceEnvironmentId", w.environmentId("production"))));
        w.edit("tl-engine.yaml", s -> s.replace("environments:\n  production: {}\n",
                "environments:\n  production: {}\n  pr-7: {from: production}\n"));
        Run copied = w.tlctl("plan", "--env", "pr-7");
        assertTrue(copied.out().contains("The record tlctl found in pr-7 belongs to another environment"), copied::toString);
    }
}
