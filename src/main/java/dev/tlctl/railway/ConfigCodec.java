package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.Secret;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Translates between Railway's {@code EnvironmentConfig} JSON (API-NOTES section 6) and tlctl's
 * setting keys, which are the spec's ({@code deploy.startCommand}...). Most keys are the config
 * path under {@code services.<id>}; three are not:
 * <ul>
 *   <li>{@code deploy.region} and {@code deploy.numReplicas} live together in
 *       {@code deploy.multiRegionConfig.<region>.numReplicas} (the region is the single key; the
 *       replicas are summed over regions), or in {@code deploy.numReplicas} when no region is set;
 *   <li>{@code deploy.limits.vCPUs} is {@code deploy.limitOverride.containers.cpu};
 *   <li>{@code deploy.limits.memoryGB} is {@code deploy.limitOverride.containers.memoryBytes}
 *       divided by {@link #BYTES_PER_GB} (decimal gigabytes, as Railway's dashboard shows them).
 * </ul>
 */
public final class ConfigCodec {
    /** Bytes in one GB of a memory limit: decimal, as {@code serviceInstanceLimitsUpdate.memoryGB}. */
    public static final double BYTES_PER_GB = 1_000_000_000d;

    static final String REGION = "deploy.region";
    static final String REPLICAS = "deploy.numReplicas";
    static final String VCPUS = "deploy.limits.vCPUs";
    static final String MEMORY_GB = "deploy.limits.memoryGB";

    /** How a plain key's value is typed when read back. */
    private enum Kind { STRING, INT, BOOL, STRING_LIST }

    /** The keys stored at the same path in the config, with their type. */
    private static final Map<String, Kind> PLAIN = new LinkedHashMap<>();

    static {
        PLAIN.put("source.repo", Kind.STRING);
        PLAIN.put("source.branch", Kind.STRING);
        PLAIN.put("source.image", Kind.STRING);
        PLAIN.put("source.rootDirectory", Kind.STRING);
        PLAIN.put("build.builder", Kind.STRING);
        PLAIN.put("build.buildCommand", Kind.STRING);
        PLAIN.put("build.dockerfilePath", Kind.STRING);
        PLAIN.put("build.watchPatterns", Kind.STRING_LIST);
        PLAIN.put("deploy.startCommand", Kind.STRING);
        PLAIN.put("deploy.preDeployCommand", Kind.STRING_LIST);
        PLAIN.put("deploy.healthcheckPath", Kind.STRING);
        PLAIN.put("deploy.healthcheckTimeout", Kind.INT);
        PLAIN.put("deploy.sleepApplication", Kind.BOOL);
        PLAIN.put("deploy.cronSchedule", Kind.STRING);
        PLAIN.put("deploy.restartPolicyType", Kind.STRING);
        PLAIN.put("deploy.restartPolicyMaxRetries", Kind.INT);
        PLAIN.put("deploy.overlapSeconds", Kind.INT);
        PLAIN.put("deploy.drainingSeconds", Kind.INT);
    }

    /** The parts of an instance's config that hold settings, each replaced whole by a change set. */
    static final List<String> SECTIONS = List.of("source", "build", "deploy");

    private ConfigCodec() {}

    /** Every setting key this codec reads and writes (the spec's keys; a test checks they match). */
    public static Set<String> keys() {
        Set<String> keys = new java.util.LinkedHashSet<>(PLAIN.keySet());
        keys.addAll(List.of(REGION, REPLICAS, VCPUS, MEMORY_GB));
        return keys;
    }

    /** The instances of an environment's config: {@code services.<id>}, except deleted ones. */
    static Map<String, LiveServiceInstance> readInstances(JsonNode config) {
        Map<String, LiveServiceInstance> instances = new LinkedHashMap<>();
        JsonNode services = config == null ? null : config.get("services");
        if (services == null || !services.isObject()) {
            return instances;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = services.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode service = e.getValue();
            if (service == null || !service.isObject() || service.path("isDeleted").asBoolean(false)) {
                continue;
            }
            Map<String, String> sections = new LinkedHashMap<>();
            for (String section : SECTIONS) {
                JsonNode part = service.get(section);
                if (part != null && part.isObject()) {
                    sections.put(section, JsonText.of(part));
                }
            }
            instances.put(e.getKey(), new LiveServiceInstance(e.getKey(), readSettings(service),
                    readVariables(service.get("variables")), sections, Unmodelled.of(service)));
        }
        return instances;
    }

    /** The shared variables of an environment's config. */
    static Map<String, LiveVariable> readSharedVariables(JsonNode config) {
        return readVariables(config == null ? null : config.get("sharedVariables"));
    }

    static SortedMap<String, Object> readSettings(JsonNode service) {
        SortedMap<String, Object> settings = new TreeMap<>();
        PLAIN.forEach((key, kind) -> {
            JsonNode node = at(service, key);
            Object value = node == null ? null : switch (kind) {
                case STRING -> node.isValueNode() ? node.asText() : null;
                case INT -> node.canConvertToLong() ? node.asLong() : null;
                case BOOL -> node.isBoolean() ? node.asBoolean() : null;
                case STRING_LIST -> stringList(node);
            };
            if (value != null) {
                settings.put(key, value);
            }
        });
        JsonNode deploy = service.get("deploy");
        if (deploy != null) {
            JsonNode regions = deploy.get("multiRegionConfig");
            if (regions != null && regions.isObject() && regions.size() > 0) {
                long total = 0;
                List<String> names = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = regions.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = it.next();
                    if (r.getValue() != null && r.getValue().isObject()) {
                        names.add(r.getKey());
                        total += r.getValue().path("numReplicas").asLong(0);
                    }
                }
                if (names.size() == 1) {
                    settings.put(REGION, names.get(0));
                }
                if (!names.isEmpty()) {
                    settings.put(REPLICAS, total);
                }
            } else if (deploy.path("numReplicas").canConvertToLong()) {
                settings.put(REPLICAS, deploy.get("numReplicas").asLong());
            }
            JsonNode containers = deploy.path("limitOverride").path("containers");
            if (containers.path("cpu").isNumber()) {
                settings.put(VCPUS, containers.get("cpu").asDouble());
            }
            if (containers.path("memoryBytes").isNumber()) {
                settings.put(MEMORY_GB, containers.get("memoryBytes").asDouble() / BYTES_PER_GB);
            }
        }
        return settings;
    }

    static Map<String, LiveVariable> readVariables(JsonNode variables) {
        if (variables instanceof POJONode node && node.getPojo() instanceof AnswerReader.Variables read) {
            return read.byName();
        }
        Map<String, LiveVariable> out = new TreeMap<>();
        if (variables == null || !variables.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            boolean sealed = v.path("isSealed").asBoolean(false);
            JsonNode value = v.get("value");
            Secret secret = sealed || value == null || value.isNull() ? null : Secret.of(value.asText());
            out.put(e.getKey(), new LiveVariable(e.getKey(), secret, sealed));
        }
        return out;
    }

    /**
     * Writes the settings in {@code changed} into {@code service} (a patch's
     * {@code services.<id>} object), using {@code desired} and {@code prior} for the settings that
     * share a place in the config.
     */
    static void writeSettings(ObjectNode service, Set<String> changed, Map<String, Object> prior,
            Map<String, Object> desired) {
        for (String key : changed) {
            if (PLAIN.containsKey(key)) {
                set(service, key, desired.get(key));
            }
        }
        if (changed.contains(REGION) || changed.contains(REPLICAS)) {
            writeScale(service, prior, desired);
        }
        if (changed.contains(VCPUS) || changed.contains(MEMORY_GB)) {
            ObjectNode containers = object(object(object(service, "deploy"), "limitOverride"), "containers");
            Object cpu = desired.getOrDefault(VCPUS, prior.get(VCPUS));
            Object memory = desired.getOrDefault(MEMORY_GB, prior.get(MEMORY_GB));
            if (cpu instanceof Number n) {
                containers.put("cpu", n.doubleValue());
            }
            if (memory instanceof Number n) {
                containers.put("memoryBytes", Math.round(n.doubleValue() * BYTES_PER_GB));
            }
        }
    }

    private static void writeScale(ObjectNode service, Map<String, Object> prior, Map<String, Object> desired) {
        ObjectNode deploy = object(service, "deploy");
        Object region = desired.containsKey(REGION) ? desired.get(REGION) : prior.get(REGION);
        Object replicas = desired.containsKey(REPLICAS) ? desired.get(REPLICAS) : prior.get(REPLICAS);
        long count = replicas instanceof Number n ? n.longValue() : 1;
        if (region == null) {
            deploy.put("numReplicas", count);
            return;
        }
        ObjectNode regions = object(deploy, "multiRegionConfig");
        Object oldRegion = prior.get(REGION);
        if (oldRegion != null && !oldRegion.equals(region)) {
            regions.putNull(oldRegion.toString()); // a null key removes the old region
        }
        regions.putObject(region.toString()).put("numReplicas", count);
    }

    private static void set(ObjectNode service, String key, Object value) {
        String[] path = key.split("\\.");
        ObjectNode parent = service;
        for (int i = 0; i < path.length - 1; i++) {
            parent = object(parent, path[i]);
        }
        String leaf = path[path.length - 1];
        if (value == null) {
            parent.putNull(leaf);
        } else if (value instanceof Boolean b) {
            parent.put(leaf, b);
        } else if (value instanceof Long l) {
            parent.put(leaf, l);
        } else if (value instanceof Integer n) {
            parent.put(leaf, n.longValue());
        } else if (value instanceof Double d) {
            parent.put(leaf, d);
        } else if (value instanceof List<?> list) {
            var array = parent.putArray(leaf);
            list.forEach(item -> array.add(String.valueOf(item)));
        } else {
            parent.put(leaf, value.toString());
        }
    }

    static ObjectNode object(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        if (existing instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static JsonNode at(JsonNode service, String key) {
        JsonNode node = service;
        for (String part : key.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    private static List<String> stringList(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        node.forEach(item -> out.add(item.asText()));
        return List.copyOf(out);
    }

    static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }
}
