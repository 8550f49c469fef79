package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.live.LiveDomain;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveVolumeInstance;
import dev.tlctl.railway.ClientConfig;
import dev.tlctl.railway.Credentials;
import dev.tlctl.railway.DeploymentPoller;
import dev.tlctl.railway.EnvironmentPatch;
import dev.tlctl.railway.ProjectWrites;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.RailwayException;
import dev.tlctl.railway.RailwayTransport;
import dev.tlctl.railway.ReadTarget;
import dev.tlctl.railway.RecordingRequestListener;
import dev.tlctl.railway.RetryPolicy;
import dev.tlctl.railway.RuntimeCalls;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.secret.Secret;
import dev.tlctl.testing.TickingClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's reads and calls for what runs, against the sandbox on a driven clock (deploy time
 * 60 s): deployments, domains and volumes come with the one project read; the poller follows
 * deployments with one request per round, backing off, bounded by its timeout; the calls deploy,
 * roll back, read logs, create and delete domains and volumes.
 */
class RuntimeClientTest {
    final TickingClock clock = TickingClock.still(Instant.parse("2026-09-10T10:00:00Z"));
    final List<Duration> sleeps = new ArrayList<>();
    final RecordingRequestListener recorder = new RecordingRequestListener();
    Sandbox sandbox;
    RailwayClient client;
    Gql gql;
    String projectId;
    String production;
    String api;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate())
                .withRateLimit(1_000_000, 1_000_000).withClock(clock).withDeployTime(Duration.ofSeconds(60)));
        ClientConfig config = new ClientConfig(sandbox.graphqlUrl(),
                new Credentials.BearerToken(Secret.of(sandbox.accountToken())), "1.2.3", Duration.ofSeconds(10),
                Duration.ofSeconds(2), RetryPolicy.DEFAULT, duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                }, new Random(7), clock, recorder);
        client = new RailwayClient(new RailwayTransport(config));
        gql = Gql.bearer(sandbox.graphqlUrl(), sandbox.accountToken(), clock::advance);
        var created = gql.data("mutation ProjectCreate($input: ProjectCreateInput!) { projectCreate(input: $input) {"
                + " id environments { edges { node { id } } } } }", Map.of("input", Map.of("name", "demo")));
        projectId = created.at("/projectCreate/id").asText();
        production = created.at("/projectCreate/environments/edges/0/node/id").asText();
        api = gql.data("mutation ServiceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) { id } }",
                Map.of("input", Map.of("projectId", projectId, "name", "api", "source", Map.of("image", "nginx:1"))))
                .at("/serviceCreate/id").asText();
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    LiveProject read() {
        return client.read(new ReadTarget("demo", projectId, null, null)).state().project();
    }

    @Test
    void deploymentsDomainsAndVolumesComeWithTheOneProjectRead() {
        RuntimeCalls calls = client.runtime();
        LiveDomain railway = calls.createServiceDomain(production, api, 8080, "api in production");
        assertTrue(railway.domain().endsWith(".up.railway.app"), railway::domain);
        LiveDomain custom = calls.createCustomDomain(projectId, production, api, "api.example.com", null,
                "api in production");
        assertEquals("CNAME", custom.dnsRecords().get(0).type());
        assertEquals("api.example.com", custom.dnsRecords().get(0).name());
        String volumeId = calls.createVolume(projectId, production, api, "/data", "api in production");

        int before = client.requestCount();
        LiveProject project = read();
        assertEquals(1, client.requestCount() - before, "one request, as before");
        LiveRuntime.Instance instance = project.runtime().instance(production, api).orElseThrow();
        assertEquals(LiveDeployment.Status.INITIALIZING, instance.latest().status());
        assertEquals("nginx:1", instance.latest().image());
        assertNull(instance.active(), "nothing serves yet");
        assertEquals(List.of(railway.domain(), "api.example.com"), instance.domains().stream()
                .map(LiveDomain::domain).toList());
        assertEquals(8080, instance.domains().get(0).targetPort());
        LiveVolumeInstance volume = project.runtime().volumes(production).get(0);
        assertEquals(new LiveVolumeInstance(volumeId, "api-volume", production, api, "/data", 5000), volume);

        clock.advance(Duration.ofSeconds(60));
        instance = read().runtime().instance(production, api).orElseThrow();
        assertEquals(LiveDeployment.Status.SUCCESS, instance.latest().status());
        assertEquals(instance.latest().id(), instance.active().id());

        calls.deleteDomain(railway, "api in production");
        calls.deleteDomain(custom, "api in production");
        calls.renameVolume(volumeId, "data");
        assertEquals("data", read().runtime().volumes(production).get(0).volumeName());
        calls.deleteVolume(volumeId, "data");
        LiveProject after = read();
        assertEquals(List.of(), after.runtime().instance(production, api).orElseThrow().domains());
        assertEquals(List.of(), after.runtime().volumes(production));
    }

    @Test
    void thePollerFollowsDeploymentsWithOneRequestPerRoundBackingOff() {
        DeploymentPoller.Instance key = new DeploymentPoller.Instance(production, api);
        int before = client.requestCount();
        DeploymentPoller.Outcome outcome = client.deployments().await(projectId, Map.of(key, "none-before"),
                Duration.ofMinutes(10), "api in production");
        assertFalse(outcome.timedOut());
        assertEquals(LiveDeployment.Status.SUCCESS, outcome.deployments().get(key).status());
        // 2 + 3 + 5 + 8 + 13 + 15 + 15 = 61 s: the deployment took 60 s.
        assertEquals(List.of(2L, 3L, 5L, 8L, 13L, 15L, 15L), sleeps.stream().map(Duration::getSeconds).toList());
        assertEquals(8, outcome.rounds());
        assertEquals(outcome.rounds(), client.requestCount() - before, "one request per round");
        assertEquals(7, recorder.announcedWaits().size(), "each wait says why");
        assertTrue(recorder.announcedWaits().get(0).contains("deployments still in progress"),
                recorder.announcedWaits()::toString);

        // The deployment it started from does not count: a new one must appear and end.
        String done = outcome.deployments().get(key).id();
        sleeps.clear();
        outcome = client.deployments().await(projectId, Map.of(key, done), Duration.ofSeconds(30), "api in production");
        assertTrue(outcome.timedOut());
        assertNull(outcome.deployments().get(key));
        assertEquals(Duration.ofSeconds(30), sleeps.stream().reduce(Duration.ZERO, Duration::plus), "bounded");
    }

    @Test
    void aFailedDeploymentEndsTheWaitAndItsLogsSayWhy() {
        DeploymentPoller.Instance key = new DeploymentPoller.Instance(production, api);
        clock.advance(Duration.ofSeconds(60));
        String first = client.deployments().poll(projectId).get(key).id();
        sandbox.failDeployments("demo", "production", "api", "crash");
        String second = client.runtime().deploy(production, api, "api in production");
        DeploymentPoller.Outcome outcome = client.deployments().await(projectId, Map.of(key, first),
                Duration.ofMinutes(5), "api in production");
        LiveDeployment crashed = outcome.deployments().get(key);
        assertEquals(second, crashed.id());
        assertTrue(crashed.status().failed());
        List<RuntimeCalls.LogLine> lines = client.runtime().lastLogLines(second, 3, "api in production");
        assertEquals("Container exited with code 1", lines.get(lines.size() - 1).message());

        // The first still serves (a crash replaces nothing). A healthy deploy, then back to the first.
        sandbox.failDeployments("demo", "production", "api", "none");
        String third = client.runtime().redeploy(first, "api in production");
        clock.advance(Duration.ofSeconds(60));
        assertEquals(third, client.deployments().poll(projectId).get(key).id());
        client.runtime().rollback(first, "api in production");
        clock.advance(Duration.ofSeconds(10));
        // While the rollback builds, Railway refuses another deploy ("Cannot redeploy yet"): nothing was written,
        // so the client waits for the build to end, saying why each time, and sends it again.
        sleeps.clear();
        int waitsBefore = recorder.announcedWaits().size();
        String fourth = client.runtime().redeploy(first, "api in production");
        // Built from 6 s to 36 s of its 60: refused at 10, 15 and 25 s, accepted at 40 s.
        assertEquals(List.of(5L, 10L, 15L), sleeps.stream().map(Duration::getSeconds).toList());
        List<String> said = recorder.announcedWaits().subList(waitsBefore, recorder.announcedWaits().size());
        assertEquals(3, said.size(), said::toString);
        assertTrue(said.get(0).startsWith("api in production: a deployment of it is still building, and Railway refuses"
                + " to redeploy until the build ends (\"Cannot redeploy yet\")"), said::toString);
        clock.advance(Duration.ofSeconds(60));
        LiveDeployment back = client.deployments().poll(projectId).get(key);
        assertEquals(fourth, back.id());
        assertEquals(LiveDeployment.Status.SUCCESS, back.status());
        client.runtime().remove(back.id(), "api in production");
        assertEquals(LiveDeployment.Status.REMOVED, client.deployments().poll(projectId).get(key).status());
    }

    @Test
    void aPatchRefusedWhileBuildingIsNotSentAgainOverAnotherWritersChange() {
        clock.advance(Duration.ofSeconds(60));
        String etag = read().environment("production").orElseThrow().configEtag();
        client.runtime().deploy(production, api, "api in production");
        clock.advance(Duration.ofSeconds(10)); // building: Railway refuses the patch below
        // While tlctl waits out the build, another writer changes the config (its etag moves).
        Runnable other = () -> gql.data("mutation VariableUpsert($input: VariableUpsertInput!) {"
                + " variableUpsert(input: $input) }", Map.of("input", Map.of("projectId", projectId,
                "environmentId", production, "serviceId", api, "name", "OTHER", "value", "theirs", "skipDeploys", true)));
        List<Runnable> onSleep = new ArrayList<>(List.of(other));
        ClientConfig config = new ClientConfig(sandbox.graphqlUrl(),
                new Credentials.BearerToken(Secret.of(sandbox.accountToken())), "1.2.3", Duration.ofSeconds(10),
                Duration.ofSeconds(2), RetryPolicy.DEFAULT, duration -> {
                    clock.advance(duration);
                    onSleep.forEach(Runnable::run);
                    onSleep.clear();
                }, new Random(7), clock, recorder);
        try (RailwayClient writer = new RailwayClient(new RailwayTransport(config))) {
            EnvironmentPatch patch = new EnvironmentPatch().setVariable(api, "MINE", Secret.of("ours"), false, false);
            RuntimeException e = assertThrows(RuntimeException.class, () -> writer.commit(
                    List.of(ProjectWrites.EnvironmentWrite.patch(production, "production", patch, etag)), null, "t"));
            assertTrue(e.getMessage().contains("environment production changed on Railway after the plan was made"),
                    e::getMessage);
        }
        clock.advance(Duration.ofSeconds(60));
        LiveProject after = read();
        var variables = after.environment("production").orElseThrow().instances().get(api).variables();
        assertTrue(variables.containsKey("OTHER"), "the other writer's change stays");
        assertFalse(variables.containsKey("MINE"), "tlctl's patch was not sent again over it");
    }
}
