package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The config answer written in one walk ({@link MaskedConfig}) is, byte for byte, what the copy
 * as Java maps it replaced gave (the reference below: the config converted, then masked, then
 * serialized), with and without decryption, for every shape a config can take: sealed and
 * plain variables, registry credentials present, null or absent, values of every JSON type,
 * services and variables that are not objects, unusual characters.
 */
class MaskedConfigTest {

    @Test
    void theAnswerIsByteForByteTheMaskedCopy() throws IOException {
        ObjectNode config = (ObjectNode) Json.MAPPER.readTree("""
                {"services": {
                   "s1": {"source": {"image": "nginx"},
                          "variables": {"A": {"value": "1"}, "S": {"value": "hidden", "isSealed": true},
                                        "N": {"isSealed": false, "value": "x\\u00e9\\u2028\\"q\\"\\n"},
                                        "E": {}, "T": "not an object", "U": {"value": null}},
                          "deploy": {"numReplicas": 2, "registryCredentials": {"password": "p", "username": "u",
                                                                              "other": "kept"},
                                     "limits": {"cpu": 1.5, "big": 12345678901234, "neg": -3, "f": false}},
                          "build": {"watchPatterns": ["a/**", "b"], "nixpacksPlan": {"phases": {"x": [1, [2, {}]]}}}},
                   "s2": {"deploy": {"registryCredentials": {"username": null, "password": "p"}}},
                   "s3": {"deploy": {"registryCredentials": "text"}, "variables": []},
                   "s4": "odd",
                   "s5": {}},
                 "sharedVariables": {"SH": {"value": "v"}, "SS": {"isSealed": true, "value": "w"}},
                 "volumes": {"v1": {"sizeMB": 5000, "isDeleted": null}},
                 "unknown": [true, null, 0.1, "z"]}
                """);
        for (boolean decrypt : List.of(true, false)) {
            assertEquals(reference(config, decrypt), written(config, decrypt), "decrypt " + decrypt);
        }
        ObjectNode odd = (ObjectNode) Json.MAPPER.readTree("{\"services\": [1], \"sharedVariables\": \"x\"}");
        assertEquals(reference(odd, true), written(odd, true));
        ObjectNode empty = Json.MAPPER.createObjectNode();
        assertEquals(reference(empty, false), written(empty, false));
    }

    @Test
    void randomConfigsGiveTheSameBytes() throws IOException {
        Random random = new Random(22);
        for (int round = 0; round < 200; round++) {
            ObjectNode config = Json.MAPPER.createObjectNode();
            ObjectNode services = config.putObject("services");
            for (int s = random.nextInt(4); s > 0; s--) {
                ObjectNode service = services.putObject("svc-" + random.nextInt(100));
                ObjectNode variables = service.putObject("variables");
                for (int v = random.nextInt(6); v > 0; v--) {
                    ObjectNode variable = variables.putObject("V" + random.nextInt(50));
                    if (random.nextBoolean()) {
                        variable.put("isSealed", random.nextBoolean());
                    }
                    variable.put("value", "v" + random.nextInt());
                }
                if (random.nextBoolean()) {
                    ObjectNode credentials = service.putObject("deploy").putObject("registryCredentials");
                    if (random.nextBoolean()) {
                        credentials.put("username", "u");
                    }
                    if (random.nextBoolean()) {
                        credentials.putNull("password");
                    } else {
                        credentials.put("password", "p");
                    }
                }
            }
            if (random.nextBoolean()) {
                config.putObject("sharedVariables").putObject("S").put("value", "s").put("isSealed", random.nextBoolean());
            }
            boolean decrypt = random.nextBoolean();
            assertEquals(reference(config, decrypt), written(config, decrypt), config.toString());
        }
    }

    @Test
    void aConfigLargerThanTheWritersBufferIsWrittenWhole() throws IOException {
        ObjectNode config = Json.MAPPER.createObjectNode();
        ObjectNode variables = config.putObject("services").putObject("s").putObject("variables");
        for (int i = 0; i < 5000; i++) {
            variables.putObject("VAR_" + i).put("value", "value-" + i).put("isSealed", i % 7 == 0);
        }
        for (boolean decrypt : List.of(true, false)) {
            assertEquals(reference(config, decrypt), written(config, decrypt), "decrypt " + decrypt);
        }
    }

    @Test
    void itIsASnapshotOfTheMomentItWasMade() throws IOException {
        ObjectNode config = (ObjectNode) Json.MAPPER.readTree("{\"sharedVariables\": {\"A\": {\"value\": \"1\"}}}");
        MaskedConfig answer = Patches.masked(config, true);
        ((ObjectNode) config.get("sharedVariables").get("A")).put("value", "2");
        assertEquals("{\"sharedVariables\":{\"A\":{\"value\":\"1\"}}}", answer.toString());
        // Into something other than a UTF-8 stream (a tree, a String), it is the same JSON.
        assertEquals(Json.MAPPER.readTree(answer.toString()), Json.MAPPER.valueToTree(Map.of("c", answer)).get("c"));
        assertEquals("{\"c\":" + answer + "}", Json.MAPPER.writeValueAsString(Map.of("c", answer)));
    }

    private static String written(ObjectNode config, boolean decrypt) throws IOException {
        return new String(Json.MAPPER.writeValueAsBytes(Map.of("config", Patches.masked(config, decrypt))),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The answer as the sandbox made it before: the config as Java maps, masked, serialized. */
    @SuppressWarnings("unchecked")
    private static String reference(ObjectNode config, boolean decrypt) throws IOException {
        Map<String, Object> view = (Map<String, Object>) Json.toJava(config);
        ObjectNode services = Json.at(config, "services");
        if (services != null && view.get("services") instanceof Map<?, ?> serviceViews) {
            services.properties().forEach(service -> {
                if (serviceViews.get(service.getKey()) instanceof Map<?, ?> serviceView) {
                    mask(Json.at(service.getValue(), "variables"), serviceView.get("variables"), decrypt);
                    if (serviceView.get("deploy") instanceof Map<?, ?> deploy
                            && deploy.get("registryCredentials") instanceof Map<?, ?> credentials) {
                        for (String key : List.of("username", "password")) {
                            if (credentials.get(key) != null) {
                                ((Map<String, Object>) credentials).put(key, "*****");
                            }
                        }
                    }
                }
            });
        }
        mask(Json.at(config, "sharedVariables"), view.get("sharedVariables"), decrypt);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("config", view);
        return Json.MAPPER.writeValueAsString(answer);
    }

    private static void mask(ObjectNode variables, Object views, boolean decrypt) {
        if (variables == null || !(views instanceof Map<?, ?> byName)) {
            return;
        }
        variables.properties().forEach(variable -> {
            JsonNode value = variable.getValue();
            if (value instanceof ObjectNode object && (!decrypt || object.path("isSealed").asBoolean(false))
                    && byName.get(variable.getKey()) instanceof Map<?, ?> view) {
                view.remove("value");
            }
        });
    }
}
