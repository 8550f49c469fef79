package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an instance's config ({@code services.<id>} of an {@code EnvironmentConfig}, API-NOTES
 * section 6) holds beyond what {@link ConfigCodec} models, by path: each domain and TCP proxy,
 * each volume mount, and every other key that is set (null, empty and false count as not set).
 * For {@code tlctl import}, which lists them as what the spec cannot express yet.
 */
final class Unmodelled {
    /** Keys of an instance that are bookkeeping, not settings. */
    private static final Set<String> BOOKKEEPING = Set.of("variables", "isCreated", "isDeleted");
    /**
     * Settings at the value Railway gives every new instance, which nobody set: not listed (Railway's
     * own IaC diff treats them as no change, railwayapp/cli src/iac/change_set.rs).
     */
    private static final Map<String, String> RAILWAY_DEFAULTS = Map.of("deploy.runtime", "\"V2\"");
    /** Parts of {@code networking} whose entries are listed one by one. */
    private static final Set<String> ENTRIES = Set.of("serviceDomains", "customDomains", "tcpProxies");

    /** {@link ConfigCodec#keys()}, made once. */
    private static final Set<String> MODELLED = Set.copyOf(ConfigCodec.keys());

    private Unmodelled() {}

    static SortedMap<String, String> of(JsonNode service) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = service.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (BOOKKEEPING.contains(key) || unset(value)) {
                continue;
            }
            if (ConfigCodec.SECTIONS.contains(key)) {
                settings(key, value, out);
            } else if (key.equals("networking") && value.isObject()) {
                value.fields().forEachRemaining(part -> {
                    if (ENTRIES.contains(part.getKey()) && part.getValue().isObject()) {
                        entries("networking." + part.getKey(), part.getValue(), out);
                    } else if (!unset(part.getValue())) {
                        out.put("networking." + part.getKey(), JsonText.of(part.getValue()));
                    }
                });
            } else if (key.equals("volumeMounts") && value.isObject()) {
                entries(key, value, out);
            } else {
                out.put(key, JsonText.of(value));
            }
        }
        return out;
    }

    /** The keys of {@code source}, {@code build} or {@code deploy} that the codec does not read. */
    private static void settings(String section, JsonNode part, SortedMap<String, String> out) {
        if (!part.isObject()) {
            out.put(section, JsonText.of(part));
            return;
        }
        Set<String> modelled = MODELLED;
        part.fields().forEachRemaining(e -> {
            String path = section + "." + e.getKey();
            JsonNode value = e.getValue();
            String railwayDefault = RAILWAY_DEFAULTS.get(path);
            if (modelled.contains(path) || unset(value)
                    || railwayDefault != null && JsonText.of(value).equals(railwayDefault)) {
                return;
            }
            switch (path) {
                case "deploy.multiRegionConfig" -> {
                    int regions = 0;
                    for (JsonNode region : value) {
                        regions += region.isObject() ? 1 : 0;
                    }
                    if (regions > 1) { // one region is deploy.region with its replicas
                        out.put(path, JsonText.of(value));
                    }
                }
                case "deploy.limitOverride" -> value.fields().forEachRemaining(limit -> {
                    if (limit.getKey().equals("containers") && limit.getValue().isObject()) {
                        limit.getValue().fields().forEachRemaining(c -> {
                            if (!Set.of("cpu", "memoryBytes").contains(c.getKey()) && !unset(c.getValue())) {
                                out.put(path + ".containers." + c.getKey(), JsonText.of(c.getValue()));
                            }
                        });
                    } else if (!unset(limit.getValue())) {
                        out.put(path + "." + limit.getKey(), JsonText.of(limit.getValue()));
                    }
                });
                default -> out.put(path, JsonText.of(value));
            }
        });
    }

    private static void entries(String prefix, JsonNode entries, SortedMap<String, String> out) {
        entries.fields().forEachRemaining(e -> {
            if (e.getValue() != null && !e.getValue().isNull()) {
                out.put(prefix + "." + e.getKey(), JsonText.of(e.getValue()));
            }
        });
    }

    private static boolean unset(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || value.isBoolean() && !value.asBoolean()
                || (value.isTextual() && value.asText().isEmpty()) || (value.isContainerNode() && value.isEmpty());
    }
}
