package dev.tlctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The sandbox's one Jackson mapper and the JSON helpers the config store needs. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    /** A JSON tree as plain Java values (Map, List, String, Number, Boolean, null): what GraphQL serializes. */
    static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return MAPPER.convertValue(node, Object.class);
    }

    /** Plain Java values (as graphql-java hands them over) as a JSON tree. */
    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The config with object keys sorted at every level: equal content, equal text. */
    static String canonical(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = MAPPER.createObjectNode();
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            for (String name : names) {
                copy.set(name, sorted(object.get(name)));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = MAPPER.createArrayNode();
            array.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The object at {@code key} of {@code parent}, created (replacing a non-object) when needed. */
    static ObjectNode child(ObjectNode parent, String key) {
        JsonNode existing = parent.get(key);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        return parent.putObject(key);
    }

    /** The object at the path, or null when some step is missing or not an object. */
    static ObjectNode at(JsonNode root, String... path) {
        JsonNode node = root;
        for (String key : path) {
            if (node == null) {
                return null;
            }
            node = node.get(key);
        }
        return node instanceof ObjectNode object ? object : null;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node instanceof ObjectNode) {
            node.properties().forEach(entry -> names.add(entry.getKey()));
        }
        return names;
    }
}
