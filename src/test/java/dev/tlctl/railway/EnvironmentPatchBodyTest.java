package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.tlctl.secret.Secret;
import dev.tlctl.testing.TickingClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * An {@link EnvironmentPatch} writes itself into the request body as the JSON tree of its
 * {@link EnvironmentPatch#json()} would be written (the way every patch was sent before it held
 * its variables compactly), byte for byte, its secrets revealed only into the body.
 */
class EnvironmentPatchBodyTest {
    private static final String SECRET = "s3cr3t-\"quoted\"-\u00e9-fixture";
    private static final String SEALED = "sealed-value-fixture";
    private static final String TOKEN = "tok-body-fixture";

    /** A patch with every kind of entry, variables of services and shared ones interleaved with the rest. */
    private static EnvironmentPatch patch() {
        Map<String, Object> prior = new LinkedHashMap<>();
        Map<String, Object> desired = new LinkedHashMap<>();
        desired.put("deploy.startCommand", "node server.js");
        desired.put("deploy.numReplicas", 2);
        desired.put("source.image", null);
        Set<String> changed = new LinkedHashSet<>(desired.keySet());
        return new EnvironmentPatch()
                .setVariable(null, "PLAIN", Secret.of("plain \\ value\n"), false, false)
                .createInstance("svc-1")
                .setVariable("svc-1", "DB", Secret.of(SECRET), true, false)
                .setVariable("svc-1", "KEY", Secret.of(SEALED), false, true)
                .deleteVariable("svc-1", "GONE")
                .settings("svc-1", changed, prior, desired)
                .setVariable("svc-1", "LATE", Secret.of(""), false, false)
                .deleteInstance("svc-2")
                .setVariable("svc-2", "X", Secret.of("1"), false, false)
                .deleteVariable(null, "OLD")
                .volumeSize("vol-1", 2048)
                .setVariable(null, "SHARED_SECRET", Secret.of(SECRET), true, false);
    }

    /** The mapper the transport had: a Secret is revealed into the body and noted in the attribute's sink. */
    private static ObjectMapper treeMapper() {
        return new ObjectMapper().registerModule(new SimpleModule().addSerializer(new StdSerializer<Secret>(Secret.class) {
            @Override
            @SuppressWarnings("unchecked")
            public void serialize(Secret secret, JsonGenerator generator, SerializerProvider provider) throws IOException {
                ((List<String>) provider.getAttribute("sink")).add(secret.reveal());
                generator.writeString(secret.reveal());
            }
        }));
    }

    private static byte[] written(Object patch, List<String> sink) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("environmentId", "env-1");
        body.put("patch", patch);
        body.put("commitMessage", null);
        return treeMapper().writer().withAttribute("sink", sink).writeValueAsBytes(body);
    }

    @Test
    void writesTheBytesItsTreeWrites() throws IOException {
        EnvironmentPatch patch = patch();
        List<String> fromTree = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        byte[] expected = written(patch.json(), fromTree);
        assertArrayEquals(expected, written(patch, direct), () -> new String(expected, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(fromTree, direct, "the same secrets noted, in the same order");
        assertEquals(List.of(SECRET, SECRET, SEALED), direct, "shared variables come first: the patch named them first");
        assertEquals(written(new EnvironmentPatch().json(), new ArrayList<>()).length,
                written(new EnvironmentPatch(), new ArrayList<>()).length, "an empty patch is {}");
    }

    @Test
    void itsTreeAndItsTextHideSecrets() {
        EnvironmentPatch patch = patch();
        assertTrue(patch.json().path("services").path("svc-1").path("variables").path("DB").path("value").isPojo());
        assertEquals(true, patch.json().at("/services/svc-1/variables/KEY/isSealed").asBoolean());
        assertEquals("1", patch.json().at("/services/svc-2/variables/X/value").asText());
        for (String text : List.of(patch.masked(), patch.json().toString(), patch.toString())) {
            assertFalse(text.contains(SECRET) || text.contains(SEALED), text);
        }
        assertTrue(patch.masked().contains("\"DB\":{\"value\":\"" + Secret.MASK + "\"}"), patch.masked());
        assertEquals(14, patch.size(), "eight variables, three settings, two instances, a volume");
    }

    @Test
    void theTransportSendsTheSameBodyAndRedactsTheSecretsRailwayEchoes() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"errors\":[{\"message\":\"bad value " + SEALED + "\"}]}").build());
            ClientConfig config = new ClientConfig(URI.create("http://127.0.0.1:" + server.getPort() + "/graphql/v2"),
                    new Credentials.BearerToken(Secret.of(TOKEN)), "1.2.3", Duration.ofSeconds(5),
                    Duration.ofSeconds(2), RetryPolicy.NONE, d -> { }, new Random(1),
                    TickingClock.still(Instant.parse("2026-03-02T10:00:00Z")), RequestListener.NONE);
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("environmentId", "env-1");
            variables.put("patch", patch());
            GraphQLRequest request = GraphQLRequest.idempotentWrite("environmentPatchCommit", "commit the config",
                    "mutation EnvironmentPatchCommit($environmentId: String!, $patch: EnvironmentConfig) {"
                            + " environmentPatchCommit(environmentId: $environmentId, patch: $patch) }", variables);
            RailwayException e;
            try (RailwayTransport transport = new RailwayTransport(config)) {
                e = assertThrows(RailwayException.class, () -> transport.execute(request));
            }
            assertFalse(e.getMessage().contains(SEALED), e.getMessage());
            assertFalse(request.toString().contains(SECRET) || request.toString().contains(SEALED));
            RecordedRequest recorded = server.takeRequest(5, TimeUnit.SECONDS);
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("query", request.document());
            Map<String, Object> treeVariables = new LinkedHashMap<>();
            treeVariables.put("environmentId", "env-1");
            treeVariables.put("patch", patch().json());
            tree.put("variables", treeVariables);
            byte[] expected = treeMapper().writer().withAttribute("sink", new ArrayList<String>()).writeValueAsBytes(tree);
            assertArrayEquals(expected, recorded.getBody().toByteArray());
        }
    }
}
