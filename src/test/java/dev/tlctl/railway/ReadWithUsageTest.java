package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveUsage;
import dev.tlctl.live.LiveUsage.Measurement;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The project read with its usage: one ReadProject with {@code $usage}, mapped to {@link LiveUsage}
 * (unpriced measurements left out, missing tags kept as null); a token that may not read billing
 * gets the project without it, and no usage.
 */
class ReadWithUsageTest {
    private MockWebServer server;
    private RailwayClient client;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + server.getPort() + "/graphql/v2"),
                new Credentials.BearerToken(Secret.of("tok-usage-fixture")), "1.2.3", Duration.ofSeconds(5),
                Duration.ofSeconds(2), RetryPolicy.DEFAULT, new RecordingSleeper(), new Random(7),
                Clock.fixed(Instant.parse("2026-11-16T00:00:00Z"), ZoneOffset.UTC), RequestListener.NONE);
        client = new RailwayClient(new RailwayTransport(config));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static MockResponse ok(String json) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
    }

    private static final String PROJECT = "\"id\":\"prj-1\",\"name\":\"tl-engine\",\"workspaceId\":\"ws-1\",\"deletedAt\":null,"
            + "\"environments\":{\"edges\":[],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}},"
            + "\"services\":{\"edges\":[],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}},\"volumes\":{\"edges\":[]}";

    @Test
    void theUsageComesInTheProjectsOneRequest() throws Exception {
        server.enqueue(ok("{\"data\":{\"project\":{" + PROJECT + ",\"workspace\":{\"id\":\"ws-1\",\"name\":\"Acme\","
                + "\"customer\":{\"id\":\"cus-1\",\"currentUsage\":12.5,\"billingPeriod\":{\"start\":\"2026-11-01T00:00:00Z\","
                + "\"end\":\"2026-12-01T00:00:00Z\"},\"usageLimit\":{\"softLimit\":25,\"hardLimit\":null,\"isOverLimit\":false}}}},"
                + "\"usage\":[{\"measurement\":\"CPU_USAGE\",\"value\":120.5,\"tags\":{\"environmentId\":\"env-1\",\"serviceId\":\"svc-1\"}},"
                + "{\"measurement\":\"DISK_USAGE_GB\",\"value\":7,\"tags\":{\"environmentId\":\"env-1\",\"serviceId\":null}},"
                + "{\"measurement\":\"CPU_LIMIT\",\"value\":2,\"tags\":{\"environmentId\":\"env-1\",\"serviceId\":\"svc-1\"}}],"
                + "\"estimatedUsage\":[{\"measurement\":\"CPU_USAGE\",\"estimatedValue\":241}]}}"));

        ReadResult read = client.readWithUsage(new ReadTarget("tl-engine", "prj-1", null, null));

        assertEquals(1, server.getRequestCount());
        String body = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8();
        assertTrue(body.contains("query ReadProject(") && body.contains("\"usage\":true"), body);
        LiveUsage usage = read.usage();
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), usage.periodStart());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), usage.periodEnd());
        assertEquals(List.of(new LiveUsage.Figure(Measurement.CPU_USAGE, "env-1", "svc-1", 120.5),
                new LiveUsage.Figure(Measurement.DISK_USAGE_GB, "env-1", null, 7)), usage.figures(),
                "CPU_LIMIT is not priced: left out");
        assertEquals(List.of(new LiveUsage.Estimate(Measurement.CPU_USAGE, 241)), usage.estimates());
        assertEquals(12.5, read.state().workspace().currentUsageDollars());
        assertEquals(25, read.state().workspace().usageLimit().softLimitDollars());
    }

    @Test
    void aPlainReadAsksForNoUsage() throws Exception {
        server.enqueue(ok("{\"data\":{\"project\":{" + PROJECT + ",\"workspace\":{\"id\":\"ws-1\",\"name\":\"Acme\","
                + "\"customer\":{\"id\":\"cus-1\",\"currentUsage\":0,\"usageLimit\":null}}}}}"));
        ReadResult read = client.read(new ReadTarget("tl-engine", "prj-1", null, null));
        assertNull(read.usage());
        String body = server.takeRequest(1, TimeUnit.SECONDS).getBody().utf8();
        assertFalse(body.contains("\"usage\""), "$usage keeps its default, false: " + body);
    }

    @Test
    void aTokenThatMayNotReadBillingGetsTheProjectWithoutUsage() {
        server.enqueue(ok("""
                {"data":{"me":{"workspaces":[{"id":"ws-1","name":"Acme","projects":{"edges":[
                  {"node":{"id":"prj-1","name":"tl-engine","deletedAt":null}}],
                  "pageInfo":{"hasNextPage":false,"endCursor":null}}}]}}}"""));
        server.enqueue(ok("{\"errors\":[{\"message\":\"Not Authorized\"}],\"data\":null}"));
        server.enqueue(ok("{\"data\":{\"project\":{" + PROJECT + "}}}"));

        ReadResult read = client.readWithUsage(ReadTarget.byName("tl-engine", null));

        assertEquals(3, server.getRequestCount(), "found by name; the project with usage refused; again without billing");
        assertEquals("prj-1", read.state().project().id());
        assertFalse(read.state().workspace().billingReadable());
        assertNull(read.usage());
    }

    @Test
    void aCachedIdWhoseBillingIsRefusedIsStillTheProject() {
        server.enqueue(ok("{\"errors\":[{\"message\":\"Not Authorized\"}],\"data\":null}"));
        server.enqueue(ok("{\"data\":{\"project\":{" + PROJECT + "}}}"));

        ReadResult read = client.read(new ReadTarget("tl-engine", "prj-1", null, null)); // a remembered id

        assertEquals(2, server.getRequestCount(), "refused with billing, read without: not a stale id");
        assertEquals("prj-1", read.state().project().id());
        assertFalse(read.state().workspace().billingReadable());
    }
}
