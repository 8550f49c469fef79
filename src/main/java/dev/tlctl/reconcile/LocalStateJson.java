package dev.tlctl.reconcile;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code .tlctl/state.json} read and written with Jackson's streaming parser and generator: the
 * same text an {@code ObjectMapper} writes for {@link LocalState} (indented, empty maps of an
 * endpoint left out), without building one, which costs a run more than the file itself. Reading
 * is as tolerant as the mapper was: unknown fields are skipped, a scalar where text is expected
 * is taken as its text; anything else malformed throws, and the caller treats the file as empty.
 */
final class LocalStateJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private LocalStateJson() {}

    static LocalState read(InputStream in) throws IOException {
        try (JsonParser p = FACTORY.createParser(in)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            int version = 0;
            Map<String, LocalState.Endpoint> endpoints = null;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                if (field.equals("formatVersion")) {
                    version = t == JsonToken.VALUE_STRING ? Integer.parseInt(p.getText().trim()) : p.getIntValue();
                } else if (field.equals("endpoints")) {
                    endpoints = map(p, t, LocalStateJson::endpoint);
                } else {
                    p.skipChildren();
                }
            }
            return new LocalState(version, endpoints);
        }
    }

    static byte[] write(LocalState state) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("formatVersion", state.formatVersion());
            g.writeObjectFieldStart("endpoints");
            for (Map.Entry<String, LocalState.Endpoint> e : state.endpoints().entrySet()) {
                g.writeFieldName(e.getKey());
                writeEndpoint(g, e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void writeEndpoint(JsonGenerator g, LocalState.Endpoint e) throws IOException {
        if (e == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        writeNonEmpty(g, "projects", e.projects(), JsonGenerator::writeString);
        writeNonEmpty(g, "written", e.written(), (gen, v) -> writeMap(gen, v, JsonGenerator::writeString));
        writeNonEmpty(g, "sealed", e.sealed(), (gen, v) -> writeMap(gen, v, JsonGenerator::writeString));
        writeNonEmpty(g, "recordKeys", e.recordKeys(), LocalStateJson::writeKey);
        g.writeEndObject();
    }

    private static void writeKey(JsonGenerator g, LocalState.CachedKey key) throws IOException {
        g.writeStartObject();
        g.writeStringField("key", key.key());
        g.writeStringField("binding", key.binding());
        g.writeEndObject();
    }

    private interface Writer<V> {
        void write(JsonGenerator g, V value) throws IOException;
    }

    private static <V> void writeNonEmpty(JsonGenerator g, String name, Map<String, V> map, Writer<V> values)
            throws IOException {
        if (!map.isEmpty()) {
            g.writeFieldName(name);
            writeMap(g, map, values);
        }
    }

    private static <V> void writeMap(JsonGenerator g, Map<String, V> map, Writer<V> values) throws IOException {
        if (map == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, V> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() == null) {
                g.writeNull();
            } else {
                values.write(g, e.getValue());
            }
        }
        g.writeEndObject();
    }

    private interface Reader<V> {
        V read(JsonParser p, JsonToken t) throws IOException;
    }

    private static LocalState.Endpoint endpoint(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.START_OBJECT);
        Map<String, String> projects = null;
        Map<String, Map<String, String>> written = null;
        Map<String, Map<String, String>> sealed = null;
        Map<String, LocalState.CachedKey> keys = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "projects" -> projects = map(p, v, LocalStateJson::text);
                case "written" -> written = map(p, v, (q, w) -> map(q, w, LocalStateJson::text));
                case "sealed" -> sealed = map(p, v, (q, w) -> map(q, w, LocalStateJson::text));
                case "recordKeys" -> keys = map(p, v, LocalStateJson::cachedKey);
                default -> p.skipChildren();
            }
        }
        return new LocalState.Endpoint(projects, written, sealed, keys);
    }

    private static LocalState.CachedKey cachedKey(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.START_OBJECT);
        String key = null;
        String binding = null;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken v = p.nextToken();
            switch (field) {
                case "key" -> key = text(p, v);
                case "binding" -> binding = text(p, v);
                default -> p.skipChildren();
            }
        }
        return new LocalState.CachedKey(key, binding);
    }

    /** An object's members in file order (null for JSON null). */
    private static <V> Map<String, V> map(JsonParser p, JsonToken t, Reader<V> values) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(t, JsonToken.START_OBJECT);
        Map<String, V> out = new LinkedHashMap<>();
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            out.put(field, values.read(p, p.nextToken()));
        }
        return out;
    }

    /** Text, or a scalar's text (as the mapper coerces it); null for null. */
    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            throw new IOException("expected text at " + p.currentLocation());
        }
        return p.getText();
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", found " + actual);
        }
    }
}
