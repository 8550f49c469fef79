package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RequestListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: tlctl on Railway as Railway behaves, one test per numbered item of the issue, on the
 * sandbox taught each behaviour (its default timing: creation quotas, instances and projects
 * visible a moment after their create, change sets applied in the background). Each test fails
 * on the client before the issue; the request counts are the ones the README quotes.
 */
class RealRailwayTest extends E2eTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The operation of each request sent since the recorder was last cleared ({@code ReadProject}, {@code Commit}, ...). */
    private static List<String> operations(World w) {
        java.util.regex.Pattern operation = java.util.regex.Pattern.compile("(?m)^(?:query|mutation) (\\w+)");
        return w.recorder.documents().stream().map(d -> {
            java.util.regex.Matcher m = operation.matcher(d);
            return m.find() ? m.group(1) : d;
        }).toList();
    }

    /** The repository's spec applied, and a while later (past the quotas), the recorder cleared. */
    private World applied() {
        World w = world();
        Run first = w.tlctl("apply", "--yes");
        assertEquals(0, first.code(), first::toString);
        w.later();
        w.recorder.clear();
        return w;
    }

    /** Every request's variables as JSON, as tlctl sent them (values included: for checks of what was sent). */
    private static List<String> capture(World w) {
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        w.hook(new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                try {
                    sent.add(JSON.writeValueAsString(request.variables()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        return sent;
    }

    private static JsonNode instance(World w, String environment, String service) {
        return w.config(environment).path("services").path(w.serviceId(service));
    }

    // ---- 1. a change set's source carries its type ---------------------------------------------

    @Test
    void item1_aBranchChangeAppliesOnceAndThenPlansClean() {
        World w = applied();
        List<String> sent = capture(w);
        w.edit("environments/staging.yaml", s -> s.replace("services:\n  engine-api:\n",
                "services:\n  engine-api:\n    source:\n      branch: develop\n"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals("develop", instance(w, "staging", "engine-api").at("/source/branch").asText(),
                "Railway's translator keeps the branch only for a source of type github");
        assertEquals("main", instance(w, "production", "engine-api").at("/source/branch").asText());
        assertTrue(sent.stream().anyMatch(v -> v.contains("\"type\":\"github\"") && v.contains("\"branch\":\"develop\"")),
                sent::toString);
        // Read, preview, apply in the background, poll at once and a second later (Railway's CLI's
        // wait_for_apply), as applyDelay is 1 s; then tlctl's record of staging.
        assertEquals(List.of("ReadProject", "PreviewChangeSets", "Commit", "ChangeSetApplies", "ChangeSetApplies",
                "Commit"),
                operations(w), apply::toString);
        assertEquals(List.of("the changes to environment staging: Railway is still applying them (1 s)"),
                w.recorder.announcedWaits());

        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), "applied once, planned clean: " + plan);
    }

    // ---- 2. preview, before/previous, sparse updates, masked credentials ------------------------

    @Test
    void item2_aRegionMoveLeavesOnlyTheNewRegionAndADeletedVariableCarriesItsPreviousValue() {
        World w = applied();
        w.edit("environments/production.yaml", s -> s + "services:\n  engine-api:\n    deploy:\n"
                + "      region: europe-west4-drams3a\n    variables:\n      EXTRA: \"1\"\n");
        Run move = w.tlctl("apply", "--yes");
        assertEquals(0, move.code(), move::toString);
        assertEquals(Map.of("europe-west4-drams3a", Map.of("numReplicas", 2)), JSON.convertValue(
                instance(w, "production", "engine-api").at("/deploy/multiRegionConfig"), Map.class),
                "a sparse update: the old region named with null goes, or it would keep its replicas");
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());

        // Railway's change-set type requires the deleted variable's value (previous).
        w.later();
        w.edit("environments/production.yaml", s -> s.replace("    variables:\n      EXTRA: \"1\"\n", ""));
        w.recorder.clear();
        Run delete = w.tlctl("apply", "--yes", "--prune", "--confirm-destructive", "--env", "production");
        assertEquals(0, delete.code(), delete::toString);
        assertTrue(operations(w).contains("PreviewChangeSets"), "a change set: " + operations(w));
        assertFalse(instance(w, "production", "engine-api").path("variables").has("EXTRA"));
        // Staging (from production) took EXTRA too; the apply was scoped to production, so staging
        // still holds it, and tlctl, which created it there, plans its deletion: production is clean.
        Run after = w.tlctl("plan", "--detailed-exitcode", "--env", "production");
        assertEquals(0, after.code(), after::toString);
    }

    @Test
    void item2_theChangeSetsOfSeveralEnvironmentsArePolledTogetherOneRequestARound() {
        World w = applied();
        w.edit("tl-engine.yaml", s -> s.replace("healthcheckTimeout: 60", "healthcheckTimeout: 90"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(List.of("ReadProject", "PreviewChangeSets", "Commit", "ChangeSetApplies", "ChangeSetApplies",
                "Commit"),
                operations(w), "one preview, one commit and one poll a round for both environments");
        assertEquals(List.of("the changes to environments production, staging: Railway is still applying them (1 s)"),
                w.recorder.announcedWaits());
    }

    @Test
    void item2_aChangeSetStillApplyingIsPolledOnceASecond120TimesAtMostThenReportedUnknown() {
        World w = world(c -> c.withDelays(java.time.Duration.ofSeconds(1), java.time.Duration.ofMinutes(10)));
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        w.recorder.clear();
        w.edit("environments/staging.yaml", s -> s.replace("services:\n  engine-api:\n",
                "services:\n  engine-api:\n    source:\n      branch: develop\n"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.all().contains("Railway did not apply the changes to environment staging: it was still being"
                + " applied after 120 polls a second apart; the outcome is unknown"), apply::toString);
        assertEquals(120, operations(w).stream().filter(o -> o.equals("ChangeSetApplies")).count(),
                "polled at once, then a second after each 'applying', 120 polls: " + operations(w).size());
        assertEquals(java.util.Collections.nCopies(119,
                "the changes to environment staging: Railway is still applying them (1 s)"), w.recorder.announcedWaits());
    }

    @Test
    void item2_maskedRegistryCredentialsAreNeverSentBackAndStayOnRailway() {
        World w = applied();
        String api = w.serviceId("engine-api");
        w.patch("production", Map.of("services", Map.of(api, Map.of("deploy", Map.of("registryCredentials",
                Map.of("username", "bot", "password", "fake-registry-password"))))));
        w.secret("fake-registry-password");
        w.later();
        List<String> sent = capture(w);
        w.edit("tl-engine.yaml", s -> s.replace("healthcheckTimeout: 60", "healthcheckTimeout: 90"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(sent.stream().noneMatch(v -> v.contains("*****")), "the mask is never echoed: " + sent);
        assertEquals(90, instance(w, "production", "engine-api").at("/deploy/healthcheckTimeout").asInt());
        assertEquals(90, instance(w, "staging", "engine-api").at("/deploy/healthcheckTimeout").asInt());
        assertTrue(instance(w, "production", "engine-api").at("/deploy/registryCredentials/password").isTextual(),
                "the credentials are still there");
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    // ---- 3. workspace tokens, invitations ------------------------------------------------------

    @Test
    void item3_aProjectReachedThroughAnInvitationIsFoundAndNotCreatedAgain() {
        // A workspace token's case is TokensTest.aWorkspaceTokenPlansTheExistingProjectInFourRequestsCold.
        World w = world();
        String owner = w.sandbox.addWorkspace("Acme");
        w.secret(owner);
        Map<String, String> ownerEnv = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_API_TOKEN", owner);
        Run made = w.run(ownerEnv, false, "", World.withEnvFile("apply", "--yes"));
        assertEquals(0, made.code(), made::toString);
        w.later();
        w.sandbox.invite(World.PROJECT);
        w.forgetCachedId();
        w.recorder.clear();

        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.out().contains("No changes"), apply::toString);
        assertEquals(List.of(), w.projects(World.PROJECT), "no twin in the user's own workspace");
        assertEquals(List.of("MyWorkspaces", "ReadProject"), operations(w), "me and externalWorkspaces in one request");
    }

    // ---- 4. creations one per request, spaced by the quota; stage and commit apart ----------------

    @Test
    void item4_twoEnvironmentsAddedApplyOnePerRequestWaitingOutRailwaysQuota() {
        World w = applied();
        for (String env : List.of("qa", "demo")) {
            String upper = env.toUpperCase(java.util.Locale.ROOT);
            w.write("environments/" + env + ".yaml", "sharedVariables:\n  ENVIRONMENT: " + env + "\n"
                    + "  DATABASE_URL: ${env:" + upper + "_DATABASE_URL}\n  REDIS_URL: ${env:" + upper + "_REDIS_URL}\n"
                    + "  AMQP_URL: ${env:" + upper + "_AMQP_URL}\n");
            String secret = "fake-" + env + "-password";
            w.secret(secret);
            w.edit(World.ENV_FILE, s -> s + upper + "_DATABASE_URL=postgresql://engine:" + secret + "@db.invalid:5432/" + env
                    + "\n" + upper + "_REDIS_URL=rediss://default:" + secret + "@redis.invalid:6379\n" + upper
                    + "_AMQP_URL=amqps://engine:" + secret + "@mq.invalid/" + env + "\n");
        }
        w.edit("tl-engine.yaml", s -> s.replace("\n\n# Environment-wide (shared) variables.",
                "\n  qa: {}\n  demo: {}\n\n# Environment-wide (shared) variables."));

        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(List.of("production", "staging", "qa", "demo"), World.names(w.project().path("environments")));
        // qa goes at once; demo meets the quota, which tlctl learns from that refusal rather than
        // presumes, and goes again after the window: one wasted request in the run.
        assertEquals(3, operations(w).stream().filter(o -> o.equals("EnvironmentCreate")).count(),
                "one environment per request, demo refused once: " + operations(w));
        assertEquals(List.of("environment demo: Railway creates one environment per user every 30 s (31 s)"),
                w.recorder.announcedWaits(), "the second waits out the quota, announced");
        assertTrue(apply.sleeps().contains(java.time.Duration.ofSeconds(31))
                || apply.sleeps().stream().anyMatch(d -> d.toSeconds() == 30), apply.sleeps()::toString);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void item4_stagedChangesAreStagedThenCommittedInTwoRequests() {
        World w = applied();
        w.gql.data("""
                mutation E2eStage($environmentId: String!, $input: EnvironmentConfig!) {
                  environmentStageChanges(environmentId: $environmentId, input: $input, merge: true) { id }
                }""", Map.of("environmentId", w.environmentId("staging"),
                "input", Map.of("sharedVariables", Map.of("FROM_DASHBOARD", Map.of("value", "on")))));
        w.edit("environments/staging.yaml", s -> s.replace("MAX_REQUESTS: \"1000\"", "MAX_REQUESTS: \"2000\""));
        w.recorder.clear();
        Run apply = w.tlctl("apply", "--yes", "--include-staged");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(List.of("ReadProject", "EnvironmentEtags", "StageChanges", "Commit", "ReadProject",
                "EnvironmentPatches", "Commit"), operations(w), "stage, then commit what is staged: as Railway's CLI"
                + " sends them (then the read-back, the lineage check and the record)");
        assertEquals("on", w.config("staging").at("/sharedVariables/FROM_DASHBOARD/value").asText());
    }

    // ---- 5 and 6. eventual consistency; defaults; the read-back compares what the spec declares -----

    @Test
    void item5_theFirstApplyWaitsForTheNewProjectAndInstancesBeforeWritingToThem() {
        World w = world();
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(List.of(
                "project tl-engine: Railway lists a new project a moment after creating it (1 s)",
                "the new services' instances in production, staging: Railway makes a new service's instances visible"
                        + " a moment after creating it (1 s)"), w.recorder.announcedWaits());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void item5_aReadBackThatDoesNotShowTheCommitYetIsReadAgainAMomentLater() {
        World w = applied();
        String api = w.serviceId("engine-api");
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        int[] reads = {0};
        boolean[] committed = {false};
        w.hook(new RequestListener() {
            @Override
            public void onRequest(GraphQLRequest request, int attempt) {
                if (request.document().contains("mutation Commit")) {
                    committed[0] = true;
                } else if (committed[0] && request.document().contains("query ReadProject") && reads[0]++ == 0) {
                    // Railway has not shown the commit yet: the first read-back still sees the old value.
                    // (Past the build the commit started: a write that redeploys is refused while it builds.
                    // A direct write: it leaves no patch, so the lag is not taken for someone else's commit.)
                    w.clock.advance(java.time.Duration.ofSeconds(10));
                    w.upsertVariable("staging", null, "DEBUG", "1");
                } else if (committed[0] && request.document().contains("query ReadProject")) {
                    w.clock.advance(java.time.Duration.ofSeconds(10));
                    w.upsertVariable("staging", null, "DEBUG", "2");
                }
            }
        });
        Run apply = w.tlctl("apply", "--yes");
        w.hook(RequestListener.NONE);
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(List.of("the read-back of project tl-engine: Railway may not show a commit it has just made yet (2 s)"),
                w.recorder.announcedWaits());
        assertEquals(2, reads[0], "read back, then once more 2 s later");
        assertTrue(api != null);
    }

    @Test
    void item6_enablingAServiceAppliesWithoutAFalseConflictAndRailwaysDefaultsAreNoDrift() {
        World w = applied();
        w.edit("tl-engine.yaml", s -> s.replace("  engine-worker:\n    enabled: false\n", "  engine-worker:\n"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertFalse(apply.all().contains("at the same time"), apply::toString);
        assertEquals("RAILPACK", instance(w, "staging", "engine-worker").at("/build/builder").asText(),
                "Railway filled in its defaults");
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
        Run drift = w.tlctl("drift");
        assertEquals(0, drift.code(), drift::toString);
    }

    @Test
    void sandbox_aServiceWithoutASourceDeploysNothingAndThePlanSaysSo() {
        // A service with nothing to build (no repository, no image) deploys nothing on a change of
        // a shared variable it references; the plan's Deploys line follows the same rule.
        World w = applied();
        w.edit("tl-engine.yaml", s -> s.replace("\n  # Optional services:", "\n  engine-sidecar:\n    variables:\n"
                + "      DEBUG: ${{shared.DEBUG}}\n\n  # Optional services:"));
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        Run plan = w.tlctl("plan");
        assertTrue(plan.out().contains("Deploys: engine-api (one deployment)"), plan::toString);
        assertFalse(plan.out().contains("engine-sidecar (one"), plan::toString);
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertEquals(0, w.stats().deploymentsFor("staging", "engine-sidecar"));
        assertEquals(2, w.stats().deploymentsFor("staging", "engine-api"));
    }

    // ---- 7. environment RBAC; a project token reads its environment only -------------------------

    @Test
    void item7_aMemberPlansTheEnvironmentsItMayOpenAndIsToldWhichItMayNot() {
        World w = applied();
        w.sandbox.restrictEnvironment(World.PROJECT, "production", true);
        String member = w.sandbox.addMember("Dev", "MEMBER");
        w.secret(member);
        Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_API_TOKEN", member);

        Run staging = w.run(env, false, "", World.withEnvFile("plan", "--env", "staging", "--detailed-exitcode"));
        assertEquals(0, staging.code(), staging::toString);
        w.edit("environments/staging.yaml", s -> s.replace("MAX_REQUESTS: \"1000\"", "MAX_REQUESTS: \"2000\""));
        w.recorder.clear();
        Run apply = w.run(env, false, "", World.withEnvFile("apply", "--yes", "--env", "staging"));
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(List.of("ReadProject", "ReadProject", "EnvironmentConfigs"), operations(w).subList(0, 3),
                "the whole read refused, then read without configs, and the configs it may open read apart: "
                        + operations(w));

        Run all = w.run(env, false, "", World.withEnvFile("plan"));
        assertEquals(77, all.code(), "a refusal the same token meets again, not an outage: " + all);
        assertTrue(all.err().contains("this token may not open environment production"), all::toString);
        assertFalse(all.err().contains("knows no project"), all::toString);
    }

    @Test
    void item7_aProjectTokenReadsOnlyItsOwnEnvironment() {
        World w = applied();
        String token = w.sandbox.mintProjectToken(World.PROJECT, "staging");
        w.secret(token);
        Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_TOKEN", token);
        List<String> sent = capture(w);
        Run plan = w.run(env, false, "", World.withEnvFile("plan", "--detailed-exitcode"));
        assertEquals(0, plan.code(), plan::toString);
        assertEquals(List.of("ProjectTokenScope", "ReadProject"), operations(w));
        assertEquals(2, sent.size());
        assertTrue(sent.get(1).contains("\"environments\":false") && sent.get(1).contains("\"one\":true")
                && sent.get(1).contains("\"environmentId\":\"" + w.environmentId("staging") + "\""),
                "its own environment, not the project's list: " + sent.get(1));
    }

    // ---- 8. Railway's PR environments ------------------------------------------------------------

    @Test
    void item8_pruneLeavesRailwaysPullRequestEnvironmentAloneAndDriftDoesNotReportIt() {
        World w = applied();
        String pr = w.sandbox.openPullRequest(World.PROJECT, 7, "feature/faster-search");
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, plan.code(), plan::toString);
        assertFalse(plan.all().contains(pr), plan::toString);

        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        Run prune = w.tlctl("apply", "--yes", "--prune", "--confirm-destructive");
        assertEquals(0, prune.code(), prune::toString);
        assertFalse(prune.all().contains(pr), prune::toString);
        assertTrue(World.names(w.project().path("environments")).contains(pr), "Railway's to delete, not tlctl's");

        Run drift = w.tlctl("drift");
        assertEquals(0, drift.code(), drift::toString);
        assertFalse(drift.all().contains(pr), drift::toString);
        w.sandbox.closePullRequest(World.PROJECT, 7);
        assertFalse(World.names(w.project().path("environments")).contains(pr));
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    // ---- 9. one pre-deploy command ---------------------------------------------------------------

    @Test
    void item9_twoPreDeployCommandsAreRefusedBeforeAnyRequest() {
        World w = applied();
        w.edit("tl-engine.yaml", s -> s.replace("      healthcheckPath: /health\n",
                "      healthcheckPath: /health\n      preDeployCommand: [python -m engine.migrate, python -m engine.seed]\n"));
        Run plan = w.tlctl("plan");
        assertEquals(65, plan.code(), plan::toString);
        assertEquals(0, plan.requests(), plan::toString);
        assertTrue(plan.err().contains("engine-api's deploy.preDeployCommand lists 2 commands; Railway runs one"),
                plan::toString);

        w.edit("tl-engine.yaml", s -> s.replace("[python -m engine.migrate, python -m engine.seed]",
                "python -m engine.migrate && python -m engine.seed"));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(List.of("python -m engine.migrate && python -m engine.seed"), JSON.convertValue(
                instance(w, "production", "engine-api").at("/deploy/preDeployCommand"), List.class));
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    // ---- 10. enabling then pruning engine-worker ----------------------------------------------------

    @Test
    void item10_enablingThenPruningEngineWorkerExitsZero() {
        World w = applied();
        w.edit("tl-engine.yaml", s -> s.replace("  engine-worker:\n    enabled: false\n", "  engine-worker:\n"));
        Run enable = w.tlctl("apply", "--yes");
        assertEquals(0, enable.code(), enable::toString);
        w.later();

        w.edit("tl-engine.yaml", s -> s.replaceAll("(?s)  engine-worker:\n.*?(?=\n  engine-scheduler:)", ""));
        w.edit("environments/staging.yaml", s -> s.replace("DEBUG: \"1\"", "DEBUG: \"2\""));
        Run prune = w.tlctl("apply", "--yes", "--prune", "--confirm-destructive");
        assertEquals(0, prune.code(), prune::toString);
        assertFalse(prune.all().contains("does not hold what it wrote"), prune::toString);
        assertFalse(World.names(w.project().path("services")).contains("engine-worker"));
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode", "--prune").code());
    }
}
