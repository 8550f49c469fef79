package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.e2e.World.Run;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service's whole life on the sandbox, whose deployments take their time on the scene's clock
 * (moved only by tlctl's waits and the test): {@code apply --wait} follows exactly what the apply
 * deployed, a failing service ends it with exit 1 and its last log lines, {@code --timeout} ends
 * it cleanly; {@code deploy}, {@code status} and {@code rollback}, each with its request count.
 */
class DeployAndWaitTest extends E2eTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** Requests whose operation is DeploymentStatuses: the polls of a wait. */
    private static long polls(World w) {
        return w.stats().operation("DeploymentStatuses");
    }

    @Test
    void applyWaitSucceedsOnTheRepositorySpecAndWaitsOnlyForWhatDeployed() {
        World w = world();
        Run first = w.tlctl("apply", "--yes", "--wait");
        assertEquals(0, first.code(), first::toString);
        assertTrue(first.err().contains("  production/engine-api: SUCCESS (deployment "), first::toString);
        assertTrue(first.err().contains("  staging/engine-api: SUCCESS (deployment "), first::toString);
        // Deployments take 5 s: polled at once, then after 2 and 3 s; one request per round for both.
        assertTrue(first.out().contains("Deployed: 2 deployments serving after 5s (3 polls)."), first::toString);
        assertEquals(3, polls(w), first::toString);

        // A change of staging only: the wait follows staging's deployment, not production's.
        w.later();
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"2\""));
        long before = polls(w);
        Run staging = w.tlctl("apply", "--yes", "--wait");
        assertEquals(0, staging.code(), staging::toString);
        assertTrue(staging.err().contains("  staging/engine-api: SUCCESS"), staging::toString);
        assertFalse(staging.err().contains("production/engine-api:"), staging::toString);
        assertTrue(staging.out().contains("Deployed: 1 deployment serving"), staging::toString);
        assertEquals(1, w.stats().deploymentsFor("production", "engine-api"));
        assertEquals(2, w.stats().deploymentsFor("staging", "engine-api"));
        assertEquals(3, polls(w) - before, staging::toString);

        // Replicas alone redeploy nothing, and no changes at all neither: --wait returns at once, without a poll.
        w.later();
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2"));
        before = polls(w);
        Run scaled = w.tlctl("apply", "--yes", "--wait");
        assertEquals(0, scaled.code(), scaled::toString);
        assertTrue(scaled.out().contains("Nothing deploys: no deployment to wait for."), scaled::toString);
        Run nothing = w.tlctl("apply", "--yes", "--wait");
        assertEquals(0, nothing.code(), nothing::toString);
        assertTrue(nothing.out().contains("No changes."), nothing::toString);
        assertEquals(before, polls(w), "no poll when nothing deploys");
        assertEquals(2, w.stats().deploymentsFor("staging", "engine-api"));
    }

    @Test
    void aServiceMadeToFailEndsTheWaitWithExitOneNamingItAndItsLastLogLines() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        w.sandbox.failDeployments(World.PROJECT, "staging", "engine-api", "crash");
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"3\""));
        Run failed = w.tlctl("apply", "--yes", "--wait", "--json");
        assertEquals(1, failed.code(), failed::toString);
        assertTrue(failed.err().contains("Error: the deployment of engine-api in staging CRASHED (deployment "),
                failed::toString);
        assertTrue(failed.err().contains("  Last log lines:\n"), failed::toString);
        assertTrue(failed.err().contains("    | Container exited with code 1"), failed::toString);
        assertTrue(failed.err().contains("`tlctl rollback --env staging --service engine-api`"), failed::toString);

        List<JsonNode> events = new ArrayList<>();
        for (String line : failed.out().split("\n")) {
            events.add(JSON.readTree(line));
        }
        JsonNode result = events.get(events.size() - 1);
        assertEquals("result", result.path("event").asText());
        assertFalse(result.path("succeeded").asBoolean(), result::toString);
        assertEquals("applied", result.path("status").asText(), "the config was applied; the deployment failed");
        JsonNode rollout = result.path("rollout");
        assertEquals("failed", rollout.path("status").asText(), rollout::toString);
        JsonNode crashed = rollout.path("deployments").path(0);
        assertEquals("staging", crashed.path("environment").asText());
        assertEquals("CRASHED", crashed.path("status").asText());
        assertTrue(crashed.path("logLines").toString().contains("Container exited with code 1"), crashed::toString);
        List<String> statuses = events.stream().filter(e -> e.path("event").asText().equals("deployment"))
                .map(e -> e.path("status").asText()).toList();
        assertEquals("CRASHED", statuses.get(statuses.size() - 1), statuses::toString);
        assertTrue(failed.err().contains("  staging/engine-api: CRASHED"), "progress on stderr too");
    }

    @Test
    void aTimeoutEndsTheWaitCleanlyWithinItsBound() {
        // A 30-minute deployment initializes for 3 of them.
        World w = world(c -> c.withDeployTime(Duration.ofMinutes(30)));
        Run slow = w.tlctl("apply", "--yes", "--wait", "--timeout", "1m");
        assertEquals(1, slow.code(), slow::toString);
        assertTrue(slow.err().contains("Error: still deploying after 1m 0s: production/engine-api (INITIALIZING),"
                + " staging/engine-api (INITIALIZING)."), slow::toString);
        assertTrue(slow.err().contains("Follow them with `tlctl status`"), slow::toString);
        // 2 + 3 + 5 + 8 + 13 + 15 = 46 s, then 14 s: the wait sleeps exactly its timeout, one poll per round.
        List<Long> tail = slow.sleeps().subList(slow.sleeps().size() - 7, slow.sleeps().size()).stream()
                .map(Duration::getSeconds).toList();
        assertEquals(List.of(2L, 3L, 5L, 8L, 13L, 15L, 14L), tail, slow::toString);
        assertEquals(8, polls(w), slow::toString);
        assertTrue(slow.out().contains("Apply complete:"), "the apply itself succeeded: " + slow);
    }

    @Test
    void deployOfOneServiceInOneEnvironmentMakesExactlyOneDeployment() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        Run deploy = w.tlctl("deploy", "--service", "engine-api", "--env", "staging");
        assertEquals(0, deploy.code(), deploy::toString);
        assertTrue(deploy.out().contains("Deploying staging/engine-api: deployment "), deploy::toString);
        assertEquals(2, w.stats().deploymentsFor("staging", "engine-api"));
        assertEquals(1, w.stats().deploymentsFor("production", "engine-api"));
        assertEquals(2, deploy.requests(), "one read, one deploy: " + deploy);
        assertEquals(1, deploy.mutations(), deploy::toString);

        // While it builds, another deploy waits for the build to end first (Railway would refuse it), saying why.
        Run again = w.tlctl("deploy", "--env", "staging", "--wait");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.err().contains("tlctl: waiting 2s for staging/engine-api: a deployment there is still building,"
                + " and Railway refuses to redeploy until the build ends."), again::toString);
        assertEquals(3, w.stats().deploymentsFor("staging", "engine-api"));

        Run unknown = w.tlctl("deploy", "--service", "nope");
        assertEquals(64, unknown.code(), unknown::toString);
        Run disabled = w.tlctl("deploy", "--service", "engine-worker", "--env", "staging");
        assertEquals(1, disabled.code(), disabled::toString);
        assertTrue(disabled.err().contains("the spec does not run engine-worker in staging"), disabled::toString);
    }

    @Test
    void statusShowsEveryServiceAndExitsTwoWhileOneBuildsWithOneRequest() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        Run building = w.tlctl("status");
        assertEquals(2, building.code(), building::toString);
        assertEquals(1, building.requests(), building::toString);
        assertTrue(building.out().contains("production\n"), building::toString);
        assertTrue(building.out().contains("staging\n"), building::toString);
        assertTrue(building.out().contains("Not healthy: production/engine-api (INITIALIZING),"
                + " staging/engine-api (INITIALIZING)."), building::toString);

        w.clock.advance(Duration.ofSeconds(2));
        Run json = w.tlctl("status", "--env", "staging", "--json");
        assertEquals(2, json.code(), json::toString);
        JsonNode doc = JSON.readTree(json.out());
        assertFalse(doc.path("healthy").asBoolean());
        JsonNode api = doc.path("environments").path(0).path("services").path(0);
        assertEquals("engine-api", api.path("name").asText(), doc::toString);
        assertEquals("BUILDING", api.path("status").asText(), doc::toString);
        assertEquals("main", api.path("branch").asText(), doc::toString);

        w.later();
        Run healthy = w.tlctl("status", "--output", "markdown");
        assertEquals(0, healthy.code(), healthy::toString);
        assertTrue(healthy.out().startsWith("## Status of tl-engine: healthy"), healthy::toString);
        assertTrue(healthy.out().contains("| engine-api | SUCCESS |"), healthy::toString);

        // Staging sleeps when idle (its overlay): SLEEPING ten minutes on, and that is healthy.
        w.clock.advance(Duration.ofMinutes(11));
        Run asleep = w.tlctl("status", "--env", "staging");
        assertEquals(0, asleep.code(), asleep::toString);
        assertTrue(asleep.out().contains("SLEEPING"), asleep::toString);
    }

    @Test
    void rollbackReturnsToThePreviousDeploymentAndRefusesOutsideTheRetentionWindow() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        String first = JSON.readTree(w.tlctl("status", "--env", "staging", "--json").out())
                .at("/environments/0/services/0/deploymentId").asText();
        assertEquals(0, w.tlctl("deploy", "--env", "staging", "--wait").code());

        Run back = w.tlctl("rollback", "--env", "staging", "--service", "engine-api", "--wait", "--json");
        assertEquals(0, back.code(), back::toString);
        String[] lines = back.out().split("\n");
        JsonNode result = JSON.readTree(lines[lines.length - 1]);
        assertEquals(first, result.path("to").asText(), result::toString);
        assertEquals("succeeded", result.at("/rollout/status").asText(), result::toString);
        String rolledBack = result.at("/rollout/deployments/0/deploymentId").asText();
        JsonNode deployment = w.gql.data("query D($id: String!) { deployment(id: $id) { status meta } }",
                Map.of("id", rolledBack)).path("deployment");
        assertEquals("SUCCESS", deployment.path("status").asText());
        assertEquals("rollback", deployment.path("meta").path("reason").asText(), deployment::toString);

        // Past Railway's retention window (72 h on Hobby), nothing earlier can be rolled back to.
        w.clock.advance(Duration.ofHours(73));
        Run old = w.tlctl("rollback", "--env", "staging", "--service", "engine-api");
        assertEquals(1, old.code(), old::toString);
        assertTrue(old.err().contains("no earlier deployment of staging/engine-api can be rolled back to"), old::toString);
        Run named = w.tlctl("rollback", "--env", "staging", "--service", "engine-api", "--to", first);
        assertEquals(1, named.code(), named::toString);
        assertTrue(named.err().contains("cannot roll staging/engine-api back to deployment " + first), named::toString);
        assertTrue(named.err().contains("outside Railway's retention window"), named::toString);
        assertEquals(0, old.mutations() + named.mutations(), "nothing was changed");
    }

    @Test
    void sandboxFailOnTheStateFileMakesTheNextBuildFailForARunningSandbox() {
        World w = world(c -> c.withStateFile(dir.resolve("sandbox-state.json")));
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        Run fail = w.tlctl("sandbox", "fail", "--state", "sandbox-state.json", "--env", "production", "--service",
                "engine-api", "build");
        assertEquals(0, fail.code(), fail::toString);
        assertEquals("the next deployments of tl-engine/production/engine-api fail: build\n", fail.out());
        Run deploy = w.tlctl("deploy", "--env", "production", "--wait");
        assertEquals(1, deploy.code(), deploy::toString);
        assertTrue(deploy.err().contains("Error: the deployment of engine-api in production FAILED"), deploy::toString);
        assertEquals(0, w.tlctl("sandbox", "fail", "--state", "sandbox-state.json", "--env", "production",
                "--service", "engine-api", "none").code());
        assertEquals(0, w.tlctl("deploy", "--env", "production", "--wait").code());

        Run unknown = w.tlctl("sandbox", "fail", "--state", "sandbox-state.json", "--env", "production", "--service",
                "engine-api", "melt");
        assertEquals(64, unknown.code(), unknown::toString);
        Run missing = w.tlctl("sandbox", "fail", "--state", "sandbox-state.json", "--env", "production", "--service",
                "nope", "crash");
        assertEquals(1, missing.code(), missing::toString);
        assertTrue(missing.err().contains("Environment production has no service named nope"), missing::toString);
    }
}
