package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming reader of query answers gives what readTree and ConfigCodec gave, variables as records. */
class AnswerReaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AnswerReader READER = new AnswerReader();

    private static final String ANSWER = """
            {"data": {"project": {"id": "p1", "count": 3, "big": 12345678901, "huge": 123456789012345678901234,
              "ratio": 0.5, "flag": true, "none": null, "list": [1, "two", {"three": [3]}],
              "environments": {"edges": [{"node": {"id": "e1", "config": {
                "sharedVariables": {"A": {"value": "a-value", "isSealed": false}, "GONE": null,
                   "SEALED": {"value": null, "isSealed": true}, "ODD": "not an object", "NUM": {"value": 5},
                   "TEXTSEALED": {"value": "x", "isSealed": "true"}, "EXTRA": {"value": "v", "other": {"deep": [1]}},
                   "DUP": {"value": "first", "value": "second"}},
                "services": {"s1": {"source": {"image": "nginx:1"}, "deploy": {"numReplicas": 2},
                   "variables": {"PORT": {"value": "8080", "isSealed": false}},
                   "networking": {"serviceDomains": {"x.up.railway.app": {"port": 80}}}},
                  "s2": {"variables": null, "isDeleted": false}}}}}]},
              "variables": {"NOT_A_CONFIG": {"value": "kept as a tree"}}}},
             "extensions": {"cost": 1}}
            """;

    private static JsonNode read(String json) throws IOException {
        return READER.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everythingButConfigVariablesIsTheTreeReadTreeBuilds() throws IOException {
        JsonNode streamed = read(ANSWER);
        JsonNode tree = MAPPER.readTree(ANSWER);
        JsonNode project = streamed.path("data").path("project");
        assertEquals(tree.path("data").path("project").path("list"), project.path("list"));
        assertTrue(project.path("count").isInt());
        assertTrue(project.path("big").isLong());
        assertTrue(project.path("huge").isBigInteger());
        assertTrue(project.path("ratio").isDouble());
        assertTrue(project.path("none").isNull());
        assertEquals(tree.path("extensions"), streamed.path("extensions"));
        assertEquals(tree.path("data").path("project").path("variables"), project.path("variables"),
                "a field named variables outside a config stays a tree");
        JsonNode config = project.path("environments").path("edges").get(0).path("node").path("config");
        assertInstanceOf(POJONode.class, config.get("sharedVariables"));
        assertEquals(tree.at("/data/project/environments/edges/0/node/config/services/s1/networking"),
                config.at("/services/s1/networking"));
    }

    @Test
    void configVariablesAreTheRecordsConfigCodecReadFromTheTree() throws IOException {
        JsonNode streamedConfig = read(ANSWER).at("/data/project/environments/edges/0/node/config");
        JsonNode treeConfig = MAPPER.readTree(ANSWER).at("/data/project/environments/edges/0/node/config");
        Map<String, LiveVariable> streamed = ConfigCodec.readSharedVariables(streamedConfig);
        Map<String, LiveVariable> tree = ConfigCodec.readSharedVariables(treeConfig);
        assertEquals(tree.keySet(), streamed.keySet());
        tree.forEach((name, variable) -> {
            LiveVariable other = streamed.get(name);
            assertEquals(variable.sealed(), other.sealed(), name);
            assertEquals(variable.readable(), other.readable(), name);
            if (variable.readable()) {
                assertEquals(variable.value().reveal(), other.value().reveal(), name);
            }
        });
        assertEquals("second", streamed.get("DUP").value().reveal());
        assertEquals("5", streamed.get("NUM").value().reveal());
        assertTrue(streamed.get("TEXTSEALED").sealed());
        assertFalse(streamed.containsKey("GONE"));

        Map<String, LiveServiceInstance> fromStream = ConfigCodec.readInstances(streamedConfig);
        Map<String, LiveServiceInstance> fromTree = ConfigCodec.readInstances(treeConfig);
        assertEquals(fromTree.keySet(), fromStream.keySet());
        assertEquals(fromTree.get("s1").settings(), fromStream.get("s1").settings());
        assertEquals(fromTree.get("s1").configSections(), fromStream.get("s1").configSections());
        assertEquals(fromTree.get("s1").unmodelled(), fromStream.get("s1").unmodelled());
        assertEquals("8080", fromStream.get("s1").variables().get("PORT").value().reveal());
        assertTrue(fromStream.get("s2").variables().isEmpty());
    }

    @Test
    void aTreeHoldingVariablesPrintsNoValue() throws IOException {
        JsonNode streamed = read(ANSWER);
        String printed = streamed.toString();
        assertFalse(printed.contains("a-value"), printed);
        assertFalse(printed.contains("8080"), printed);
    }

    @Test
    void brokenAnswersFailAsReadTreeDoes() throws IOException {
        assertNull(READER.read(new byte[0]));
        assertThrows(IOException.class, () -> read("{\"data\": {\"a\": [1, 2"));
        assertThrows(IOException.class, () -> read("{\"data\": {\"config\": {\"sharedVariables\": {\"A\": {\"value\": \"x\""));
        assertThrows(IOException.class, () -> read("{\"data\": nope}"));
        assertThrows(IOException.class, () -> read("[".repeat(5000)));
    }

    @Test
    void aMutationsAnswerIsTheTreeReadTreeBuildsVariablesIncluded() throws IOException {
        byte[] answer = ANSWER.getBytes(StandardCharsets.UTF_8);
        JsonNode plain = READER.readPlain(answer);
        assertEquals(MAPPER.readTree(answer), plain);
        assertEquals(MAPPER.readTree(answer).toString(), plain.toString());
        assertEquals("a-value", plain.at("/data/project/environments/edges/0/node/config/sharedVariables/A/value").asText());
        String odd = "{\"data\": {\"n\": -0.0, \"e\": 1e400, \"dup\": 1, \"dup\": [true, {}], \"s\": \"\\u00e9\\n\"}} trailing";
        assertEquals(MAPPER.readTree(odd).toString(), READER.readPlain(odd.getBytes(StandardCharsets.UTF_8)).toString());
        assertNull(READER.readPlain(new byte[0]));
        assertThrows(IOException.class, () -> READER.readPlain("{\"data\": nope}".getBytes(StandardCharsets.UTF_8)));
    }
}
