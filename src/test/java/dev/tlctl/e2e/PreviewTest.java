package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Previews end to end on the sandbox: an environment a template of the spec names is planned,
 * applied and audited with {@code --env} like a declared one, created ephemeral in one create and
 * one commit, and never taken for unmanaged by a run that does not cover it.
 */
class PreviewTest extends E2eTest {
    static final String PREVIEW_DB = "postgresql://engine:fake-preview-password@postgres.sandbox.invalid:5432/pr";

    /** The repository's spec with a template {@code pr} from staging, its overlay, and the preview's secrets. */
    World previews() {
        return withTemplate(world());
    }

    /** {@code w} with the template, its overlay and the preview's fake secrets. */
    static World withTemplate(World w) {
        w.edit("tl-engine.yaml", s -> s + """

                previews:
                  pr:
                    from: staging
                    namePattern: "pr-{n}"
                    overlay: environments/preview.yaml
                    ttl: 7d
                """);
        w.write("environments/preview.yaml", """
                sharedVariables:
                  ENVIRONMENT: preview
                  DATABASE_URL: ${env:PREVIEW_DATABASE_URL}
                  REDIS_URL: ${env:PREVIEW_REDIS_URL}
                  AMQP_URL: ${env:PREVIEW_AMQP_URL}
                """);
        w.edit(World.ENV_FILE, s -> s + "PREVIEW_DATABASE_URL=" + PREVIEW_DB + "\n"
                + "PREVIEW_REDIS_URL=rediss://default:fake-preview-password@redis.sandbox.invalid:6381\n"
                + "PREVIEW_AMQP_URL=amqps://engine:fake-preview-password@rabbitmq.sandbox.invalid/pr\n");
        w.secret("fake-preview-password");
        return w;
    }

    @Test
    void aPreviewIsPlannedFromItsTemplateCreatedEphemeralInThreeRequestsAndThenClean() {
        World w = previews();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();

        Run plan = w.tlctl("plan", "--env", "pr-1");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("+ pr-1  (a preview of template pr, sized like staging"), plan::toString);

        Run apply = w.tlctl("apply", "--env", "pr-1", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(3, apply.requests(), "the read, the create and one commit: " + apply);
        assertEquals(2, apply.mutations(), apply::toString);

        JsonNode env = w.environment("pr-1");
        JsonNode config = env.path("config");
        String api = w.serviceId("engine-api");
        JsonNode instance = config.path("services").path(api);
        JsonNode deploy = instance.path("deploy");
        assertEquals(1, deploy.path("multiRegionConfig").path("us-west2").path("numReplicas").asInt(),
                "staging's sizing: " + instance);
        assertEquals(1.0, deploy.path("limitOverride").path("containers").path("cpu").asDouble(), instance::toString);
        assertTrue(deploy.path("sleepApplication").asBoolean(), instance::toString);
        assertEquals("preview", config.path("sharedVariables").path("ENVIRONMENT").path("value").asText());
        assertEquals(PREVIEW_DB, config.path("sharedVariables").path("DATABASE_URL").path("value").asText());
        assertTrue(w.gql.data("query E($id: String!) { environment(id: $id) { isEphemeral } }",
                java.util.Map.of("id", env.path("id").asText())).path("environment").path("isEphemeral").asBoolean(),
                "created with Railway's ephemeral flag");

        Run again = w.tlctl("plan", "--env", "pr-1", "--detailed-exitcode");
        assertEquals(0, again.code(), again::toString);
        Run drift = w.tlctl("drift", "--env", "pr-1");
        assertEquals(0, drift.code(), drift::toString);

        // A run without --env covers the declared environments: the preview is neither unmanaged nor pruned.
        Run all = w.tlctl("plan", "--prune", "--detailed-exitcode");
        assertEquals(0, all.code(), all::toString);
        assertFalse(all.out().contains("pr-1"), all::toString);
    }

