package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox keeps of a config between reads (its configEtag and config answers) is always
 * what the config holds now: a {@link ConfigShape} tells every write to a config in place from no
 * write, and through the API, after every kind of write, each environment's served etag and
 * config are those computed afresh from its config in the state file.
 */
class ConfigCacheTest extends SandboxTestBase {
    @TempDir
    Path dir;

    @Override
    SandboxConfig config() {
        return super.config().withStateFile(dir.resolve("sandbox.json"));
    }

    private static final String CONFIG = """
            {"services": {"s1": {"variables": {"A": {"value": "1"}, "B": {"value": "2", "isSealed": true}},
                                 "deploy": {"numReplicas": 2, "limits": {"cpu": 1.5}},
                                 "build": {"watchPatterns": ["a", "b"]}}},
             "sharedVariables": {"S": {"value": "s"}}}
            """;

    @Test
    void aShapeMatchesTheSameContentAndNoWriteInPlace() {
        ObjectNode config = read(CONFIG);
        ConfigShape shape = ConfigShape.of(config);
        assertTrue(shape.matches(config));
        assertTrue(shape.matches(config.deepCopy()), "a copy holds the same values: the same answer");
        List<Consumer<ObjectNode>> writes = List.of(
                c -> variable(c, "A").put("value", "1"), // an equal value is still a write
                c -> variable(c, "A").put("value", "x"),
                c -> variable(c, "A").remove("value"),
                c -> variable(c, "A").put("isSealed", false),
                c -> variables(c).remove("A"),
                c -> variables(c).set("A", variables(c).remove("A")), // the same variable, moved last
                c -> variables(c).putObject("C").put("value", "3"),
                c -> ((ObjectNode) c.at("/services/s1/deploy")).put("numReplicas", 3),
                c -> ((ObjectNode) c.at("/services/s1/deploy/limits")).put("cpu", 2.0),
                c -> ((ArrayNode) c.at("/services/s1/build/watchPatterns")).add("c"),
                c -> ((ArrayNode) c.at("/services/s1/build/watchPatterns")).set(0, TextNode.valueOf("a")),
                c -> ((ArrayNode) c.at("/services/s1/build/watchPatterns")).remove(1),
                c -> ((ObjectNode) c.at("/services/s1")).putObject("source").put("image", "nginx"),
                c -> ((ObjectNode) c.get("services")).putObject("s2"),
                c -> c.remove("sharedVariables"),
                c -> c.putNull("volumes"),
                c -> c.removeAll());
        for (int i = 0; i < writes.size(); i++) {
            ObjectNode written = read(CONFIG);
            ConfigShape before = ConfigShape.of(written);
            writes.get(i).accept(written);
            assertFalse(before.matches(written), "write " + i + " in place goes unseen");
        }
        ObjectNode withPojo = read(CONFIG);
        withPojo.putPOJO("odd", new StringBuilder("mutable"));
        assertNull(ConfigShape.of(withPojo), "a leaf that can change in place: nothing kept");
    }

    @Test
    void theServedEtagAndConfigAreThoseOfTheConfigNowAfterEveryKindOfWrite() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String api = service(p.id(), "api");
        List<String> environments = new ArrayList<>(List.of(p.productionId(), staging));

