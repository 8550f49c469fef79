package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.railway.RailwayException.Kind;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** An answer is read up to {@link BoundedAnswer#MAX_BYTES}: a server that sends without end costs bounded memory. */
class BoundedAnswerTest {
    private static final MediaType JSON = MediaType.get("application/json");

    @Test
    void anAnswerUpToTheLimitIsReadWhole() throws IOException {
        byte[] body = "{\"data\":{\"x\":\"0123456789\"}}".getBytes();
        assertArrayEquals(body, BoundedAnswer.read(ResponseBody.create(body, JSON), body.length));
        assertArrayEquals(body, BoundedAnswer.read(unknownLength(new Buffer().write(body)), body.length));
    }

    @Test
    void oneByteOverTheLimitIsRefusedWithOrWithoutALength() throws IOException {
        byte[] body = new byte[1001];
        assertNull(BoundedAnswer.read(ResponseBody.create(body, JSON), 1000));
        assertNull(BoundedAnswer.read(unknownLength(new Buffer().write(body)), 1000));
    }

    @Test
    void anEndlessAnswerIsReadNoFurtherThanTheLimitAndOne() throws IOException {
        long[] read = {0};
        // A source that never ends, counting what is taken from it.
        okio.Source endless = new ForwardingSource(new Buffer()) {
            @Override
            public long read(Buffer sink, long byteCount) {
                long n = Math.min(byteCount, 8192);
                sink.write(new byte[(int) n]);
                read[0] += n;
                return n;
            }
        };
        assertNull(BoundedAnswer.read(unknownLength(Okio.buffer(endless)), 100_000));
        assertTrue(read[0] >= 100_001 && read[0] < 100_001 + 8192 * 2, "read " + read[0] + " bytes");
    }

    @Test
    void aLengthAnnouncedOverTheLimitIsRefusedUnread() throws IOException {
        long[] read = {0};
        okio.Source counting = new ForwardingSource(new Buffer().write(new byte[10])) {
            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                read[0] += Math.max(n, 0);
                return n;
            }
        };
        assertNull(BoundedAnswer.read(ResponseBody.create(Okio.buffer(counting), JSON, 3L << 30), 1000));
        assertEquals(0, read[0]);
    }

    @Test
    void theTransportRefusesALargerAnswerOnceWithAClearErrorAndNoRetry() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            // Announced larger than the limit: refused from the header, whatever follows.
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"data\":{}}").removeHeader("Content-Length")
                    .addHeader("Content-Length", String.valueOf(BoundedAnswer.MAX_BYTES + 1)).build());
            ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + server.getPort() + "/graphql/v2"),
                    new Credentials.BearerToken(Secret.of("token-not-shown")), "1.2.3", Duration.ofSeconds(5),
                    Duration.ofSeconds(2), RetryPolicy.DEFAULT, new RecordingSleeper(), new Random(1),
                    Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneOffset.UTC), new RecordingRequestListener());
            try (RailwayTransport transport = new RailwayTransport(config)) {
                RailwayException e = assertThrows(RailwayException.class, () -> transport.execute(new GraphQLRequest(
                        "environment", "read environment staging", "query E($id: String!) { environment(id: $id) { id } }",
                        "E", GraphQLRequest.OperationType.QUERY, Map.of("id", "env-1"), true)));
                assertEquals(Kind.MALFORMED, e.kind());
                assertTrue(e.getMessage().contains("an answer larger than 128 MiB, tlctl's limit for one answer"),
                        e.getMessage());
                assertFalse(e.getMessage().contains("token-not-shown"), e.getMessage());
                assertEquals(1, transport.requestCount(), "not tried again: the next answer would be as large");
            }
        }
    }

    private static ResponseBody unknownLength(BufferedSource source) {
        return ResponseBody.create(source, JSON, -1);
    }
}
