package dev.tlctl.sandbox;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a state file into {@link State} from Jackson's token stream, setting the records' public
 * fields by their names, as the mapper's bean reading does for what the sandbox writes: building
 * the mapper's bean deserializers for the state's classes costs more at start-up (tens of
 * milliseconds of CPU) than reading the file. Whatever it does not read exactly as the mapper
 * would (a value of another JSON type than its field's, a null where the mapper's answer is not
 * plain, malformed JSON) returns null, and {@link StateFile} reads the file with the mapper, which
 * answers or reports it. StateReaderTest holds the two equal.
 */
final class StateReader {
    /** The value is not one this reader reads as the mapper does; thrown inside the walk only. */
    private static final class NotPlain extends RuntimeException {
        private static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private StateReader() {}

    /** Looks up the records' fields ahead of the first read; for a warm-up thread. */
    static void warmUp() {
        fields(State.class);
        for (Class<?> type : State.class.getDeclaredClasses()) {
            fields(type);
        }
    }

    /** The state in {@code bytes}, or null when the mapper must read them. */
    static State read(byte[] bytes) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(bytes)) {
            State state = (State) value(parser, parser.nextToken(), State.class);
            if (state == null || parser.nextToken() != null) {
                return null;
            }
            return state;
        } catch (IOException | ReflectiveOperationException | RuntimeException e) { // NotPlain among them
            return null;
        }
    }

    private static Object value(JsonParser parser, JsonToken token, Type type) throws IOException, ReflectiveOperationException {
        if (type instanceof ParameterizedType parameterized) {
            if (token == JsonToken.VALUE_NULL) {
                return null;
            }
            Type[] arguments = parameterized.getActualTypeArguments();
            if (parameterized.getRawType() == List.class && token == JsonToken.START_ARRAY) {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(value(parser, next, arguments[0]));
                }
                return list;
            }
            if (parameterized.getRawType() == Map.class && arguments[0] == String.class && token == JsonToken.START_OBJECT) {
                Map<String, Object> map = new LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    map.put(name, value(parser, parser.nextToken(), arguments[1]));
                }
                return map;
            }
            throw NotPlain.INSTANCE;
        }
        Class<?> type1 = (Class<?>) type;
        if (type1 == String.class) {
            return token == JsonToken.VALUE_STRING ? parser.getText() : nullOr(token, null);
        }
        if (type1 == boolean.class || type1 == Boolean.class) {
            return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE
                    : nullOr(token, type1 == boolean.class ? Boolean.FALSE : null);
        }
        if (type1 == int.class || type1 == Integer.class) {
            return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                    ? (Object) parser.getIntValue() : nullOr(token, type1 == int.class ? 0 : null);
        }
        if (type1 == long.class || type1 == Long.class) {
            return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                    ? (Object) parser.getLongValue() : nullOr(token, type1 == long.class ? 0L : null);
        }
        if (type1 == double.class || type1 == Double.class) {
            return token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT
                    ? (Object) parser.getDoubleValue() : nullOr(token, type1 == double.class ? 0.0 : null);
        }
        if (type1.isEnum()) {
            if (token != JsonToken.VALUE_STRING) {
                return nullOr(token, null);
            }
            for (Object constant : type1.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(parser.getText())) {
                    return constant;
                }
            }
            throw NotPlain.INSTANCE;
        }
        if (type1 == ObjectNode.class) {
            if (token != JsonToken.START_OBJECT) {
                throw NotPlain.INSTANCE; // a null or another JSON type: the mapper's answer
            }
            return Json.MAPPER.readTree(parser);
        }
        if (type1.getEnclosingClass() != State.class && type1 != State.class) {
            throw NotPlain.INSTANCE;
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.START_OBJECT) {
            throw NotPlain.INSTANCE;
        }
        Object record = type1.getDeclaredConstructor().newInstance();
        Map<String, Field> fields = fields(type1);
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken next = parser.nextToken();
            Field field = fields.get(name);
            if (field == null) {
                parser.skipChildren(); // unknown properties are ignored, as the records say
            } else {
                field.set(record, value(parser, next, field.getGenericType()));
            }
        }
        return record;
    }

    /** A JSON null is an object field's null; any other token, or a null for a primitive, is not plain. */
    private static Object nullOr(JsonToken token, Object primitiveZero) {
        if (token != JsonToken.VALUE_NULL || primitiveZero != null) {
            throw NotPlain.INSTANCE;
        }
        return null;
    }

    private static Map<String, Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Field field : t.getFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    fields.put(field.getName(), field);
                }
            }
            return fields;
        });
    }
}
