package dev.tlctl.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        // A walk of the tree: the mapper's conversion goes through a token buffer, several times the
        // cost for a large config, read on every project read.
        if (node instanceof ObjectNode object) {
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, object.size() * 4 / 3 + 1));
            object.fields().forEachRemaining(field -> map.put(field.getKey(), toJava(field.getValue())));
            return map;
        }
        if (node instanceof ArrayNode array) {
            List<Object> list = new ArrayList<>(array.size());
            array.forEach(element -> list.add(toJava(element)));
            return list;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        return MAPPER.convertValue(node, Object.class);
    }

    /**
     * Plain Java values (as graphql-java hands them over) as a JSON tree, the nodes
     * {@code MAPPER.valueToTree} makes. Maps with text keys, lists, text, booleans, ints, longs,
     * doubles and nulls are walked here (a config patch of thousands of variables is one such
     * value: the mapper's way writes it to a token buffer and reads that back); anything else goes
     * through the mapper.
     */
    static JsonNode toTree(Object value) {
        return value == null ? MAPPER.valueToTree(null) : tree(value);
    }

    private static JsonNode tree(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        if (value instanceof String text) {
            return TextNode.valueOf(text);
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = MAPPER.createObjectNode();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return MAPPER.valueToTree(value);
                }
                object.set(key, tree(entry.getValue()));
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = MAPPER.createArrayNode();
            for (Object element : list) {
                array.add(tree(element));
            }
            return array;
        }
        if (value instanceof Boolean flag) {
            return BooleanNode.valueOf(flag);
        }
        if (value instanceof Integer number) {
            return IntNode.valueOf(number);
        }
        if (value instanceof Long number) {
            return LongNode.valueOf(number);
        }
        if (value instanceof Double number) {
            return DoubleNode.valueOf(number);
        }
        return MAPPER.valueToTree(value);
    }

    /**
     * The SHA-256 (hex) of the node's text with object keys sorted at every level: equal content,
     * equal digest. Written straight into the digest, without a sorted copy or the text in memory:
     * an etag of a large config is read on every project read.
     */
    static String canonicalSha256Hex(JsonNode node) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (JsonGenerator out = MAPPER.createGenerator(new DigestOutputStream(OutputStream.nullOutputStream(),
                    digest))) {
                writeSorted(out, node);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeSorted(JsonGenerator out, JsonNode node) throws IOException {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>(object.size());
            object.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.writeStartObject();
            for (String name : names) {
                out.writeFieldName(name);
                writeSorted(out, object.get(name));
            }
            out.writeEndObject();
        } else if (node instanceof ArrayNode array) {
            out.writeStartArray();
            for (JsonNode element : array) {
                writeSorted(out, element);
            }
            out.writeEndArray();
        } else {
            write(out, node);
        }
    }

    /**
     * A node as the mapper writes it ({@code writeTree}), walked here: {@code writeTree} goes
     * through the mapper for every value, the bulk of the cost of writing a large config.
     */
    static void write(JsonGenerator out, JsonNode node) throws IOException {
        if (node instanceof TextNode text) {
            out.writeString(text.textValue());
        } else if (node instanceof ObjectNode object) {
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                out.writeFieldName(entry.getKey());
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (node instanceof ArrayNode array) {
            out.writeStartArray();
            for (JsonNode element : array) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (node instanceof BooleanNode flag) {
            out.writeBoolean(flag.booleanValue());
        } else if (node instanceof IntNode number) {
            out.writeNumber(number.intValue());
        } else if (node instanceof NullNode) {
            out.writeNull();
        } else {
            out.writeTree(node);
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
