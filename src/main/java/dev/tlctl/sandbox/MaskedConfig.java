package dev.tlctl.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A config (or patch) as {@code config(decryptVariables)} answers it, written as JSON when it is
 * fetched: a snapshot of that moment, as the copy it replaces was, but made in one walk of the
 * config straight into bytes (no copy as Java maps, no second walk to serialize them), and
 * written into the answer as it is. Masking: without decryption no variable carries its value
 * (names and isSealed only), a sealed variable never does, and registry credentials always read
 * {@value Patches#MASKED_CREDENTIAL}. Keys keep the config's order.
 */
final class MaskedConfig implements JsonSerializable {
    private final byte[] json;

    private MaskedConfig(byte[] json) {
        this.json = json;
    }

    /** The masked answer of {@code config} as it is now. */
    static MaskedConfig of(ObjectNode config, boolean decrypt) {
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (JsonGenerator out = Json.MAPPER.createGenerator(bytes)) {
            writeConfig(out, config, decrypt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MaskedConfig(bytes.toByteArray());
    }

    /** The JSON text, for tests and messages. */
    @Override
    public String toString() {
        return new String(json, StandardCharsets.UTF_8);
    }

    private static void writeConfig(JsonGenerator out, ObjectNode config, boolean decrypt) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> entry : config.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            out.writeFieldName(key);
            if (key.equals("services") && value instanceof ObjectNode services) {
                writeServices(out, services, decrypt);
            } else if (key.equals("sharedVariables") && value instanceof ObjectNode variables) {
                writeVariables(out, variables, decrypt);
            } else {
                Json.write(out, value);
            }
        }
        out.writeEndObject();
    }

    private static void writeServices(JsonGenerator out, ObjectNode services, boolean decrypt) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> service : services.properties()) {
            out.writeFieldName(service.getKey());
            if (!(service.getValue() instanceof ObjectNode instance)) {
                Json.write(out, service.getValue());
                continue;
            }
            out.writeStartObject();
            for (Map.Entry<String, JsonNode> entry : instance.properties()) {
                String key = entry.getKey();
                JsonNode value = entry.getValue();
                out.writeFieldName(key);
                if (key.equals("variables") && value instanceof ObjectNode variables) {
                    writeVariables(out, variables, decrypt);
                } else if (key.equals("deploy") && value instanceof ObjectNode deploy) {
                    writeDeploy(out, deploy);
                } else {
                    Json.write(out, value);
                }
            }
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    /** Each variable without its value where its config says to hide it. */
    private static void writeVariables(JsonGenerator out, ObjectNode variables, boolean decrypt) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> variable : variables.properties()) {
            out.writeFieldName(variable.getKey());
            JsonNode value = variable.getValue();
            if (value instanceof ObjectNode object && (!decrypt || Variables.isSealed(object))) {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : object.properties()) {
                    if (!field.getKey().equals("value")) {
                        out.writeFieldName(field.getKey());
                        Json.write(out, field.getValue());
                    }
                }
                out.writeEndObject();
            } else {
                Json.write(out, value);
            }
        }
        out.writeEndObject();
    }

    /** Registry credentials are write-only: a username or password present reads as masked. */
    private static void writeDeploy(JsonGenerator out, ObjectNode deploy) throws IOException {
        out.writeStartObject();
        for (Map.Entry<String, JsonNode> entry : deploy.properties()) {
            out.writeFieldName(entry.getKey());
            if (entry.getKey().equals("registryCredentials") && entry.getValue() instanceof ObjectNode credentials) {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : credentials.properties()) {
                    out.writeFieldName(field.getKey());
                    boolean secret = field.getKey().equals("username") || field.getKey().equals("password");
                    if (secret && !field.getValue().isNull()) {
                        out.writeString(Patches.MASKED_CREDENTIAL);
                    } else {
                        Json.write(out, field.getValue());
                    }
                }
                out.writeEndObject();
            } else {
                Json.write(out, entry.getValue());
            }
        }
        out.writeEndObject();
    }

    /** Into an answer written as UTF-8 JSON: the bytes as they are; into anything else: their tokens. */
    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (gen instanceof UTF8JsonGenerator) {
            gen.writeRawValue(new Utf8(json));
            return;
        }
        try (JsonParser in = Json.MAPPER.createParser(json)) {
            in.nextToken();
            gen.copyCurrentStructure(in);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }

    /** UTF-8 bytes written as they are ({@link UTF8JsonGenerator#writeRawValue(SerializableString)}). */
    private record Utf8(byte[] bytes) implements SerializableString {
        @Override
        public String getValue() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is written as bytes");
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return bytes;
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is written as bytes");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is written as bytes");
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is written as bytes");
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + bytes.length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, 0, buffer, offset, bytes.length);
            return bytes.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            throw new UnsupportedOperationException("raw JSON is written as bytes");
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is written as bytes");
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes);
            return bytes.length;
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is written as bytes");
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < bytes.length) {
                return -1;
            }
            buffer.put(bytes);
            return bytes.length;
        }
    }
}
