package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.railway.RailwayException.Kind;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The transport to a sandbox served in process ({@link InProcessDoors}): the same answers, headers,
 * refusals, faults, rate limits and statistics as the same sandbox on loopback, and no network.
 */
class InProcessTransportTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String ME = "query Me { me { id name } }";
    private static final String PROJECTS = "query Projects { projects { edges { node { id name } } } }";
    private static final String CREATE = "mutation ProjectCreate($input: ProjectCreateInput!) {"
            + " projectCreate(input: $input) { id name environments { edges { node { name } } } } }";

    /** One sandbox, loopback or in process, and a transport to it. */
    private record Served(Sandbox sandbox, URI url) implements AutoCloseable {
        static Served loopback(SandboxConfig config) throws IOException {
            Sandbox sandbox = Sandbox.start(config);
            return new Served(sandbox, sandbox.graphqlUrl());
        }

        static Served inProcess(SandboxConfig config) throws IOException {
            Sandbox sandbox = Sandbox.startInProcess(config);
            return new Served(sandbox, InProcessDoors.open(sandbox.handler()));
        }

        RailwayTransport transport(Credentials credentials, RecordingSleeper sleeper) {
            return transport(credentials, sleeper, c -> c);
        }

        RailwayTransport transport(Credentials credentials, RecordingSleeper sleeper, UnaryOperator<ClientConfig> change) {
            return new RailwayTransport(change.apply(new ClientConfig(url, credentials, "1.2.3", Duration.ofSeconds(5),
                    Duration.ofSeconds(2), RetryPolicy.DEFAULT, sleeper, new Random(3), Clock.fixed(NOW, ZoneOffset.UTC),
                    RequestListener.NONE)));
        }

        Credentials account() {
            return new Credentials.BearerToken(Secret.of(sandbox.accountToken()));
        }

        @Override
        public void close() {
            InProcessDoors.close(url);
            sandbox.close();
        }
    }

    private static SandboxConfig config() {
        return SandboxConfig.defaults().withTiming(SandboxConfig.Timing.immediate()).withSeed(7)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withRateLimit(1000, 100);
    }

    private static GraphQLRequest read(String operation, String document) {
        return GraphQLRequest.read(operation, "read", document, Map.of());
    }

    private static GraphQLRequest create(String name) {
        return GraphQLRequest.create("projectCreate", "create project " + name, CREATE, Map.of("input", Map.of("name", name)));
    }

    /** What a client sees of a run of requests: the data of each, then the rate limit and the count. */
    private static List<String> conversation(Served served) {
        List<String> seen = new ArrayList<>();
        try (RailwayTransport transport = served.transport(served.account(), new RecordingSleeper())) {
            seen.add(transport.execute(read("me", ME)).toString());
            seen.add(transport.execute(create("shop")).toString());
            seen.add(transport.execute(read("projects", PROJECTS)).toString());
            seen.add(transport.lastRateLimit().orElseThrow().toString());
            seen.add("requests " + transport.requestCount());
        }
        seen.add(served.sandbox().stats().toString());
        return seen;
    }

    @Test
    void answersAsTheSameSandboxOnLoopbackDoes() throws IOException {
        List<String> loopback;
        try (Served served = Served.loopback(config())) {
            loopback = conversation(served);
        }
        try (Served served = Served.inProcess(config())) {
            List<String> inProcess = conversation(served);
            assertEquals(loopback, inProcess);
            assertTrue(inProcess.get(1).contains("\"name\":\"shop\""), inProcess.get(1));
            assertEquals("requests 3", inProcess.get(4));
            assertEquals(3, served.sandbox().stats().requests());
            assertEquals(1, served.sandbox().stats().mutations());
        }
    }

    @Test
    void aRequestWithoutTokenIsRefusedAsRailwayRefusesIt() throws IOException {
        try (Served served = Served.inProcess(config());
                RailwayTransport transport = served.transport(null, new RecordingSleeper())) {
            RailwayException e = assertThrows(RailwayException.class, () -> transport.execute(read("me", ME)));
            assertEquals(Kind.AUTH, e.kind());
            assertTrue(e.getMessage().contains("Not Authorized"), e.getMessage());
            assertEquals(1, served.sandbox().stats().requests(), "a refused request still counts");
        }
    }

    @Test
    void theRateLimitAnswers429WithRetryAfterAndTheTransportWaitsAsTold() throws IOException {
        RecordingSleeper sleeper = new RecordingSleeper();
        try (Served served = Served.inProcess(config().withRateLimit(1000, 1));
                RailwayTransport transport = served.transport(served.account(), sleeper,
                        c -> c.withRetryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(2)))) {
            transport.execute(read("me", ME));
            RailwayException e = assertThrows(RailwayException.class, () -> transport.execute(read("me", ME)));
            assertEquals(Kind.RATE_LIMITED, e.kind());
            assertEquals(2, e.attempts());
            assertEquals(List.of(Duration.ofSeconds(1)), sleeper.sleeps(), "Retry-After of the sandbox's 429");
            assertEquals(429, e.httpStatus());
            assertEquals(3, served.sandbox().stats().requests());
        }
    }

    @Test
    void aReadWhoseAnswerIsLostIsSentAgainAndAnInjectedStatusIsRetried() throws IOException {
        RecordingSleeper sleeper = new RecordingSleeper();
        try (Served served = Served.inProcess(config().withFaults("once:me=lost,once:projects=503"));
                RailwayTransport transport = served.transport(served.account(), sleeper)) {
            assertTrue(transport.execute(read("me", ME)).path("me").hasNonNull("id"), "answered on the second attempt");
            JsonNode projects = transport.execute(read("projects", PROJECTS));
            assertTrue(projects.path("projects").path("edges").isArray(), projects.toString());
            assertEquals(4, transport.requestCount());
            assertEquals(4, served.sandbox().stats().requests());
            assertEquals(2, sleeper.sleeps().size(), "one backoff after each failed attempt: " + sleeper.sleeps());
        }
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNotSentAgainAndItsOutcomeIsUnknown() throws IOException {
        try (Served served = Served.inProcess(config().withFaults("once:projectCreate=lost"));
                RailwayTransport transport = served.transport(served.account(), new RecordingSleeper())) {
            RailwayException e = assertThrows(RailwayException.class, () -> transport.execute(create("shop")));
            assertEquals(Kind.NETWORK, e.kind());
            assertTrue(e.outcomeUnknown(), "the sandbox made the project: " + e.getMessage());
            assertEquals(1, e.attempts());
            assertEquals(1, served.sandbox().stats().mutations());
            assertTrue(transport.execute(read("projects", PROJECTS)).toString().contains("\"name\":\"shop\""),
                    "the lost create was made and saved");
        }
    }

    @Test
    void aDroppedCreateIsNotSentAgainEither() throws IOException {
        try (Served served = Served.inProcess(config().withFaults("once:projectCreate=drop"));
                RailwayTransport transport = served.transport(served.account(), new RecordingSleeper())) {
            RailwayException e = assertThrows(RailwayException.class, () -> transport.execute(create("shop")));
            assertTrue(e.outcomeUnknown());
            assertEquals(1, transport.requestCount());
            assertFalse(transport.execute(read("projects", PROJECTS)).toString().contains("shop"), "dropped: not made");
        }
    }

    @Test
    void aClosedSandboxIsUnreachableAndNothingWasSent() throws IOException {
        Served served = Served.inProcess(config());
        try (RailwayTransport transport = served.transport(served.account(), new RecordingSleeper(),
                c -> c.withRetryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(2)))) {
            served.sandbox().close();
            RailwayException e = assertThrows(RailwayException.class, () -> transport.execute(create("shop")));
            assertEquals(Kind.NETWORK, e.kind());
            assertFalse(e.outcomeUnknown(), "refused before the sandbox read it: " + e.getMessage());
            assertEquals(2, e.attempts(), "never sent, so safe to send again, even a create");
        } finally {
            served.close();
        }
    }

    @Test
    void aDoorUrlIsRefusedOnceClosedAndIsNoLoopbackAddress() throws IOException {
        URI url;
        try (Served served = Served.inProcess(config())) {
            url = served.url();
            assertEquals("http", url.getScheme());
            assertTrue(url.getHost().endsWith(".invalid"), "never resolvable: " + url);
            ClientConfig.of(url, null, "1.2.3"); // accepted while open
        }
        URI closed = url;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ClientConfig.of(closed, null, "1.2.3"));
        assertTrue(e.getMessage().contains("only sent over HTTPS"), e.getMessage());
    }
}
