package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.railway.RailwayException.Kind;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RailwayTransportTest {
    private static final String TOKEN = "tok-9f8e7d6c-5b4a-fixture";
    private static final String SECRET_VALUE = "hunter2-db-password-fixture";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String READ = "query EnvironmentEtag($id: String!) { environment(id: $id) { id configEtag } }";
    private static final String CREATE = "mutation ServiceCreate($input: ServiceCreateInput!) { serviceCreate(input: $input) { id name } }";
    private static final String PATCH = "mutation EnvironmentPatchCommit($environmentId: String!, $patch: EnvironmentConfig,"
            + " $commitMessage: String) { environmentPatchCommit(environmentId: $environmentId, patch: $patch,"
            + " commitMessage: $commitMessage) }";

    private MockWebServer server;
    private RecordingSleeper sleeper;
    private RecordingRequestListener listener;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        sleeper = new RecordingSleeper();
        listener = new RecordingRequestListener();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- protocol ---------------------------------------------------------------------------

    @Test
    void sendsThePostWithHeadersQueryParameterAndBody() throws Exception {
        server.enqueue(ok("{\"data\":{\"environment\":{\"id\":\"env-1\",\"configEtag\":\"e1\"}}}"));
        try (RailwayTransport transport = transport(bearer())) {
            JsonNode data = transport.execute(read());
            assertEquals("e1", data.path("environment").path("configEtag").asText());
            assertEquals(1, transport.requestCount());
        }
        RecordedRequest recorded = take();
        assertEquals("POST", recorded.getMethod());
        assertEquals("/graphql/v2?source=tlctl", recorded.getTarget());
        assertEquals("tlctl/1.2.3", recorded.getHeaders().get("x-source"));
        assertEquals("tlctl/1.2.3", recorded.getHeaders().get("User-Agent"));
        assertEquals("application/json", recorded.getHeaders().get("Content-Type"));
        assertEquals("Bearer " + TOKEN, recorded.getHeaders().get("Authorization"));
        assertNull(recorded.getHeaders().get("Project-Access-Token"));
        JsonNode body = JSON.readTree(recorded.getBody().utf8());
        assertEquals(READ, body.path("query").asText());
        assertEquals("env-1", body.path("variables").path("id").asText());
        assertEquals("EnvironmentEtag", body.path("operationName").asText());
    }

    @Test
    void appendsTheSourceParameterToAnExistingQuery() throws Exception {
        server.enqueue(ok("{\"data\":{}}"));
        URI endpoint = URI.create("http://127.0.0.1:" + server.getPort() + "/graphql/v2?team=a%20b");
        ClientConfig withQuery = new ClientConfig(endpoint, null, "1.2.3", Duration.ofSeconds(5), Duration.ofSeconds(5),
                RetryPolicy.NONE, sleeper, new Random(1), Clock.fixed(NOW, ZoneOffset.UTC), listener);
        try (RailwayTransport transport = new RailwayTransport(withQuery)) {
            transport.execute(read());
        }
        RecordedRequest recorded = take();
        assertEquals("/graphql/v2?team=a%20b&source=tlctl", recorded.getTarget());
        assertNull(recorded.getHeaders().get("Authorization"));
        assertNull(recorded.getHeaders().get("Project-Access-Token"));
    }

    @Test
    void sendsAProjectTokenInItsOwnHeaderAndItWinsOverTheApiToken() throws Exception {
        server.enqueue(ok("{\"data\":{}}"));
        Credentials fromEnv = Credentials.fromEnvironment(
                Map.of("RAILWAY_TOKEN", TOKEN, "RAILWAY_API_TOKEN", "at-other-fixture")).orElseThrow();
        try (RailwayTransport transport = transport(fromEnv)) {
            transport.execute(read());
        }
        RecordedRequest recorded = take();
        assertEquals(TOKEN, recorded.getHeaders().get("Project-Access-Token"));
        assertNull(recorded.getHeaders().get("Authorization"));
    }

    @Test
    void revealsSecretVariablesOnlyIntoTheBody() throws Exception {
        server.enqueue(ok("{\"data\":{\"environmentPatchCommit\":\"patch-1\"}}"));
        Map<String, Object> patch = Map.of("services", Map.of("svc-1", Map.of("variables",
                Map.of("DATABASE_URL", Map.of("value", Secret.of(SECRET_VALUE))))));
        GraphQLRequest request = patch(patch);
        try (RailwayTransport transport = transport(bearer())) {
            assertEquals("patch-1", transport.execute(request).path("environmentPatchCommit").asText());
        }
        JsonNode body = JSON.readTree(take().getBody().utf8());
        assertEquals(SECRET_VALUE,
                body.at("/variables/patch/services/svc-1/variables/DATABASE_URL/value").asText());
        assertTrue(body.path("variables").has("commitMessage") && body.at("/variables/commitMessage").isNull());
        assertFalse(request.toString().contains(SECRET_VALUE));
        assertNoSecrets(listener.events());
    }

    @Test
    void recordsRateLimitHeadersAndCountsEveryAttempt() {
        long reset = NOW.plusSeconds(1800).getEpochSecond();
        server.enqueue(new MockResponse.Builder().code(503).body("upstream unavailable").build());
        server.enqueue(ok("{\"data\":{}}").newBuilder()
                .addHeader("X-RateLimit-Limit", "1000")
                .addHeader("X-RateLimit-Remaining", "998")
                .addHeader("X-RateLimit-Reset", String.valueOf(reset))
                .build());
        try (RailwayTransport transport = transport(bearer())) {
            assertTrue(transport.lastRateLimit().isEmpty());
            transport.execute(read());
            RateLimitStatus status = transport.lastRateLimit().orElseThrow();
            assertEquals(1000L, status.limit());
            assertEquals(998L, status.remaining());
            assertEquals(Instant.ofEpochSecond(reset), status.resetsAt());
            assertEquals(NOW, status.observedAt());
            assertEquals(2, transport.requestCount());
        }
        assertTrue(RateLimitStatus.parse(name -> null, NOW).isEmpty());
        assertEquals(NOW.plusSeconds(60), RateLimitStatus.parse(name -> name.equals("X-RateLimit-Reset") ? "60" : null, NOW)
                .orElseThrow().resetsAt());
        assertNull(RateLimitStatus.parse(name -> "soon", NOW).orElse(null));
    }

    // ---- auth and GraphQL errors -------------------------------------------------------------

    @Test
    void http401IsAnAuthFailureNamingTheCredentialAndItsVariable() {
        server.enqueue(new MockResponse.Builder().code(401)
                .body("{\"errors\":[{\"message\":\"Not Authorized\"}]}").build());
        RailwayException e = fail(bearer(), read());
        assertEquals(Kind.AUTH, e.kind());
        assertEquals(401, e.httpStatus());
        assertEquals("Not Authorized", e.railwayMessage());
        assertEquals("Could not read the config etag of environment staging: Railway answered \"Not Authorized\""
                + " (environment, HTTP 401). tlctl used an account or workspace token (RAILWAY_API_TOKEN): check that"
                + " RAILWAY_API_TOKEN holds a valid token that reaches this workspace and project (a workspace token"
                + " reaches only its own workspace).", e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void http403WithAProjectTokenSaysWhatAProjectTokenCannotDo() {
        server.enqueue(new MockResponse.Builder().code(403).body("Forbidden").build());
        RailwayException e = fail(project(), create());
        assertEquals(Kind.AUTH, e.kind());
        assertEquals(403, e.httpStatus());
        assertTrue(e.getMessage().startsWith(
                "Could not create service engine-api: Railway answered \"Forbidden\" (serviceCreate, HTTP 403)."),
                e.getMessage());
        assertTrue(e.getMessage().contains("a project token (RAILWAY_TOKEN)"), e.getMessage());
        assertTrue(e.getMessage().contains(
                "reaches one environment of one project and cannot create projects or environments or read billing"));
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void notAuthorizedInGraphQLErrorsOnHttp200IsAnAuthFailure() {
        server.enqueue(ok("{\"data\":null,\"errors\":[{\"message\":\"You are not authorized to do this\","
                + "\"path\":[\"projectCreate\"]}]}"));
        RailwayException e = fail(project(), read());
        assertEquals(Kind.AUTH, e.kind());
        assertEquals(200, e.httpStatus());
        assertEquals("projectCreate", e.errors().get(0).path());
    }

    @Test
    void unknownProjectTokenPointsAtRailwayToken() {
        server.enqueue(ok("{\"errors\":[{\"message\":\"Project Token not found\"}]}"));
        RailwayException e = fail(project(), read());
        assertEquals(Kind.AUTH, e.kind());
        assertTrue(e.getMessage().contains("Railway does not know the project token in RAILWAY_TOKEN"), e.getMessage());
    }

    @Test
    void twoFactorRequirementNamesTheWorkspace() {
        server.enqueue(ok("{\"data\":null,\"errors\":[{\"message\":\"Two Factor Authentication Required\","
                + "\"extensions\":{\"code\":\"TWO_FACTOR_REQUIRED\",\"workspaceName\":\"Acme Labs\"}}]}"));
        RailwayException e = fail(bearer(), patch(Map.of()));
        assertEquals(Kind.TWO_FACTOR, e.kind());
        assertEquals("Could not commit the config of environment staging: Railway answered \"Two Factor Authentication"
                + " Required\" (environmentPatchCommit, HTTP 200). Workspace \"Acme Labs\" requires two-factor"
                + " authentication. Token authentication skips the Railway CLI's 2FA prompt, but the account behind the"
                + " token must have 2FA configured: enable it in the Railway account settings, then run the command"
                + " again.", e.getMessage());
        assertEquals("TWO_FACTOR_REQUIRED", e.errors().get(0).code());
    }

    @Test
    void anyGraphQLErrorFailsTheCallEvenWithPartialData() {
        server.enqueue(ok("{\"data\":{\"s0\":{\"id\":\"svc-1\",\"name\":\"api\"},\"s1\":null},"
                + "\"errors\":[{\"message\":\"Service name already taken\",\"path\":[\"s1\"]}]}"));
        RailwayException e = fail(bearer(), patch(Map.of()));
        assertEquals(Kind.GRAPHQL, e.kind());
        assertEquals("Could not commit the config of environment staging: Railway answered \"Service name already"
                + " taken\" (environmentPatchCommit, HTTP 200).", e.getMessage());
        assertEquals("svc-1", e.partialData().orElseThrow().path("s0").path("id").asText());
        assertEquals("s1", e.errors().get(0).path());
        assertFalse(e.outcomeUnknown());
        assertEquals(1, server.getRequestCount());
    }

    // ---- malformed answers -------------------------------------------------------------------

    @Test
    void malformedJsonOn200IsReportedWithoutQuotingTheBody() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
                .body("<html>DATABASE_URL=postgres://very-private</html>").build());
        RailwayException e = fail(bearer(), read());
        assertEquals(Kind.MALFORMED, e.kind());
        assertEquals("Could not read the config etag of environment staging: Railway sent an answer that is not JSON"
                + " (text/html, 49 bytes) (environment, HTTP 200).", e.getMessage());
        assertFalse(e.getMessage().contains("very-private"));
        assertFalse(e.outcomeUnknown());
    }

    @Test
    void truncatedJsonOnAWriteLeavesTheOutcomeUnknown() {
        server.enqueue(ok("{\"data\":{\"serviceCreate\":{\"id\":"));
        RailwayException e = fail(bearer(), create());
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.outcomeUnknown());
        assertTrue(e.getMessage().contains("may have been applied"), e.getMessage());
    }

    @Test
    void emptyBodyAndJsonWithoutDataAreMalformed() {
        server.enqueue(new MockResponse.Builder().code(200).build());
        RailwayException empty = fail(bearer(), read());
        assertEquals(Kind.MALFORMED, empty.kind());
        assertEquals("Could not read the config etag of environment staging: Railway sent an empty answer"
                + " (environment, HTTP 200).", empty.getMessage());

        server.enqueue(ok("{\"extensions\":{}}"));
        RailwayException neither = fail(bearer(), read());
        assertEquals(Kind.MALFORMED, neither.kind());
        assertTrue(neither.getMessage().contains("neither a data object nor errors"), neither.getMessage());
    }

    @Test
    void aNonJsonErrorBodyIsQuotedUpTo200Characters() {
        String page = "<html><body>" + "x".repeat(500) + "</body></html>";
        server.enqueue(new MockResponse.Builder().code(502).body(page).build());
        RailwayException e = fail(bearer(), read(), RetryPolicy.NONE);
        assertEquals(Kind.HTTP, e.kind());
        assertEquals(page.substring(0, 200) + "…", e.railwayMessage());
        assertTrue(e.getMessage().contains("(environment, HTTP 502)"));
    }

    @Test
    void redirectsAreNotFollowed() {
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", "https://elsewhere.example/graphql").build());
        RailwayException e = fail(project(), read());
        assertEquals(Kind.HTTP, e.kind());
        assertEquals(307, e.httpStatus());
        assertTrue(e.getMessage().contains("does not follow redirects"), e.getMessage());
        assertEquals(1, server.getRequestCount());
    }

    // ---- retries -----------------------------------------------------------------------------

    @Test
    void http429HonoursRetryAfterSecondsThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").build());
        server.enqueue(ok("{\"data\":{\"serviceCreate\":{\"id\":\"svc-1\"}}}"));
        try (RailwayTransport transport = transport(bearer())) {
            // Railway did not process a rate-limited request: even a create is retried.
            assertEquals("svc-1", transport.execute(create()).at("/serviceCreate/id").asText());
            assertEquals(2, transport.requestCount());
        }
        assertEquals(List.of(Duration.ofSeconds(7)), sleeper.sleeps());
        assertEquals(List.of(Duration.ofSeconds(7)), listener.waits());
        assertTrue(listener.events().get(2).endsWith("HTTP 429 (rate limited, Retry-After 7 s)"), listener.events().get(2));
        assertEquals(2, listener.documents().size());
    }

    @Test
    void http429HonoursRetryAfterAsAnHttpDate() {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(42).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", date).build());
        server.enqueue(ok("{\"data\":{}}"));
        try (RailwayTransport transport = transport(bearer())) {
            transport.execute(read());
        }
        assertEquals(List.of(Duration.ofSeconds(42)), sleeper.sleeps());
    }

    @Test
    void http429BeyondTheTimeBudgetFailsAtOnceSayingWhenToRetry() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "600")
                .body("{\"errors\":[{\"message\":\"Rate limit exceeded\"}]}").build());
        server.enqueue(ok("{\"data\":{}}"));
        RailwayException e = fail(bearer(), read());
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(600L, e.retryAfterSeconds().orElseThrow());
        assertEquals("Could not read the config etag of environment staging: Railway answered \"Rate limit exceeded\""
                + " (environment, HTTP 429). Railway asked to retry after 600 s, more than the 120 s that tlctl still"
                + " waits for one request: run the command again after 2026-03-02T10:10:00Z. " + Hints.PLAN_LIMITS,
                e.getMessage());
        assertTrue(e.getMessage().contains("Free 100 per hour; Hobby 1,000 per hour and 10 per second; Pro 10,000"
                + " per hour and 50 per second"));
        assertEquals(List.of(), sleeper.sleeps());
        assertEquals(1, server.getRequestCount());
    }

    @Test
    void http5xxOnAReadIsRetriedWithJitteredBackoff() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(ok("{\"data\":{\"environment\":{\"id\":\"env-1\"}}}"));
        try (RailwayTransport transport = transport(bearer())) {
            assertEquals("env-1", transport.execute(read()).at("/environment/id").asText());
        }
        List<Duration> waits = sleeper.sleeps();
        assertEquals(2, waits.size());
        assertBetween(waits.get(0), 0, 500);
        assertBetween(waits.get(1), 0, 1000);
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void http5xxOnACreateIsNotRetriedAndLeavesTheOutcomeUnknown() {
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(ok("{\"data\":{}}"));
        RailwayException e = fail(bearer(), create());
        assertEquals(Kind.HTTP, e.kind());
        assertEquals(502, e.httpStatus());
        assertTrue(e.outcomeUnknown());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.sleeps());
    }

    @Test
    void retriesAreBoundedInAttempts() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(new MockResponse.Builder().code(503).body("try later").build());
        }
        RailwayException e = fail(bearer(), read());
        assertEquals(Kind.HTTP, e.kind());
        assertEquals(5, e.attempts());
        assertEquals(5, server.getRequestCount());
        assertTrue(e.getMessage().endsWith(" Gave up after 5 attempts."), e.getMessage());
        assertTrue(e.getMessage().startsWith("Could not read the config etag of environment staging: Railway answered"
                + " \"try later\" (environment, HTTP 503)."), e.getMessage());
        List<Duration> waits = sleeper.sleeps();
        assertEquals(4, waits.size());
        long[] ceilings = {500, 1000, 2000, 4000};
        for (int i = 0; i < 4; i++) {
            assertBetween(waits.get(i), 0, ceilings[i]);
        }
        assertEquals(waits, listener.waits());
    }

    @Test
    void retriesAreBoundedInWaitingTime() {
        for (int i = 0; i < 5; i++) {
            server.enqueue(new MockResponse.Builder().code(503).build());
        }
        // Always the ceiling: 500 ms, then 1000 ms would pass the 1.2 s budget.
        RandomGenerator highest = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        ClientConfig config = config(bearer()).withRandom(highest)
                .withRetryPolicy(RetryPolicy.DEFAULT.withMaxTotalWait(Duration.ofMillis(1200)));
        RailwayException e;
        try (RailwayTransport transport = new RailwayTransport(config)) {
            e = assertThrows(RailwayException.class, () -> transport.execute(read()));
        }
        assertEquals(List.of(Duration.ofMillis(500)), sleeper.sleeps());
        assertEquals(2, e.attempts());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void retryAfterEatsTheBudgetTooThenFailsAsRateLimited() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2").build());
        ClientConfig config = config(bearer()).withRetryPolicy(RetryPolicy.DEFAULT.withMaxTotalWait(Duration.ofSeconds(3)));
        RailwayException e;
        try (RailwayTransport transport = new RailwayTransport(config)) {
            e = assertThrows(RailwayException.class, () -> transport.execute(read()));
        }
        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(2L, e.retryAfterSeconds().orElseThrow());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.sleeps());
        assertTrue(e.getMessage().contains("more than the 1 s that tlctl still waits"), e.getMessage());
    }

    @Test
    void aDroppedConnectionOnAReadIsRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("{\"data\":{\"environment\":{\"id\":\"env-1\"}}}"));
        try (RailwayTransport transport = transport(bearer())) {
            assertEquals("env-1", transport.execute(read()).at("/environment/id").asText());
        }
        assertEquals(2, server.getRequestCount());
        assertEquals(1, sleeper.sleeps().size());
        assertTrue(listener.events().stream().anyMatch(ev -> ev.contains("connection dropped")), listener.events().toString());
    }

    @Test
    void aDroppedConnectionOnACreateIsNeverResent() {
        server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        server.enqueue(ok("{\"data\":{\"serviceCreate\":{\"id\":\"svc-2\"}}}"));
        RailwayException e = fail(bearer(), create());
        assertEquals(Kind.NETWORK, e.kind());
        assertTrue(e.outcomeUnknown());
        assertEquals(0, e.httpStatus());
        assertEquals(1, server.getRequestCount());
        assertEquals(List.of(), sleeper.sleeps());
        assertTrue(e.getMessage().startsWith("Could not create service engine-api: the connection to Railway was lost"
                + " before its answer came ("), e.getMessage());
        assertTrue(e.getMessage().contains("(serviceCreate, no HTTP answer). " + Hints.OUTCOME_UNKNOWN), e.getMessage());
        assertTrue(e.getMessage().contains("the change may have been applied"));
        assertTrue(e.getMessage().contains("Running the command again reads the live state first and converges"));
    }

    @Test
    void theRequestsTypeNotItsTextDecidesWhetherALostAnswerLeavesTheOutcomeUnknown() throws Exception {
        // Built as a write although its text reads as a query: the transport never reads the document.
        GraphQLRequest write = GraphQLRequest.idempotentWrite("environment", "touch environment staging", READ,
                Map.of("id", "env-1"));
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ClientConfig config = config(bearer()).withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(2));
        RailwayException e;
        try (RailwayTransport transport = new RailwayTransport(config)) {
            e = assertThrows(RailwayException.class, () -> transport.execute(write));
        }
        assertTrue(e.outcomeUnknown());
        JsonNode body = JSON.readTree(take().getBody().utf8());
        assertTrue(body.path("operationName").isMissingNode(), "a request without a name sends none: " + body);
    }

    @Test
    void aConnectionThatNeverOpenedIsRetriedEvenForACreate() throws IOException {
        int port;
        try (MockWebServer closed = new MockWebServer()) {
            closed.start(InetAddress.getByName("127.0.0.1"), 0);
            port = closed.getPort();
        }
        ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + port + "/graphql/v2"), bearer(), "1.2.3",
                Duration.ofSeconds(5), Duration.ofSeconds(2), RetryPolicy.DEFAULT.withMaxAttempts(3), sleeper,
                new Random(3), Clock.fixed(NOW, ZoneOffset.UTC), listener);
        RailwayException e;
        try (RailwayTransport transport = new RailwayTransport(config)) {
            e = assertThrows(RailwayException.class, () -> transport.execute(create()));
            assertEquals(3, transport.requestCount());
        }
        assertEquals(Kind.NETWORK, e.kind());
        assertFalse(e.outcomeUnknown());
        assertEquals(3, e.attempts());
        assertEquals(2, sleeper.sleeps().size());
        assertTrue(e.getMessage().startsWith("Could not create service engine-api: tlctl could not reach Railway ("),
                e.getMessage());
        assertTrue(e.getMessage().contains("Check the network connection and that 127.0.0.1 is reachable"));
    }

    @Test
    void aTimeoutOnAReadIsReportedAndNotRetried() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ClientConfig config = config(bearer()).withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(2));
        RailwayException e;
        try (RailwayTransport transport = new RailwayTransport(config)) {
            e = assertThrows(RailwayException.class, () -> transport.execute(read()));
        }
        assertEquals(Kind.TIMEOUT, e.kind());
        assertFalse(e.outcomeUnknown());
        assertEquals(1, server.getRequestCount());
        assertEquals("Could not read the config etag of environment staging: Railway did not answer within 300 ms"
                + " (environment, no HTTP answer). Railway may be slow or overloaded: run the command again later.",
                e.getMessage());
    }

    @Test
    void aTimeoutOnACreateLeavesTheOutcomeUnknown() {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        ClientConfig config = config(bearer()).withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(2));
        RailwayException e;
        try (RailwayTransport transport = new RailwayTransport(config)) {
            e = assertThrows(RailwayException.class, () -> transport.execute(create()));
        }
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.outcomeUnknown());
        assertEquals(1, server.getRequestCount());
        assertTrue(e.getMessage().contains(Hints.OUTCOME_UNKNOWN));
    }

    // ---- secrets -----------------------------------------------------------------------------

    @Test
    void noMessageToStringOrEventHoldsTheTokenOrASecretValue() {
        // Railway quoting an input value back, a proxy echoing headers, and a 2xx non-JSON body.
        server.enqueue(ok("{\"errors\":[{\"message\":\"Variable \\\"$patch\\\" got invalid value \\\"" + SECRET_VALUE
                + "\\\"; token " + TOKEN + " rejected\",\"extensions\":{\"code\":\"" + SECRET_VALUE + "\"}}]}"));
        server.enqueue(new MockResponse.Builder().code(400)
                .body("Bad request. Authorization: Bearer " + TOKEN + " body: " + SECRET_VALUE).build());
        server.enqueue(new MockResponse.Builder().code(200).body("token=" + TOKEN).build());
        server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"bad token " + TOKEN + "\"}").build());
        Map<String, Object> patch = Map.of("sharedVariables", Map.of("DB", Map.of("value", Secret.of(SECRET_VALUE))));
        List<String> texts = new java.util.ArrayList<>();
        try (RailwayTransport transport = transport(bearer())) {
            for (int i = 0; i < 4; i++) {
                RailwayException e = assertThrows(RailwayException.class, () -> transport.execute(patch(patch)));
                texts.add(e.getMessage());
                texts.add(e.toString());
                texts.add(e.railwayMessage());
                e.errors().forEach(err -> texts.add(err.toString()));
            }
            texts.add(transport.toString());
            texts.add(transport.config().toString());
        }
        texts.addAll(listener.events());
        texts.add(patch(patch).toString());
        assertNoSecrets(texts);
        assertTrue(texts.get(0).contains("got invalid value \"(sensitive)\"; token (sensitive) rejected"), texts.get(0));
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static void assertNoSecrets(List<String> texts) {
        for (String text : texts) {
            assertFalse(text.contains(TOKEN), "token in: " + text);
            assertFalse(text.contains(SECRET_VALUE), "secret in: " + text);
            assertFalse(text.contains("hunter2"), "secret in: " + text);
        }
    }

    private static void assertBetween(Duration d, long minMillis, long maxMillis) {
        assertTrue(d.toMillis() >= minMillis && d.toMillis() <= maxMillis, d + " not in [" + minMillis + ", " + maxMillis + "] ms");
    }

    private RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertTrue(r != null, "no request reached the server");
        return r;
    }

    private static MockResponse ok(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    private static Credentials bearer() {
        return new Credentials.BearerToken(Secret.of(TOKEN));
    }

    private static Credentials project() {
        return new Credentials.ProjectAccessToken(Secret.of(TOKEN));
    }

    private static GraphQLRequest read() {
        return new GraphQLRequest("environment", "read the config etag of environment staging", READ, "EnvironmentEtag",
                GraphQLRequest.OperationType.QUERY, Map.of("id", "env-1"), true);
    }

    private static GraphQLRequest create() {
        return GraphQLRequest.create("serviceCreate", "create service engine-api", CREATE,
                Map.of("input", Map.of("projectId", "prj-1", "name", "engine-api")));
    }

    private static GraphQLRequest patch(Map<String, Object> patch) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("environmentId", "env-1");
        variables.put("patch", patch);
        variables.put("commitMessage", null);
        return GraphQLRequest.idempotentWrite("environmentPatchCommit", "commit the config of environment staging",
                PATCH, variables);
    }

    private ClientConfig config(Credentials credentials) {
        return new ClientConfig(URI.create("http://127.0.0.1:" + server.getPort() + "/graphql/v2"), credentials, "1.2.3",
                Duration.ofSeconds(5), Duration.ofSeconds(2), RetryPolicy.DEFAULT, sleeper, new Random(42),
                Clock.fixed(NOW, ZoneOffset.UTC), listener);
    }

    private RailwayTransport transport(Credentials credentials) {
        return new RailwayTransport(config(credentials));
    }

    private RailwayException fail(Credentials credentials, GraphQLRequest request) {
        return fail(credentials, request, RetryPolicy.DEFAULT);
    }

    private RailwayException fail(Credentials credentials, GraphQLRequest request, RetryPolicy policy) {
        try (RailwayTransport transport = new RailwayTransport(config(credentials).withRetryPolicy(policy))) {
            return assertThrows(RailwayException.class, () -> transport.execute(request));
        }
    }
}
