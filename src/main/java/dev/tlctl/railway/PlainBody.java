package dev.tlctl.railway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A request body made only of text, booleans, whole numbers, nulls, maps and lists (a read's
 * variables), written with Jackson's streaming generator: the bytes an {@code ObjectMapper} writes
 * for it, without the mapper, whose first use sets up the JDK's calendar and locale data and
 * builds serializers (about 60 ms of CPU at start-up). Anything else (secrets, trees, records
 * that write themselves) is left to the mapper.
 */
final class PlainBody {
    /** The generators' factory, as an {@code ObjectMapper} configures its own by default; thread-safe. */
    private static final JsonFactory JSON = new JsonFactory();
    /** Deeper than any document tlctl sends: past it, the mapper writes (and fails) as before. */
    private static final int MAX_DEPTH = 100;

    private PlainBody() {}

    /** {@code body} as JSON bytes, or null when it holds a value this class leaves to the mapper. */
    static byte[] of(Map<String, Object> body) {
        if (!plain(body, 0)) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory stream does not fail
        }
        return out.toByteArray();
    }

    private static boolean plain(Object value, int depth) {
        if (value == null || value instanceof String || value instanceof Boolean
                || value instanceof Integer || value instanceof Long) {
            return true;
        }
        if (depth >= MAX_DEPTH) {
            return false;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !plain(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (value instanceof List<?> list) {
            for (Object element : list) {
                if (!plain(element, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                generator.writeFieldName((String) e.getKey());
                write(generator, e.getValue());
            }
            generator.writeEndObject();
        } else {
            generator.writeStartArray();
            for (Object element : (List<?>) value) {
                write(generator, element);
            }
            generator.writeEndArray();
        }
    }
}
