package dev.tlctl.adopt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What Railway holds that the spec cannot express yet, as import lists it: the one table of it,
 * by the place in Railway's environment config, so that a row goes when the spec learns the
 * thing (domains and volume mounts are expressed now, by {@link RuntimeValues}; their rows name
 * them only for an environment whose runtime was not read). Values are never shown beyond what
 * identifies the thing (a domain, a port, a mount path): an unknown setting may hold a
 * credential (a Nixpacks plan's variables, registry credentials), so only its path is named.
 */
final class Unexpressed {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One thing the spec cannot express: where it is ({@code environment} null for the whole
     * project, {@code service} null for the whole environment) and what it is, in words.
     */
    public record Item(String environment, String service, String what) {
        /** {@code production/engine-api: Railway domain ...}. */
        @Override
        public String toString() {
            String where = environment == null ? "project" : service == null ? environment : environment + "/" + service;
            return where + ": " + what;
        }
    }

    /** A row: config paths under {@code services.<id>} starting with {@code prefix}, and how to say what one is. */
    private record Row(String prefix, BiFunction<String, JsonNode, String> describe) {}

    /** The table; the first row whose prefix matches a path describes it (the last row matches every path). */
    private static final List<Row> ROWS = List.of(
            new Row("networking.serviceDomains.", (key, v) -> "Railway domain " + key + port(v)),
            new Row("networking.customDomains.", (key, v) -> "custom domain " + key + port(v)),
            new Row("networking.tcpProxies.", (key, v) -> "TCP proxy to port " + key),
            new Row("volumeMounts.", (key, v) -> "volume " + key + " mounted at " + v.path("mountPath").asText("?")),
            new Row("deploy.multiRegionConfig", (key, v) -> "replicas in several regions (" + regions(v) + ")"),
            new Row("", (key, v) -> "setting " + key + " (not modelled by tlctl)"));

    private Unexpressed() {}

    /**
     * What one config path of an instance is, in words.
     *
     * @param json the value at that path as JSON text
     * @param volumeName the name of a volume by id, for mounts
     */
    static String describe(String path, String json, java.util.function.UnaryOperator<String> volumeName) {
        JsonNode value = parse(json);
        for (Row row : ROWS) {
            if (path.startsWith(row.prefix())) {
                String key = row.prefix().isEmpty() ? path : path.substring(row.prefix().length());
                if (row.prefix().equals("volumeMounts.")) {
                    key = volumeName.apply(key);
                }
                return row.describe().apply(key, value);
            }
        }
        throw new IllegalStateException("the last row matches every path");
    }

    /** A volume of the project, which the spec cannot declare yet. */
    static Item volume(String name) {
        return new Item(null, null, "volume " + name);
    }

    private static String port(JsonNode value) {
        return value.path("port").canConvertToInt() ? " (port " + value.path("port").asInt() + ")" : "";
    }

    private static String regions(JsonNode value) {
        List<String> parts = new java.util.ArrayList<>();
        value.fields().forEachRemaining(e -> {
            if (e.getValue().isObject()) {
                parts.add(e.getKey() + ": " + e.getValue().path("numReplicas").asInt(0));
            }
        });
        return String.join(", ", parts);
    }

    private static JsonNode parse(String json) {
        try {
            return json == null ? JSON.missingNode() : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.missingNode();
        }
    }
}
