package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LivePullRequestSettings;
import dev.tlctl.railway.ClientConfig;
import dev.tlctl.railway.Credentials;
import dev.tlctl.railway.PullRequestSettingsWrite;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.RailwayTransport;
import dev.tlctl.railway.ReadTarget;
import dev.tlctl.railway.RecordingRequestListener;
import dev.tlctl.railway.RetryPolicy;
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
 * The client's calls for previews against the sandbox (its creation quota on, on a driven clock):
 * the pull request settings come with the one project read and are set with one projectUpdate;
 * an ephemeral environment is created under the quota, read with its creation time, and deleted
 * alone.
 */
class PreviewClientTest {
    final TickingClock clock = TickingClock.still(Instant.parse("2026-09-10T10:00:00Z"));
    final List<Duration> sleeps = new ArrayList<>();
    Sandbox sandbox;
    RailwayClient client;
    String projectId;
    String production;

    @BeforeEach
    void start() throws IOException {
        // The creation quota on (no delays): tlctl learns it from the sandbox's refusal, as from Railway's.
        sandbox = Sandbox.start(SandboxConfig.defaults()
                .withTiming(new SandboxConfig.Timing(true, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .withRateLimit(1_000_000, 1_000_000).withClock(clock));
        ClientConfig config = new ClientConfig(sandbox.graphqlUrl(),
                new Credentials.BearerToken(Secret.of(sandbox.accountToken())), "1.2.3", Duration.ofSeconds(10),
                Duration.ofSeconds(2), RetryPolicy.DEFAULT, duration -> {
                    sleeps.add(duration);
                    clock.advance(duration);
                }, new Random(7), clock, new RecordingRequestListener());
        client = new RailwayClient(new RailwayTransport(config));
        Gql gql = Gql.bearer(sandbox.graphqlUrl(), sandbox.accountToken(), clock::advance);
        var created = gql.data("mutation ProjectCreate($input: ProjectCreateInput!) { projectCreate(input: $input) {"
                + " id environments { edges { node { id } } } } }", Map.of("input", Map.of("name", "demo")));
        projectId = created.at("/projectCreate/id").asText();
        production = created.at("/projectCreate/environments/edges/0/node/id").asText();
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
    void thePullRequestSettingsAreReadWithTheProjectAndSetInOneRequest() {
        int before = client.requestCount();
        assertEquals(new LivePullRequestSettings(false, null, false, false), read().pullRequests());
        assertEquals(1, client.requestCount() - before, "in the project's one read");

        before = client.requestCount();
        LivePullRequestSettings set = client.updatePullRequests(projectId, "demo",
                new PullRequestSettingsWrite(true, production, true, null));
        assertEquals(1, client.requestCount() - before);
        assertEquals(new LivePullRequestSettings(true, production, true, false), set);
        assertEquals(set, read().pullRequests());

        client.updatePullRequests(projectId, "demo", new PullRequestSettingsWrite(null, null, null, true));
        assertEquals(new LivePullRequestSettings(true, production, true, true), read().pullRequests(),
                "a field not given is left as it was");
    }

    @Test
    void previewsAreEphemeralCreatedUnderTheQuotaAndDeletedAlone() {
        String first = client.createEphemeralEnvironment(projectId, "pr-1");
        Instant created = clock.instant();
        String second = client.createEphemeralEnvironment(projectId, "pr-2");
        assertEquals(List.of(Duration.ofSeconds(31)), sleeps,
                "the second create, refused for the quota, waits out Railway's window and goes again");

        LiveProject project = read();
        LiveEnvironment pr1 = project.environment("pr-1").orElseThrow();
        assertEquals(first, pr1.id());
        assertTrue(pr1.ephemeral());
        assertEquals(created, pr1.createdAt());
        assertFalse(project.environment("production").orElseThrow().ephemeral());
        LiveEnvironment productionBefore = project.environment("production").orElseThrow();

        int before = client.requestCount();
        client.deleteEnvironment(first, "pr-1");
        assertEquals(1, client.requestCount() - before);
        LiveProject after = read();
        assertEquals(List.of("production", "pr-2"), after.environments().stream().map(LiveEnvironment::name).toList());
        assertEquals(second, after.environment("pr-2").orElseThrow().id());
        assertEquals(productionBefore, after.environment("production").orElseThrow());
    }
}
