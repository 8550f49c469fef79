package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.TickingClock;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HTTP behaviour: malformed requests, the stats and reset endpoints. */
class HttpBehaviourTest extends SandboxTestBase {
    static final Instant START = Instant.parse("2026-03-10T12:00:00.250Z");
    TickingClock clock = TickingClock.still(START);

    @Override
    SandboxConfig config() {
        return super.config().withClock(clock);
    }

    @Test
    void getAndNonJsonBodiesAreClear4xxAnswers() throws IOException {
        Gql.Response get = Gql.exchange(HttpRequest.newBuilder(sandbox.graphqlUrl()).GET().build());
        assertEquals(405, get.status());
        assertEquals("POST", get.header("Allow"));
        assertTrue(get.json().at("/errors/0/message").asText().contains("Use POST"));

        Gql.Response text = gql.send("query { me { id } }", "text/plain");
        assertEquals(415, text.status());
        assertTrue(text.json().at("/errors/0/message").asText().contains("application/json"));

        Gql.Response garbage = gql.send("{not json", "application/json");
        assertEquals(400, garbage.status());
        assertTrue(garbage.json().at("/errors/0/message").asText().startsWith("The body is not valid JSON"));

        assertEquals(400, gql.send("[1, 2]", "application/json").status());
        assertEquals(400, gql.send("{\"variables\": {}}", "application/json").status());
        assertEquals(400, gql.send("{\"query\": \"{ me { id } }\", \"variables\": \"x\"}", null).status());
        Gql.Response bad = gql.send("{\"query\": \"{ me { id }\"}", "application/json");
        assertEquals(200, bad.status(), "a GraphQL syntax error is a GraphQL error");
        assertTrue(bad.json().at("/errors/0/message").asText().contains("Invalid syntax"));
        assertFalse(bad.text().contains("Exception"), bad.text());
    }

    @Test
    void aBodyOver4MiBIsRefusedWith413() throws IOException {
        String big = "{\"query\": \"{ me { id } }\", \"variables\": {\"x\": \"" + "a".repeat(4 * 1024 * 1024) + "\"}}";
        Gql.Response response = gql.send(big, "application/json");
        assertEquals(413, response.status());
        assertTrue(response.json().at("/errors/0/message").asText().contains("larger than"));
    }

    @Test
    void unknownPathsAre404() throws IOException {
        Gql.Response response = Gql.exchange(HttpRequest.newBuilder(sandbox.baseUrl().resolve("graphql/v1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(404, response.status());
        assertTrue(response.json().at("/errors/0/message").asText().contains("/graphql/v2"));
    }

    @Test
    void statsCountRequestsMutationsOperationsFieldsAndDeployments() throws IOException {
        clock.advance(Duration.ofSeconds(10));
        Project p = project("demo");
        clock.advance(Duration.ofSeconds(10));
        service(p.id(), "api");
        clock.advance(Duration.ofSeconds(10));
        gql.post(Docs.TWO_ROOT_FIELDS, "id", p.id());
        gql.post(Docs.ANONYMOUS_ME);
        gql.anonymous().post(Docs.ME);

        Gql.Response http = Gql.exchange(HttpRequest.newBuilder(sandbox.baseUrl().resolve("_sandbox/stats"))
                .GET().build());
        assertEquals(200, http.status());
        JsonNode stats = http.json();
        assertEquals(5, stats.get("requests").asInt());
        assertEquals(2, stats.get("mutations").asInt());
        assertEquals(Map.of("ProjectCreate", 1, "ServiceCreate", 1, "TwoFields", 1, "(anonymous)", 1, "Me", 1),
                Gql.MAPPER.convertValue(stats.get("operations"), Map.class));
        assertEquals(3, stats.at("/fields/me").asInt());
        assertEquals(1, stats.at("/fields/project").asInt());
        JsonNode deployment = stats.at("/deployments/0");
        assertEquals("production", deployment.get("environmentName").asText());
        assertEquals("api", deployment.get("serviceName").asText());
        assertEquals(p.id(), deployment.get("projectId").asText());
        assertEquals(1, deployment.get("count").asInt());
        assertTrue(deployment.has("environmentId") && deployment.has("serviceId"));

        SandboxStats record = sandbox.stats();
        assertEquals(5, record.requests());
        assertEquals(2, record.mutations());
        assertEquals(1, record.operation("TwoFields"));
        assertEquals(3, record.field("me"));
        assertEquals(1, record.deploymentsFor("production", "api"));
        assertEquals(1, record.totalDeployments());
    }

    @Test
    void resetClearsTheStateAndCountersButKeepsTheAccountToken() throws IOException {
        String token = sandbox.accountToken();
        Project p = project("demo");
        service(p.id(), "api");
        Gql.Response wrongMethod = Gql.exchange(HttpRequest.newBuilder(sandbox.baseUrl().resolve("_sandbox/reset"))
                .GET().build());
        assertEquals(405, wrongMethod.status());
        Gql.Response reset = Gql.exchange(HttpRequest.newBuilder(sandbox.baseUrl().resolve("_sandbox/reset"))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, reset.status());
        SandboxStats stats = sandbox.stats();
        assertEquals(0, stats.requests());
        assertEquals(0, stats.totalDeployments());
        assertEquals(token, sandbox.accountToken());
        assertEquals(0, gql.data(Docs.PROJECTS).at("/projects/edges").size());
        assertEquals(1, sandbox.stats().requests());
    }
}
