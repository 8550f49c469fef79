package dev.tlctl.railway;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveVariables;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the answer to a query as the tree {@code ObjectMapper.readTree} would build, except the
 * variables of an environment's config ({@code config.sharedVariables} and
 * {@code config.services.<id>.variables}), which are parsed from the stream straight into
 * {@link LiveVariable}s: at 100,000 values they are nearly all of the answer, and as a tree they
 * cost several hundred bytes each that the mapping threw away at once. Such a map stands in the
 * tree as a {@link POJONode} holding {@link Variables}; {@link ConfigCodec#readVariables} takes it
 * as it is. Field names come from Jackson's symbol table, so repeated names (the same variable in
 * every environment, service ids) are one string each. A mutation's answer is read as the plain
 * tree. Jackson's streaming parser and node classes only: no {@code ObjectMapper}, whose first
 * use sets up the JDK's calendar and locale data (about 60 ms of CPU at start-up).
 */
final class AnswerReader {
    /**
     * Variables read from a config, sorted by name, unmodifiable. As JSON (should a tree holding
     * them ever be printed) and as text it is only a count: the values stay in their records.
     */
    static final class Variables {
        private final Map<String, LiveVariable> byName;

        Variables(Map<String, LiveVariable> byName) {
            this.byName = byName;
        }

        Map<String, LiveVariable> byName() {
            return byName;
        }

        @JsonValue
        @Override
        public String toString() {
            return "(" + byName.size() + " variables)";
        }
    }

    /**
     * Where in a config the reader is: only there are variables read straight into records.
     * {@code PLAIN}: nowhere, for the whole answer (the tree {@code readTree} builds).
     */
    private enum Place { ELSEWHERE, CONFIG, SERVICES, SERVICE, PLAIN }

    /** The parsers' factory, as an {@code ObjectMapper} configures its own by default; thread-safe. */
    private static final JsonFactory JSON = new JsonFactory();

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** A query's answer: its tree, config variables as records; null when it is empty; IOException when it is not JSON. */
    JsonNode read(byte[] body) throws IOException {
        return read(body, Place.ELSEWHERE);
    }

    /** Any answer as {@code ObjectMapper.readTree} reads it, variables included; null when it is empty. */
    JsonNode readPlain(byte[] body) throws IOException {
        return read(body, Place.PLAIN);
    }

    private JsonNode read(byte[] body, Place start) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            return token == null ? null : value(parser, token, start);
        }
    }

    private JsonNode value(JsonParser parser, JsonToken token, Place place) throws IOException {
        switch (token) {
            case START_OBJECT:
                return object(parser, place);
            case START_ARRAY:
                ArrayNode array = nodes.arrayNode();
                Place inArray = place == Place.PLAIN ? Place.PLAIN : Place.ELSEWHERE;
                for (JsonToken t = next(parser); t != JsonToken.END_ARRAY; t = next(parser)) {
                    array.add(value(parser, t, inArray));
                }
                return array;
            default:
                return scalar(parser, token);
        }
    }

    private ObjectNode object(JsonParser parser, Place place) throws IOException {
        ObjectNode object = nodes.objectNode();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            boolean variables = token == JsonToken.START_OBJECT
                    && ((place == Place.CONFIG && name.equals("sharedVariables"))
                            || (place == Place.SERVICE && name.equals("variables")));
            object.set(name, variables ? new POJONode(variables(parser)) : value(parser, token, inside(place, name)));
        }
        return object;
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IOException("the answer ends inside an array");
        }
        return token;
    }

    private static Place inside(Place place, String name) {
        if (place == Place.PLAIN) {
            return Place.PLAIN;
        }
        if (name.equals("config")) {
            return Place.CONFIG;
        }
        return switch (place) {
            case CONFIG -> name.equals("services") ? Place.SERVICES : Place.ELSEWHERE;
            case SERVICES -> Place.SERVICE;
            default -> Place.ELSEWHERE;
        };
    }

    /** A variables object, the parser at its start: what {@link ConfigCodec#readVariables} makes of its tree. */
    private Variables variables(JsonParser parser) throws IOException {
        List<LiveVariable> out = new ArrayList<>();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                continue;
            }
            if (token != JsonToken.START_OBJECT) {
                // Not an object: no value, not sealed (as path() on a scalar or array finds nothing).
                parser.skipChildren();
                out.add(new LiveVariable(name, null, false));
                continue;
            }
            String value = null;
            boolean sealed = false;
            for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
                JsonToken t = parser.nextToken();
                if (field.equals("value")) {
                    value = t == JsonToken.VALUE_STRING ? parser.getText()
                            : t == JsonToken.VALUE_NULL ? null : value(parser, t, Place.ELSEWHERE).asText();
                } else if (field.equals("isSealed")) {
                    sealed = t == JsonToken.VALUE_TRUE
                            || (t != JsonToken.VALUE_FALSE && value(parser, t, Place.ELSEWHERE).asBoolean(false));
                } else {
                    parser.skipChildren();
                }
            }
            out.add(new LiveVariable(name, sealed || value == null ? null : Secret.of(value), sealed));
        }
        return new Variables(LiveVariables.read(out));
    }

    /** A scalar as {@code readTree} types it: int, long or big integer by size, floating point as double. */
    private JsonNode scalar(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_EMBEDDED_OBJECT -> nodes.pojoNode(parser.getEmbeddedObject());
            default -> throw new IOException("unexpected " + token + " in an answer");
        };
    }
}
