package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.TickingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What takes time on Railway, on the sandbox's clock: the creation quotas (one environment per
 * user and one project per workspace every 30 s, refused inside HTTP 200 with
 * INTERNAL_SERVER_ERROR), the instances of a new service that materialise a moment later, a new
 * project missing from lists for as long, and change sets applied in the background that stay
 * "applying" before their result is final.
 */
class RailwayTimingTest extends SandboxTestBase {
    final TickingClock clock = TickingClock.still(Instant.parse("2026-12-01T10:00:00Z"));

    @Override
    SandboxConfig config() {
        return SandboxConfig.defaults().withRateLimit(1_000_000, 1_000_000).withClock(clock)
                .withDelays(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    @Test
    void aSecondEnvironmentWithin30SecondsIsRefusedInsideHttp200WithRailwaysWords() {
        Project p = project("demo");
        environment(p.id(), "staging");
        Gql.Response refused = gql.post(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", p.id(), "name", "qa"));
        assertEquals(200, refused.status());
        assertEquals(List.of(Quotas.ENVIRONMENT_MESSAGE), refused.errors());
        assertEquals("INTERNAL_SERVER_ERROR", refused.json().at("/errors/0/extensions/code").asText());
        assertTrue(refused.json().at("/errors/0/extensions/classification").isMissingNode(),
                "Railway's errors carry a code, not graphql-java's classification");
        clock.advance(Duration.ofSeconds(29));
        assertEquals(List.of(Quotas.ENVIRONMENT_MESSAGE), gql.errors(Docs.ENVIRONMENT_CREATE, "input",
                Map.of("projectId", p.id(), "name", "qa")), "a refused create uses no quota");
        clock.advance(Duration.ofSeconds(1));
        environment(p.id(), "qa");
        assertEquals(List.of("production", "staging", "qa"), names(p.id()));
    }

    @Test
    void projectsHaveAQuotaPerWorkspaceAndTheDefaultEnvironmentSpendsNoEnvironmentQuota() {
        Project demo = project("demo");
        environment(demo.id(), "staging");
        assertEquals(List.of(Quotas.PROJECT_MESSAGE), gql.errors(Docs.PROJECT_CREATE, "input", Map.of("name", "other")));
        Gql workspace = gql.withBearer(sandbox.mintWorkspaceToken(null));
        assertEquals(List.of(Quotas.PROJECT_MESSAGE), workspace.errors(Docs.PROJECT_CREATE, "input",
                Map.of("name", "other")), "per workspace, whatever the token");
        workspace.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", demo.id(), "name", "qa"));
        clock.advance(Duration.ofSeconds(30));
        project("other");
    }

    @Test
    void withoutQuotasEverythingIsCreatedAtOnce() throws java.io.IOException {
        sandbox.close();
        sandbox = Sandbox.start(config().withQuotas(false));
        gql = Gql.account(sandbox);
        Project p = project("demo");
        environment(p.id(), "staging");
        environment(p.id(), "qa");
        project("other");
        assertEquals(List.of("production", "staging", "qa"), names(p.id()));
    }

    @Test
    void aNewServicesInstancesMaterialiseAMomentLaterAndAWriteBeforeIsServiceInstanceNotFound() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        assertEquals(List.of(), instanceServiceIds(p.productionId()), "not there yet");
        assertEquals(List.of("ServiceInstance not found"), gql.errors(Docs.PATCH_COMMIT, "environmentId", p.productionId(),
                "patch", Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "run"))))));
        assertEquals(List.of("ServiceInstance not found"), gql.errors(Docs.SERVICE_INSTANCE, "environmentId",
                p.productionId(), "serviceId", api));
        assertEquals(0, sandbox.stats().deploymentsFor("production", "api"));
        clock.advance(Duration.ofSeconds(2));
        assertEquals(List.of(api), instanceServiceIds(p.productionId()));
        assertEquals(1, sandbox.stats().deploymentsFor("production", "api"), "its source deploys once it is there");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "run")))));
    }

    @Test
    void aPatchThatAddsTheInstanceItselfNeedsNoWaitAndTheLateOneDoesNotReplaceIt() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("isCreated", true,
                "deploy", Map.of("startCommand", "run")))));
        clock.advance(Duration.ofSeconds(5));
        assertEquals("run", environmentView(p.productionId(), true)
                .at("/config/services/" + api + "/deploy/startCommand").asText());
    }

    @Test
    void aNewProjectIsMissingFromListsForAMomentButReadableById() {
        Project p = project("demo");
        String workspaceId = gql.data(Docs.PROJECT_WORKSPACE, "id", p.id()).at("/project/workspace/id").asText();
        assertEquals(0, gql.data(Docs.PROJECTS, "workspaceId", workspaceId).at("/projects/edges").size());
        assertEquals(0, gql.data(Docs.WORKSPACE, "id", workspaceId).at("/workspace/projects/edges").size());
        assertEquals("demo", gql.data(Docs.PROJECT, "id", p.id()).at("/project/name").asText());
        clock.advance(Duration.ofSeconds(2));
        assertEquals(1, gql.data(Docs.WORKSPACE, "id", workspaceId).at("/workspace/projects/edges").size());
    }

    @Test
    void aChangeSetAppliedInTheBackgroundStaysApplyingUntilItsDelayHasPassed() throws java.io.IOException {
        sandbox.close();
        sandbox = Sandbox.start(config().withDelays(Duration.ZERO, Duration.ofSeconds(3)));
        gql = Gql.account(sandbox);
        Project p = project("demo");
        service(p.id(), "api");
        JsonNode answer = gql.data(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(), "input",
                ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "A", "1")), "waitForCompletion", false)
                .get("environmentApplyChangeSet");
        assertEquals("applying", answer.get("status").asText());
        String id = answer.get("id").asText();
        clock.advance(Duration.ofSeconds(2));
        assertEquals("applying", poll(p.productionId(), id));
        clock.advance(Duration.ofSeconds(1));
        assertEquals("applied", poll(p.productionId(), id));
        JsonNode waited = gql.data(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(), "input",
                ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "B", "1"))).get("environmentApplyChangeSet");
        assertEquals("applied", waited.get("status").asText(), "waitForCompletion (the default) answers the end");
    }

    private String poll(String environmentId, String id) {
        return gql.data(Docs.CHANGE_SET_POLL, "environmentId", environmentId, "id", id)
                .at("/environmentChangeSetApply/status").asText();
    }

    private List<String> names(String projectId) {
        List<String> names = new java.util.ArrayList<>();
        gql.data(Docs.PROJECT, "id", projectId).at("/project/environments/edges")
                .forEach(e -> names.add(e.at("/node/name").asText()));
        return names;
    }

    @Test
    void validationErrorsCarryApollosCode() {
        JsonNode json = gql.post("query { me { nope } }").json();
        assertEquals("GRAPHQL_VALIDATION_FAILED", json.at("/errors/0/extensions/code").asText());
        assertFalse(json.at("/errors/0/extensions").has("classification"));
    }
}
