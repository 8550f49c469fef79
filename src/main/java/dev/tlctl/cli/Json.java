package dev.tlctl.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON writer of machine output: versioned documents, stable key order, pretty-printed. */
final class Json {
    /** The version of every JSON document tlctl prints; bumped on incompatible changes. */
    static final int FORMAT_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Json() {}

    /** A new document with {@code formatVersion} first. */
    static ObjectNode document() {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("formatVersion", FORMAT_VERSION);
        return node;
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line of JSON, for JSON Lines streams. */
    static String line(Object node) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
