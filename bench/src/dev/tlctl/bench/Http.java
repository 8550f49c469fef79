package dev.tlctl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A minimal GraphQL-over-HTTP client (java.net.http), and the sandbox's stats and reset endpoints. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI graphql;
    private final String token;
    private final AtomicInteger sent = new AtomicInteger();

    Http(URI graphql, String token) {
        this.graphql = graphql;
        this.token = token;
    }

    int sent() {
        return sent.get();
    }

    /** Sends one operation; returns {@code data}, or throws with the first GraphQL error. */
    JsonNode send(String query, Map<String, ?> variables) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        body.set("variables", JSON.valueToTree(variables));
        HttpRequest request = HttpRequest.newBuilder(graphql).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
        sent.incrementAndGet();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + firstLine(query) + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        JsonNode answer = JSON.readTree(response.body());
        JsonNode errors = answer.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            throw new IOException("GraphQL error for " + firstLine(query) + ": " + errors.get(0).path("message").asText());
        }
        return answer.path("data");
    }

    private static String firstLine(String query) {
        String q = query.strip();
        int brace = q.indexOf('(');
        return brace > 0 ? q.substring(0, brace) : q.length() > 60 ? q.substring(0, 60) : q;
    }

    /** GET {@code /_sandbox/stats} beside the GraphQL endpoint. */
    static JsonNode stats(URI graphql) throws IOException, InterruptedException {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> response = plain.send(HttpRequest.newBuilder(graphql.resolve("/_sandbox/stats")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    /** POST {@code /_sandbox/reset}: a fresh state that keeps the account token. */
    static void reset(URI graphql) throws IOException, InterruptedException {
        HttpClient plain = HttpClient.newHttpClient();
        HttpResponse<String> response = plain.send(HttpRequest.newBuilder(graphql.resolve("/_sandbox/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("reset answered HTTP " + response.statusCode() + ": " + response.body());
        }
    }

    /** The sandbox's counters that the benchmark reports. */
    record Counters(long requests, long mutations, long deployments) {
        static Counters of(JsonNode stats) {
            long deployments = 0;
            for (JsonNode d : stats.path("deployments")) {
                deployments += d.path("count").asLong();
            }
            return new Counters(stats.path("requests").asLong(), stats.path("mutations").asLong(), deployments);
        }

        Counters minus(Counters before) {
            return new Counters(requests - before.requests, mutations - before.mutations,
                    deployments - before.deployments);
        }
    }
}