    @Test
    void anEnvironmentNoTemplateNamesIsStillRefused() {
        World w = previews();
        Run plan = w.tlctl("plan", "--env", "qa-1");
        assertEquals(64, plan.code(), plan::toString);
        assertTrue(plan.err().contains("its templates name: pr-{n}"), plan::toString);
        assertEquals(0, plan.requests(), "refused before asking Railway anything");
    }

    @Test
    void aBranchGivenOnceBelongsToThePreviewLaterRunsKeepItAndGivingItAgainChangesIt() {
        World w = previews();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        Run create = w.tlctl("apply", "--env", "pr-1", "--branch", "feature-x", "--yes");
        assertEquals(0, create.code(), create::toString);
        assertEquals(3, create.requests(), "the record travels in the preview's one commit: " + create);
        String api = w.serviceId("engine-api");
        assertEquals("feature-x", w.config("pr-1").path("services").path(api).path("source").path("branch").asText());
        assertEquals("main", w.config("staging").path("services").path(api).path("source").path("branch").asText());

        Run plan = w.tlctl("plan", "--env", "pr-1", "--detailed-exitcode");
        assertEquals(0, plan.code(), "the branch is the preview's, not drift or a change: " + plan);
        Run drift = w.tlctl("drift", "--env", "pr-1");
        assertEquals(0, drift.code(), drift::toString);

        Run push = w.tlctl("plan", "--env", "pr-1", "--branch", "feature-y", "--detailed-exitcode");
        assertEquals(2, push.code(), push::toString);
        assertTrue(push.out().contains("pr-1/engine-api/setting/source.branch: \"feature-x\" -> \"feature-y\""),
                push::toString);
        Run set = w.tlctl("apply", "--env", "pr-1", "--set", "engine-api.source.branch=feature-z", "--yes");
        assertEquals(0, set.code(), set::toString);
        assertEquals("feature-z", w.config("pr-1").path("services").path(api).path("source").path("branch").asText());
        assertEquals(0, w.tlctl("plan", "--env", "pr-1", "--detailed-exitcode").code());
    }

    @Test
    void aWrongParameterIsRefusedWithItsLocationBeforeAnyRequest() {
        World w = previews();
        Run typo = w.tlctl("plan", "--env", "pr-1", "--set", "engine-api.source.brnch=x");
        assertEquals(65, typo.code(), typo::toString);
        assertTrue(typo.err().contains("--set engine-api.source.brnch"), typo::toString);
        assertTrue(typo.err().contains("unknown setting \"source.brnch\""), typo::toString);
        assertTrue(typo.err().contains("Did you mean \"source.branch\"?"), typo::toString);
        assertEquals(0, typo.requests());

        Run two = w.tlctl("plan", "--env", "staging", "--env", "pr-1", "--branch", "x");
        assertEquals(64, two.code(), two::toString);
        assertTrue(two.err().contains("--set and --branch need exactly one --env"), two::toString);
        assertEquals(0, two.requests());
    }

    @Test
    void pruneWithEnvStaysInThoseEnvironmentsAndNeverDeletesAPreview() {
        World w = previews();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        assertEquals(0, w.tlctl("apply", "--env", "pr-1", "--yes").code());
        w.later();
        assertEquals(0, w.tlctl("apply", "--env", "pr-2", "--yes").code());
        w.upsertVariable("pr-1", null, "STRAY", "one");
        w.upsertVariable("pr-2", null, "STRAY", "two");
        w.upsertVariable("staging", null, "STRAY", "three");

        Run plan = w.tlctl("plan", "--env", "pr-1", "--prune");
        assertTrue(plan.out().contains("- pr-1/variable/STRAY"), plan::toString);
        assertFalse(plan.out().contains("pr-2"), plan::toString);
        assertFalse(plan.out().contains("staging/variable/STRAY"), plan::toString);
        Run prune = w.tlctl("apply", "--env", "pr-1", "--prune", "--confirm-destructive", "--yes");
        assertEquals(0, prune.code(), prune::toString);
        assertFalse(w.config("pr-1").path("sharedVariables").has("STRAY"));
        assertTrue(w.config("pr-2").path("sharedVariables").has("STRAY"), "another preview is left alone");
        assertTrue(w.config("staging").path("sharedVariables").has("STRAY"), "so is staging");

        Run all = w.tlctl("apply", "--prune", "--confirm-destructive", "--yes");
        assertEquals(0, all.code(), all::toString);
        assertFalse(w.config("staging").path("sharedVariables").has("STRAY"), "pruned inside a declared environment");
        assertEquals(List.of("production", "staging", "pr-1", "pr-2"), World.names(w.project().path("environments")),
                "a run that does not cover the previews never deletes them");
    }

