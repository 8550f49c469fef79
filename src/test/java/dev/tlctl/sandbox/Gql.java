package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A test client for the sandbox over real HTTP on loopback (java.net.http, HTTP/1.1): sends a
 * document with a token in the header Railway expects, and reads the JSON answer.
 */
final class Gql {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    /** How a token travels. */
    enum Auth { BEARER, PROJECT, NONE }

    record Response(int status, java.net.http.HttpHeaders headers, String text) {
        JsonNode json() {
            try {
                return MAPPER.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + text, e);
            }
        }

        JsonNode data() {
            JsonNode json = json();
            assertEquals(200, status, text);
            if (json.has("errors")) {
                fail("unexpected GraphQL errors: " + json.get("errors"));
            }
            return json.get("data");
        }

        /** The error messages (the request must have failed). */
        List<String> errors() {
            JsonNode json = json();
            assertEquals(200, status, "GraphQL errors come with HTTP 200: " + text);
            assertTrue(json.has("errors"), "expected errors: " + text);
            List<String> messages = new ArrayList<>();
            json.get("errors").forEach(e -> messages.add(e.get("message").asText()));
            return messages;
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final URI url;
    private final String token;
    private final Auth auth;

    Gql(URI url, String token, Auth auth) {
        this.url = url;
        this.token = token;
        this.auth = auth;
    }

    static Gql account(Sandbox sandbox) {
        return new Gql(sandbox.graphqlUrl(), sandbox.accountToken(), Auth.BEARER);
    }

    Gql withBearer(String token) {
        return new Gql(url, token, Auth.BEARER);
    }

    Gql withProjectToken(String token) {
        return new Gql(url, token, Auth.PROJECT);
    }

    Gql anonymous() {
        return new Gql(url, null, Auth.NONE);
    }

    Response post(String query, Object... variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", vars(variables));
        try {
            return send(MAPPER.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new AssertionError("no answer: " + e, e);
        }
    }

    /** The data of a successful request. */
    JsonNode data(String query, Object... variables) {
        return post(query, variables).data();
    }

    List<String> errors(String query, Object... variables) {
        return post(query, variables).errors();
    }

    /** Asserts the request fails with exactly one error whose message contains {@code expected}. */
    void assertError(String expected, String query, Object... variables) {
        List<String> errors = errors(query, variables);
        assertFalse(errors.isEmpty());
        assertTrue(errors.stream().anyMatch(m -> m.contains(expected)), "expected \"" + expected + "\" in " + errors);
    }

    Response send(String body, String contentType) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (auth == Auth.BEARER) {
            request.header("Authorization", "Bearer " + token);
        } else if (auth == Auth.PROJECT) {
            request.header("Project-Access-Token", token);
        }
        return exchange(request.build());
    }

    static Response exchange(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