        Map<String, String> before = step(environments, "a shared variable",
                () -> upsert(p, p.productionId(), null, "REGION", "eu"));
        assertNotEquals(before.get(p.productionId()), etag(p.productionId()), "the written environment's etag moves");
        assertEquals(before.get(staging), etag(staging), "the other one's does not");
        before = step(environments, "the same value again", () -> upsert(p, p.productionId(), null, "REGION", "eu"));
        assertEquals(before.get(p.productionId()), etag(p.productionId()), "a no-op write keeps the etag");
        step(environments, "a sealed service variable", () -> commit(staging, Map.of("services", Map.of(api,
                Map.of("variables", Map.of("TOKEN", Map.of("value", "t", "isSealed", true)))))));
        step(environments, "variables of a service", () -> gql.data(Docs.VARIABLE_COLLECTION_UPSERT,
                "input", Map.of("projectId", p.id(), "environmentId", staging, "serviceId", api,
                        "variables", Map.of("PORT", "8080", "HOST", "0.0.0.0"))));
        step(environments, "a variable deleted", () -> gql.data(Docs.VARIABLE_DELETE, "input", Map.of(
                "projectId", p.id(), "environmentId", staging, "serviceId", api, "name", "HOST")));
        step(environments, "a patch", () -> commit(p.productionId(),
                Map.of("services", Map.of(api, Map.of("deploy", Map.of("numReplicas", 2))))));
        step(environments, "an instance update", () -> gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api,
                "environmentId", staging, "input", Map.of("startCommand", "run")));
        before = step(environments, "changes staged", () -> gql.data(Docs.STAGE_CHANGES, "environmentId",
                p.productionId(), "input", Map.of("sharedVariables", Map.of("STAGED", Map.of("value", "1")))));
        assertEquals(before.get(p.productionId()), etag(p.productionId()), "staging leaves the config alone");
        step(environments, "staged changes committed", () -> gql.data(Docs.COMMIT_STAGED,
                "environmentId", p.productionId()));
        step(environments, "a change set", () -> gql.data(Docs.CHANGE_SET_APPLY, "environmentId", staging,
                "input", ChangeSetsTest.changeSet(ChangeSetsTest.setLiteral("api", "LOG_LEVEL", "debug")),
                "baseConfigEtag", etag(staging), "commitMessage", "tlctl: test"));
        step(environments, "a service created", () -> service(p.id(), "worker"));
        step(environments, "a source connected", () -> gql.data(Docs.SERVICE_CONNECT, "id", api,
                "input", Map.of("image", "nginx:2")));
        step(environments, "an instance deleted", () -> gql.data(Docs.SERVICE_DELETE, "id", api,
                "environmentId", staging));
        step(environments, "a fork", () -> environments.add(fork(p.id(), "preview", p.productionId(), true)));
        sandbox.reset();
        Project again = project("demo");
        assertFresh(List.of(again.productionId()), "after a reset");
    }

    @Test
    void aServerMakesTheReadsOfEveryConfigAfterAWriteBeforeTheyAreAsked() throws Exception {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        upsert(p, p.productionId(), null, "REGION", "eu");
        awaitReadying(sandbox.store());
        assertTrue(sandbox.store().readied(p.productionId()), "the written environment's etag and answer are made");
        assertTrue(sandbox.store().readied(staging), "and every other one's");
        assertFresh(List.of(p.productionId(), staging), "after the write, served from what was made");

        upsert(p, staging, null, "REGION", "us");
        awaitReadying(sandbox.store());
        assertTrue(sandbox.store().readied(staging), "made again for the config as it is now");
        assertFresh(List.of(p.productionId(), staging), "after a second write");

        Sandbox inProcess = Sandbox.startInProcess(SandboxConfig.defaults().withSeed(1));
        try {
            inProcess.store().transaction(() -> inProcess.store().markDirty());
            assertNull(inProcess.store().lastReadying(), "a sandbox in process (a CLI's) makes nothing ahead");
        } finally {
            inProcess.close();
        }
    }

    /** Waits for the last making begun after a write (bounded: a stuck one fails the test). */
    private static void awaitReadying(Store store) throws InterruptedException {
        Thread thread = store.lastReadying();
        assertTrue(thread != null, "a write begins the making");
        thread.join(30_000);
        assertFalse(thread.isAlive(), "the making ends");
    }

    /** Reads every environment (so that its reads are kept), writes, checks them all; returns the etags from before. */
    private Map<String, String> step(List<String> environments, String what, Runnable write) {
        Map<String, String> before = new LinkedHashMap<>();
        environments.forEach(id -> before.put(id, etag(id)));
        assertFresh(environments, "before " + what);
        write.run();
        assertFresh(environments, "after " + what);
        return before;
    }

    private void assertFresh(List<String> environments, String when) {
        for (String id : environments) {
            ObjectNode config = configInStateFile(id);
            for (boolean decrypt : List.of(true, false)) {
                JsonNode served = gql.data(Docs.ENVIRONMENT, "id", id, "decrypt", decrypt).get("environment");
                assertEquals(Patches.etag(config), served.get("configEtag").asText(), id + " etag " + when);
                assertEquals(read(MaskedConfig.of(config, decrypt).toString()).toString(),
                        served.get("config").toString(), id + " config (decrypt " + decrypt + ") " + when);
            }
        }
    }

    private String etag(String environmentId) {
        return gql.data(Docs.CONFIG_ETAG, "id", environmentId).at("/environment/configEtag").asText();
    }

    private void upsert(Project p, String environmentId, String serviceId, String name, String value) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("projectId", p.id(), "environmentId", environmentId,
                "name", name, "value", value));
        if (serviceId != null) {
            input.put("serviceId", serviceId);
        }
        gql.data(Docs.VARIABLE_UPSERT, "input", input);
    }

    private ObjectNode configInStateFile(String environmentId) {
        try {
            for (JsonNode environment : Json.MAPPER.readTree(dir.resolve("sandbox.json").toFile()).get("environments")) {
                if (environment.get("id").asText().equals(environmentId)) {
                    return (ObjectNode) environment.get("config");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no environment " + environmentId + " in the state file");
    }

    private static ObjectNode variable(ObjectNode config, String name) {
        return (ObjectNode) variables(config).get(name);
    }

    private static ObjectNode variables(ObjectNode config) {
        return (ObjectNode) config.at("/services/s1/variables");
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