    @Test
    void planShowsTheMonthlyCostOfRaisingStagingsReplicas() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2"));
        Run plan = w.tlctl("plan", "--env", "staging");
        // One replica at its limits (1 vCPU, 1 GB) costs $20 + $10 a month at Railway's list prices.
        assertTrue(plan.out().contains("  staging: +$30.00/month (replicas 1 -> 2)"), plan::toString);
        JsonNode cost = Gql.JSON.readTree(w.tlctl("plan", "--env", "staging", "--json").out()).path("costs").path(0);
        assertEquals("staging", cost.path("environment").asText());
        assertEquals(30.0, cost.path("monthlyDollars").asDouble());
        assertEquals("replicas 1 -> 2", cost.path("reasons").path(0).asText());

        w.edit("tl-engine.yaml", s -> s.replace("billing:\n", "billing:\n  prices:\n    vCPUMonthDollars: 10\n"));
        Run priced = w.tlctl("plan", "--env", "staging");
        assertTrue(priced.out().contains("  staging: +$20.00/month (replicas 1 -> 2)"), "billing.prices: " + priced);
    }

    @Test
    void pullRequestEnvironmentsInTheSpecSetTheProjectsSettingsAndDriftShowsAChangeBehindTlctlsBack() {
        World w = world();
        w.edit("tl-engine.yaml", s -> s + """

                pullRequestEnvironments:
                  enabled: true
                  from: staging
                  focused: true
                  bots: false
                """);
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.out().contains("+ project/pullRequestEnvironments = enabled, from staging, focused, no bots"),
                apply::toString);
        JsonNode project = w.gql.data("query P($id: String!) { project(id: $id) { prDeploys baseEnvironmentId"
                + " focusedPrEnvironments botPrEnvironments } }", java.util.Map.of("id", w.projectId())).path("project");
        assertTrue(project.path("prDeploys").asBoolean(), project::toString);
        assertEquals(w.environmentId("staging"), project.path("baseEnvironmentId").asText());
        assertTrue(project.path("focusedPrEnvironments").asBoolean());
        assertFalse(project.path("botPrEnvironments").asBoolean());
        Run clean = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(0, clean.code(), clean::toString);

        w.gql.data("mutation U($id: String!) { projectUpdate(id: $id, input: {prDeploys: false}) { id } }",
                java.util.Map.of("id", w.projectId()));
        Run drift = w.tlctl("drift");
        assertEquals(2, drift.code(), drift::toString);
        assertTrue(drift.out().contains("disabled, from staging, focused, no bots  enabled, from staging, focused,"
                + " no bots"), drift::toString);
        Run plan = w.tlctl("plan");
        assertTrue(plan.out().contains("~ project/pullRequestEnvironments: disabled, from staging, focused, no bots"
                + " -> enabled, from staging, focused, no bots"), plan::toString);
        Run scoped = w.tlctl("plan", "--env", "staging", "--detailed-exitcode");
        assertEquals(0, scoped.code(), "project-wide: not in a run scoped by --env: " + scoped);
        assertTrue(scoped.out().contains("pull request environment settings are project-wide"), scoped::toString);
    }
}
