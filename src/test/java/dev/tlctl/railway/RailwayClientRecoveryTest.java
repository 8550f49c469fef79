package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveState;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client above the transport against scripted answers: a create whose answer is lost is read
 * back and never blindly repeated (only what is still missing is created), and GraphQL errors
 * become messages that name the operation and what tlctl was doing.
 */
class RailwayClientRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private MockWebServer server;
    private RecordingSleeper sleeper;
    private RailwayClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        sleeper = new RecordingSleeper();
        ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + server.getPort() + "/graphql/v2"),
                new Credentials.BearerToken(Secret.of("tok-recovery-fixture")), "1.2.3", Duration.ofSeconds(5),
                Duration.ofSeconds(2), RetryPolicy.DEFAULT, sleeper, new Random(7), Clock.fixed(NOW, ZoneOffset.UTC),
                RequestListener.NONE);
        client = new RailwayClient(new RailwayTransport(config));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String twins(String edges) {
        return "{\"data\":{\"workspace\":{\"projects\":{\"edges\":[" + edges
                + "],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}}}";
    }

    @Test
    void aLostProjectCreateIsFoundByNameOnceListedAndNotSentAgain() throws Exception {
        server.enqueue(lost());
        server.enqueue(ok(twins("")));
        server.enqueue(ok(twins("{\"node\":{\"id\":\"prj-1\",\"name\":\"tl-engine\","
                + "\"createdAt\":\"2026-03-02T10:00:00Z\",\"deletedAt\":null}}")));
        server.enqueue(ok(readProject("[" + environment("env-1", "production", null) + "]", "[]")));

        ProjectWrites.CreatedProject created = client.createProject("tl-engine", "ws-1", "production");

        assertEquals("prj-1", created.id());
        assertEquals("env-1", created.defaultEnvironmentId());
        assertFalse(created.byOther());
        List<String> bodies = bodies(4);
        assertTrue(bodies.get(0).contains("projectCreate"), bodies.get(0));
        assertEquals(1, bodies.stream().filter(b -> b.contains("projectCreate")).count(), "created once: " + bodies);
        assertTrue(bodies.get(1).contains("ProjectTwins") && bodies.get(3).contains("ReadProject"), bodies.toString());
        assertEquals(List.of(Duration.ofSeconds(1)), sleeper.sleeps(),
                "a lost create is not retried: it is looked for until Railway lists it");
    }

    @Test
    void aLostProjectCreateThatNeverLandedIsCreatedOnceAfterLookingFor30Seconds() throws Exception {
        server.enqueue(lost());
        for (int look = 0; look < 6; look++) {
            server.enqueue(ok(twins("")));
        }
        server.enqueue(ok("""
                {"data":{"projectCreate":{"id":"prj-2","name":"tl-engine","workspaceId":"ws-1","environments":{"edges":[
                  {"node":{"id":"env-2","name":"production","configEtag":"e0"}}]}}}}"""));

        assertEquals("prj-2", client.createProject("tl-engine", "ws-1", "production").id());
        List<String> bodies = bodies(8);
        assertEquals(2, bodies.stream().filter(b -> b.contains("projectCreate")).count(), bodies.toString());
        assertEquals(Waits.VISIBILITY, sleeper.sleeps().subList(0, 5), "looked for, bounded: " + sleeper.sleeps());
        assertEquals(6, sleeper.sleeps().size(), "then the create budget's one back-off: " + sleeper.sleeps());
    }

    @Test
    void aProjectRefusedForTheQuotaWaitsAndIsFoundIfAnotherRunMadeIt() throws Exception {
        server.enqueue(ok("""
                {"errors":[{"message":"You are creating projects too quickly. This workspace allows 1 project per 30 seconds. Try again shortly.","path":["projectCreate"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"""));
        server.enqueue(ok("""
                {"data":{"me":{"workspaces":[{"id":"ws-1","name":"Acme","projects":{"edges":[
                  {"node":{"id":"prj-1","name":"tl-engine","deletedAt":null}}],
                  "pageInfo":{"hasNextPage":false,"endCursor":null}}}]},"externalWorkspaces":[]}}"""));
        server.enqueue(ok(readProject("[" + environment("env-1", "production", null) + "]", "[]")));

        ProjectWrites.CreatedProject created = client.createProject("tl-engine", "ws-1", "production");

        assertTrue(created.byOther(), "made by another run: this one made nothing");
        assertEquals("prj-1", created.id());
        assertEquals(List.of(Duration.ofSeconds(31)), sleeper.sleeps(), "the window Railway named, and a second");
        assertEquals(1, bodies(3).stream().filter(b -> b.contains("projectCreate")).count());
    }

    @Test
    void lostServiceCreatesAreReadBackAndOnlyTheMissingOneIsCreated() throws Exception {
        server.enqueue(lost());
        server.enqueue(ok(readProject("[" + environment("env-1", "production", null) + "]",
                "[{\"node\":{\"id\":\"svc-1\",\"name\":\"engine-api\"}}]")));
        server.enqueue(ok("{\"data\":{\"s0\":{\"id\":\"svc-2\",\"name\":\"engine-worker\"}}}"));

        Map<String, String> ids = client.createServices("prj-1", List.of("engine-api", "engine-worker"));

        assertEquals(Map.of("engine-api", "svc-1", "engine-worker", "svc-2"), ids);
        List<String> bodies = bodies(3);
        assertTrue(bodies.get(0).contains("engine-api") && bodies.get(0).contains("engine-worker"), bodies.get(0));
        assertTrue(bodies.get(1).contains("query ReadProject(") && bodies.get(1).contains("\"billing\":false"), bodies.get(1));
        assertTrue(bodies.get(2).contains("engine-worker"), bodies.get(2));
        assertFalse(bodies.get(2).contains("engine-api"), "engine-api exists and is not created again: " + bodies.get(2));
    }

    @Test
    void aLostEnvironmentCreateIsReadBackAndNotSentAgain() throws Exception {
        server.enqueue(lost());
        server.enqueue(ok(readProject("[" + environment("env-1", "production", null) + ","
                + environment("env-2", "staging", "env-1") + "]", "[]")));

        Map<String, String> created = client.createEnvironments("prj-1", List.of("staging"));

        assertEquals("env-2", created.get("staging"));
        List<String> bodies = bodies(2);
        assertTrue(bodies.get(0).contains("environmentCreate"), bodies.get(0));
        assertFalse(bodies.get(0).contains("sourceEnvironmentId"), "created empty: " + bodies.get(0));
        assertFalse(bodies.get(1).contains("environmentCreate"), bodies.get(1));
    }

    @Test
    void aRefusedCreateIsReportedNamingTheOperationAndNotRetried() throws Exception {
        server.enqueue(ok("{\"errors\":[{\"message\":\"You have reached the project limit of your plan\"}],\"data\":null}"));

        RailwayException e = assertThrows(RailwayException.class,
                () -> client.createProject("tl-engine", "ws-1", "production"));

        assertEquals(RailwayException.Kind.GRAPHQL, e.kind());
        assertEquals("projectCreate", e.operation());
        assertEquals("Could not create project tl-engine: Railway answered \"You have reached the project limit of your"
                + " plan\" (projectCreate, HTTP 200).", e.getMessage());
        assertEquals(1, server.getRequestCount(), "a refused create is neither read back nor repeated");
    }

    @Test
    void graphQLErrorsOfACommitNameTheOperationAndTheEnvironment() {
        server.enqueue(ok("{\"errors\":[{\"message\":\"Environment not found\",\"path\":[\"p0\"]}],\"data\":null}"));
        EnvironmentPatch patch = new EnvironmentPatch().setVariable(null, "DEBUG", Secret.of("1"), false, false);

        RailwayException e = assertThrows(RailwayException.class,
                () -> client.commit(List.of(ProjectWrites.EnvironmentWrite.patch("env-9", "staging", patch)), null,
                        "tlctl apply"));

        assertEquals("Could not commit the config of environment staging: Railway answered \"Environment not found\""
                + " (environmentPatchCommit, HTTP 200).", e.getMessage());
        assertEquals(1, server.getRequestCount(), "a GraphQL error is an answer, not a fault: no retry");
    }

    @Test
    void graphQLErrorsOfTheReadNameTheOperationAndTheProject() {
        server.enqueue(ok("{\"errors\":[{\"message\":\"Problem processing request\"}],\"data\":null}"));

        RailwayException e = assertThrows(RailwayException.class,
                () -> client.read(ReadTarget.byName("tl-engine", "ws-1")));

        assertEquals("myWorkspaces", e.operation());
        assertEquals("Could not find project tl-engine: Railway answered \"Problem processing request\""
                + " (myWorkspaces, HTTP 200).", e.getMessage());
    }

    @Test
    void aReadByIdIsOneRequest() throws Exception {
        server.enqueue(ok(readProject("[" + environment("env-1", "production", null) + "]", "[]")
                .replace("\"project\":{", "\"project\":{\"workspace\":{\"id\":\"ws-1\",\"name\":\"Acme\",\"customer\":"
                        + "{\"id\":\"cus-1\",\"currentUsage\":1.5,\"usageLimit\":null}},")));

        LiveState state = client.read(new ReadTarget("tl-engine", "prj-1", null, null)).state();

        assertEquals("prj-1", state.project().id());
        assertEquals("cus-1", state.workspace().customerId());
        assertEquals(1, server.getRequestCount());
        assertTrue(bodies(1).get(0).contains("query ReadProject("));
    }

    @Test
    void aCreateThatKeepsFailingWhileReadsSucceedGivesUpWithinItsBudget() {
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                if (body.contains("serviceCreate")) {
                    return new MockResponse.Builder().code(502).body("Bad Gateway").build();
                }
                return ok(readProject("[" + environment("env-1", "production", null) + "]", "[]"));
            }
        });

        RuntimeException e = assertThrows(RuntimeException.class,
                () -> client.createServices("prj-1", List.of("engine-api")));

        assertEquals("CreateGaveUpException", e.getClass().getSimpleName());
        assertTrue(e.getMessage().startsWith("Could not create service engine-api: gave up after 5 attempts in 0 s (tlctl sends a"
                + " create at most 5 times within 2 minutes per apply). Whether the last attempt created it is unknown: a"
                + " read found it missing. The last failure: Could not create services engine-api"), e.getMessage());
        assertEquals(10, server.getRequestCount(), "5 creates, each read back once; then it stops");
        assertEquals(4, sleeper.sleeps().size(), "a backoff before each of the 4 re-sends");
        assertTrue(sleeper.sleeps().stream().allMatch(d -> d.toMillis() >= 500), sleeper.sleeps()::toString);
    }

    // ---- scripted answers -------------------------------------------------------------------

    private static MockResponse lost() {
        // Railway received the request (it may have acted on it), then the connection dropped.
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    private static MockResponse ok(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    private static String environment(String id, String name, String source) {
        return "{\"node\":{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"sourceEnvironment\":"
                + (source == null ? "null" : "{\"id\":\"" + source + "\"}") + ",\"configEtag\":\"etag-" + id
                + "\",\"config\":{\"services\":{},\"sharedVariables\":{}}}}";
    }

    private static String readProject(String environments, String services) {
        return "{\"data\":{\"project\":{\"id\":\"prj-1\",\"name\":\"tl-engine\",\"workspaceId\":\"ws-1\",\"deletedAt\":null,"
                + "\"environments\":{\"edges\":" + environments + ",\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}},"
                + "\"services\":{\"edges\":" + services + ",\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}},"
                + "\"volumes\":{\"edges\":[]}}}}";
    }

    private List<String> bodies(int expected) throws InterruptedException {
        assertEquals(expected, server.getRequestCount());
        List<String> out = new ArrayList<>();
        for (int i = 0; i < expected; i++) {
            RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
            out.add(request.getBody() == null ? "" : request.getBody().utf8());
        }
        return out;
    }
}
