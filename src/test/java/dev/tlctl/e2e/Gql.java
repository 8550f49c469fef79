package dev.tlctl.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks to the sandbox directly over HTTP, behind tlctl's back: a second client that shares no
 * code with tlctl's, to read what Railway holds and to change it as someone else would.
 */
final class Gql {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI url;
    private final String header;
    private final String token;
    private final java.util.function.Consumer<java.time.Duration> wait;

    private Gql(URI url, String header, String token, java.util.function.Consumer<java.time.Duration> wait) {
        this.url = url;
        this.header = header;
        this.token = token;
        this.wait = wait;
    }

    /** A client whose waits for the rate limit move the scene's clock instead of sleeping. */
    static Gql bearer(URI url, String token, java.util.function.Consumer<java.time.Duration> wait) {
        return new Gql(url, "Authorization", "Bearer " + token, wait);
    }

    /** The answer's {@code data}; fails the test on GraphQL errors. */
    JsonNode data(String document, Map<String, Object> variables) {
        JsonNode answer = send(document, variables);
        if (answer.has("errors") && answer.get("errors").size() > 0) {
            throw new AssertionError("direct GraphQL call failed: " + answer.get("errors") + "\n" + document);
        }
        return answer.path("data");
    }

    /**
     * The raw answer, errors included. A query is sent again when the sandbox's injected faults
     * refuse or drop it (the tests' own reads must not fail under faults), after the
     * {@code Retry-After} wait when rate-limited; a mutation is sent once.
     */
    JsonNode send(String document, Map<String, Object> variables) {
        RecordedDocuments.record(document);
        boolean query = !document.stripLeading().startsWith("mutation");
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(document, variables);
            } catch (AssertionError e) {
                if (!query || attempt >= 30) {
                    throw e;
                }
            }
        }
    }

    private JsonNode attempt(String document, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        try {
            HttpRequest request = HttpRequest.newBuilder(url)
                    .header("Content-Type", "application/json")
                    .header(header, token)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 429) {
                // Over the sandbox's budget (a test of rate limits): wait as Railway asks, then let send() retry.
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                wait.accept(java.time.Duration.ofSeconds(seconds));
            }
            if (response.statusCode() != 200) {
                throw new AssertionError("direct GraphQL call answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("direct GraphQL call failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
