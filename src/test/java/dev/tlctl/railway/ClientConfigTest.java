package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.Secret;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientConfigTest {
    private static final Credentials TOKEN = new Credentials.BearerToken(Secret.of("at-loopback-fixture"));

    @Test
    void defaults() {
        ClientConfig config = ClientConfig.defaults(TOKEN, "0.1.0");
        assertEquals(URI.create("https://backboard.railway.com/graphql/v2"), config.endpoint());
        assertEquals(ClientConfig.DEFAULT_ENDPOINT, config.endpoint());
        assertEquals(Duration.ofSeconds(90), config.callTimeout());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(RetryPolicy.DEFAULT, config.retryPolicy());
        assertFalse(config.toString().contains("at-loopback-fixture"));
    }

    @Test
    void refusesPlainHttpToAnythingButLoopback() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientConfig.of(URI.create("http://example.com/graphql/v2"), TOKEN, "0.1.0"));
        assertEquals("Refusing the Railway API endpoint http://example.com/graphql/v2: tokens are only sent over"
                + " HTTPS, or over plain HTTP to a loopback address (localhost, 127.0.0.0/8, ::1). Use an https:// URL.",
                e.getMessage());
        // Refused with no token too: the rule is about the URL.
        assertThrows(IllegalArgumentException.class,
                () -> ClientConfig.of(URI.create("http://example.com/graphql/v2"), null, "0.1.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1:8080/graphql/v2", "http://localhost:4000/graphql/v2", "http://LOCALHOST/graphql",
        "http://127.9.8.7/graphql", "http://[::1]:8080/graphql/v2", "https://backboard.railway.com/graphql/v2",
        "https://example.com:8443/graphql?x=1"})
    void acceptsHttpsAndLoopbackHttp(String endpoint) {
        assertDoesNotThrow(() -> ClientConfig.of(URI.create(endpoint), TOKEN, "0.1.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://127.0.0.1.example.com/graphql", "http://localhost.example.com/graphql", "http://128.0.0.1/graphql",
        "http://10.0.0.1/graphql", "http://[::2]/graphql", "http://0x7f000001/graphql", "http://127.1/graphql",
        "ftp://127.0.0.1/graphql", "ws://localhost/graphql", "file:///tmp/graphql", "backboard.railway.com/graphql",
        "https://user:pw@backboard.railway.com/graphql/v2"})
    void refusesEverythingElse(String endpoint) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientConfig.of(URI.create(endpoint), TOKEN, "0.1.0"));
        assertFalse(e.getMessage().contains("pw@"), e.getMessage());
    }

    @Test
    void loopbackIsDecidedByTheLiteralOnly() {
        assertTrue(ClientConfig.isLoopback("127.0.0.1"));
        assertTrue(ClientConfig.isLoopback("localhost."));
        assertTrue(ClientConfig.isLoopback("[0:0:0:0:0:0:0:1]"));
        assertFalse(ClientConfig.isLoopback("127.0.0.256"));
        assertFalse(ClientConfig.isLoopback("[fe80::1%25lo]"));
    }
}
