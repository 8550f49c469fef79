package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every wait the client makes for Railway (issue 16: quotas, eventual consistency, the read-back)
 * against scripted answers, with a sleeper that only records: each is announced through
 * {@link RequestListener#onWait} before it is slept, and each is bounded, with the exact waits.
 */
class RailwayWaitsTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ENV_QUOTA = "Whoa there pal! Only one environment can be created per user every 30s."
            + " Try again in a sec";

    private MockWebServer server;
    private RecordingSleeper sleeper;
    private RecordingRequestListener listener;
    private RailwayClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        sleeper = new RecordingSleeper();
        listener = new RecordingRequestListener();
        ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + server.getPort() + "/graphql/v2"),
                new Credentials.BearerToken(Secret.of("tok-waits-fixture")), "1.2.3", Duration.ofSeconds(5),
                Duration.ofSeconds(2), RetryPolicy.DEFAULT, sleeper, new Random(7), Clock.fixed(NOW, ZoneOffset.UTC),
                listener);
        client = new RailwayClient(new RailwayTransport(config));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void twoEnvironmentsGoOnePerRequestAtOnceWhileRailwayRefusesNone() {
        server.enqueue(ok("{\"data\":{\"environmentCreate\":{\"id\":\"env-2\",\"name\":\"qa\"}}}"));
        server.enqueue(ok("{\"data\":{\"environmentCreate\":{\"id\":\"env-3\",\"name\":\"demo\"}}}"));

        assertEquals(Map.of("qa", "env-2", "demo", "env-3"), client.createEnvironments("prj-1", List.of("qa", "demo")));

        assertEquals(2, server.getRequestCount(), "one request each");
        assertEquals(List.of(), sleeper.sleeps(), "no quota presumed: nothing refused, nothing waited");
        assertEquals(List.of(), listener.announcedWaits());
    }

    @Test
    void onceRailwayRefusesAnEnvironmentForTheQuotaItIsSentAgainAndTheLaterOnesAreSpacedByTheWindow() {
        server.enqueue(ok("{\"data\":{\"environmentCreate\":{\"id\":\"env-2\",\"name\":\"qa\"}}}"));
        server.enqueue(ok(refusal(ENV_QUOTA, "environmentCreate")));
        server.enqueue(ok("{\"data\":{\"environmentCreate\":{\"id\":\"env-3\",\"name\":\"demo\"}}}"));
        server.enqueue(ok("{\"data\":{\"environmentCreate\":{\"id\":\"env-4\",\"name\":\"e2e\"}}}"));

        assertEquals(Map.of("qa", "env-2", "demo", "env-3", "e2e", "env-4"),
                client.createEnvironments("prj-1", List.of("qa", "demo", "e2e")));

        assertEquals(4, server.getRequestCount(), "one refused request, the price of learning the quota");
        assertEquals(List.of(Duration.ofSeconds(31), Duration.ofSeconds(31)), sleeper.sleeps(),
                "demo after the refusal, e2e spaced from demo without being refused (the clock stands still)");
        assertEquals(List.of("environment demo: Railway creates one environment per user every 30 s (31 s)",
                "environment e2e: Railway creates one environment per user every 30 s (31 s)"),
                listener.announcedWaits());
    }

    @Test
    void anEnvironmentRefusedForTheQuotaIsSentAgainAfterTheWindowThreeSendsAtMost() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok(refusal(ENV_QUOTA, "environmentCreate")));
        }
        RailwayException e = assertThrows(RailwayException.class,
                () -> client.createEnvironments("prj-1", List.of("qa")));

        assertTrue(CreationQuota.refused(e), e.getMessage());
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(31), Duration.ofSeconds(31)), sleeper.sleeps(),
                "the window Railway names (30s), and a second, before each send again");
        assertEquals(Collections.nCopies(2, "environment qa: Railway creates one environment per user every 30 s (31 s)"),
                listener.announcedWaits());
    }

    @Test
    void newInstancesThatNeverShowAreWaitedFor30SecondsThenTheApplyStopsSayingTheServicesExist() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(ok("{\"data\":{\"e0\":{\"id\":\"env-1\",\"config\":{\"services\":{}}}}}"));
        }
        WaitGaveUpException e = assertThrows(WaitGaveUpException.class,
                () -> client.awaitInstances(Map.of("env-1", Set.of("svc-1")), Map.of("env-1", "production")));

        assertEquals(6, server.getRequestCount(), "a look at once, then one after each wait");
        assertEquals(Waits.VISIBILITY, sleeper.sleeps());
        assertEquals(List.of(1L, 2L, 4L, 8L, 15L), listener.announcedWaits().stream()
                .map(w -> Long.parseLong(w.replaceAll(".*\\((\\d+) s\\)$", "$1"))).toList());
        assertTrue(listener.announcedWaits().get(0).startsWith("the new services' instances in production: Railway"
                + " makes a new service's instances visible a moment after creating it"), listener.announcedWaits()::toString);
        assertEquals("Railway did not make the new services' instances in production visible within 30 s of creating"
                + " the services; they were created. Run tlctl apply again in a minute to finish.", e.getMessage());
    }

    @Test
    void newInstancesThatShowAfterAMomentAreWaitedForOnce() {
        server.enqueue(ok("{\"data\":{\"e0\":{\"id\":\"env-1\",\"config\":{\"services\":{}}}}}"));
        server.enqueue(ok("{\"data\":{\"e0\":{\"id\":\"env-1\",\"config\":{\"services\":{\"svc-1\":"
                + "{\"build\":{\"builder\":\"RAILPACK\"}}}}}}}"));

        assertEquals(Set.of("svc-1"), client.awaitInstances(Map.of("env-1", Set.of("svc-1")),
                Map.of("env-1", "production")).get("env-1").keySet());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.sleeps());
    }

    @Test
    void aNewProjectThatIsNeverListedIsLookedFor30SecondsThenTheApplyStopsSayingItWasCreated() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(ok(twins("")));
        }
        WaitGaveUpException e = assertThrows(WaitGaveUpException.class,
                () -> client.projectsNamed("ws-1", "tl-engine", "prj-1"));

        assertEquals(6, server.getRequestCount());
        assertEquals(Waits.VISIBILITY, sleeper.sleeps());
        assertEquals(5, listener.announcedWaits().size());
        assertTrue(listener.announcedWaits().stream().allMatch(w -> w.startsWith(
                "project tl-engine: Railway lists a new project a moment after creating it")), listener.announcedWaits()::toString);
        assertTrue(e.getMessage().startsWith("Railway does not list project tl-engine (prj-1) 30 s after creating it"),
                e.getMessage());
    }

    @Test
    void aReadBackThatStillDiffersIsReadAgainAfter2And4SecondsThenReported() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(ok(readProject()));
        }
        List<String> differences = client.readBack("tl-engine", "prj-1", project -> List.of("staging/variable/DEBUG"));

        assertEquals(List.of("staging/variable/DEBUG"), differences);
        assertEquals(3, server.getRequestCount());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), sleeper.sleeps());
        assertEquals(List.of(
                "the read-back of project tl-engine: Railway may not show a commit it has just made yet (2 s)",
                "the read-back of project tl-engine: Railway may not show a commit it has just made yet (4 s)"),
                listener.announcedWaits());
    }

    @Test
    void aReadBackThatMatchesAtOnceWaitsForNothing() {
        server.enqueue(ok(readProject()));
        assertEquals(List.of(), client.readBack("tl-engine", "prj-1", project -> List.of()));
        assertEquals(List.of(), sleeper.sleeps());
        assertEquals(List.of(), listener.announcedWaits());
    }

    // ---- scripted answers -------------------------------------------------------------------

    private static MockResponse ok(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    private static String refusal(String message, String field) {
        return "{\"errors\":[{\"message\":\"" + message + "\",\"path\":[\"" + field + "\"],"
                + "\"extensions\":{\"code\":\"INTERNAL_SERVER_ERROR\"}}],\"data\":null}";
    }

    private static String twins(String edges) {
        return "{\"data\":{\"workspace\":{\"projects\":{\"edges\":[" + edges
                + "],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}}}";
    }

    private static String readProject() {
        return "{\"data\":{\"project\":{\"id\":\"prj-1\",\"name\":\"tl-engine\",\"workspaceId\":\"ws-1\",\"deletedAt\":null,"
                + "\"environments\":{\"edges\":[{\"node\":{\"id\":\"env-1\",\"name\":\"staging\",\"sourceEnvironment\":null,"
                + "\"configEtag\":\"e1\",\"config\":{\"services\":{},\"sharedVariables\":{}}}}],"
                + "\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}},"
                + "\"services\":{\"edges\":[],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}},"
                + "\"volumes\":{\"edges\":[]}}}}";
    }
}
