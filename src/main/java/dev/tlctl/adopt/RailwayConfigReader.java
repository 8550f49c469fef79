package dev.tlctl.adopt;

import dev.tlctl.adopt.ConfigTree.Node;
import dev.tlctl.adopt.RailwayConfig.Finding;
import dev.tlctl.adopt.RailwayConfig.Setting;
import dev.tlctl.spec.Suggestions;
import dev.tlctl.spec.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a Railway config-as-code file ({@code railway.json}, {@code railway.toml}; Railway's docs
 * {@code config-as-code/reference.md}) into a {@link RailwayConfig}. Its keys are Railway's, as
 * the spec's are, except the replicas' region ({@code deploy.multiRegionConfig} with one region),
 * the resource limits ({@code deploy.limitOverride.containers.cpu}, {@code .memoryBytes}) and the
 * legacy {@code deploy.region}. A null value means "as the dashboard says" there, so it is not a
 * setting. Enumerations are read in any case ({@code "on_failure"}); numbers written as strings
 * ({@code "60"}) are taken.
 */
public final class RailwayConfigReader {
    /** Railway settings of config-as-code that the spec cannot express: listed, not taken. */
    private static final Set<String> UNEXPRESSED = Set.of("build.nixpacksConfigPath", "build.nixpacksPlan",
            "build.nixpacksVersion", "build.railpackVersion", "build.buildEnvironment", "deploy.runtime",
            "deploy.requiredMountPath", "deploy.useLegacyStacker", "deploy.ipv6EgressEnabled",
            "deploy.registryCredentials", "deploy.limitOverride.containers.diskBytes");
    private static final List<String> SECTIONS = List.of("build", "deploy");
    private static final String LIMITS = "deploy.limitOverride.containers";

    private final List<Finding> unknown = new ArrayList<>();
    private final List<Finding> invalid = new ArrayList<>();
    private final List<Finding> unexpressed = new ArrayList<>();

    private RailwayConfigReader() {}

    /**
     * Reads {@code text}, named {@code label} in messages (TOML when it ends with {@code .toml},
     * else JSON).
     *
     * @throws ConfigSyntaxException when it is not valid JSON or TOML
     */
    public static RailwayConfig read(String label, String text) throws ConfigSyntaxException {
        Node root = ConfigTree.read(label, text);
        RailwayConfigReader reader = new RailwayConfigReader();
        Map<String, Node> top = root.map();
        if (top == null) {
            throw new ConfigSyntaxException(root.location(), "expected an object with build, deploy and"
                    + " environments");
        }
        SortedMap<String, Setting> base = new TreeMap<>();
        Map<String, SortedMap<String, Setting>> environments = new LinkedHashMap<>();
        SortedMap<String, Setting> pr = new TreeMap<>();
        for (Map.Entry<String, Node> entry : top.entrySet()) {
            String key = entry.getKey();
            if (SECTIONS.contains(key)) {
                reader.section(key, entry.getValue(), base);
            } else if (key.equals("environments")) {
                Map<String, Node> named = reader.mapping(entry.getValue(), "environments");
                for (Map.Entry<String, Node> environment : named.entrySet()) {
                    SortedMap<String, Setting> settings = new TreeMap<>();
                    for (Map.Entry<String, Node> section : reader.mapping(environment.getValue(),
                            "environments." + environment.getKey()).entrySet()) {
                        if (SECTIONS.contains(section.getKey())) {
                            reader.section(section.getKey(), section.getValue(), settings);
                        } else {
                            reader.unknown(section.getValue(), "environments." + environment.getKey() + "."
                                    + section.getKey(), SECTIONS);
                        }
                    }
                    if (environment.getKey().equals("pr")) {
                        pr.putAll(settings);
                    } else {
                        environments.put(environment.getKey(), settings);
                    }
                }
            } else if (!key.equals("$schema")) {
                reader.unknown(entry.getValue(), key, List.of("build", "deploy", "environments", "$schema"));
            }
        }
        return new RailwayConfig(label, base, environments, pr, reader.unknown, reader.invalid, reader.unexpressed);
    }

    private Map<String, Node> mapping(Node node, String path) {
        Map<String, Node> map = node.map();
        if (map == null) {
            if (node.value() != null) {
                invalid.add(new Finding(node.location(), path + " must be an object"));
            }
            return Map.of();
        }
        return map;
    }

    /** Reads {@code build} or {@code deploy} into {@code settings}. */
    private void section(String prefix, Node node, Map<String, Setting> settings) {
        for (Map.Entry<String, Node> entry : mapping(node, prefix).entrySet()) {
            String key = prefix + "." + entry.getKey();
            Node value = entry.getValue();
            if (value.value() == null) {
                continue; // null: the dashboard's value
            }
            if (UNEXPRESSED.contains(key)) {
                unexpressed.add(new Finding(value.location(), key + " (the spec cannot express it yet)"));
            } else if (key.equals("deploy.multiRegionConfig")) {
                regions(value, settings);
            } else if (key.equals("deploy.region")) {
                take(Settings.DEPLOY_REGION, value, settings);
            } else if (key.equals("deploy.limitOverride")) {
                limits(value, settings);
            } else if (Settings.get(key) != null && !key.equals(Settings.DEPLOY_REGION)
                    && !key.startsWith("deploy.limits.") && !key.startsWith("source.")) {
                take(key, value, settings);
            } else {
                unknown(value, key, known(prefix));
            }
        }
    }

    /** The keys of a section Railway knows, for a did-you-mean. */
    private static List<String> known(String prefix) {
        List<String> keys = new ArrayList<>();
        for (String key : Settings.all().keySet()) {
            if (key.startsWith(prefix + ".") && !key.startsWith("deploy.limits.") && !key.equals(Settings.DEPLOY_REGION)) {
                keys.add(key.substring(prefix.length() + 1));
            }
        }
        UNEXPRESSED.stream().filter(k -> k.startsWith(prefix + ".") && k.indexOf('.', prefix.length() + 1) < 0)
                .forEach(k -> keys.add(k.substring(prefix.length() + 1)));
        if (prefix.equals("deploy")) {
            keys.addAll(List.of("multiRegionConfig", "limitOverride", "region"));
        }
        return keys;
    }

    /** {@code multiRegionConfig}: one region is the spec's region and replicas; more cannot be expressed. */
    private void regions(Node node, Map<String, Setting> settings) {
        Map<String, Node> regions = mapping(node, "deploy.multiRegionConfig");
        List<Map.Entry<String, Node>> set = regions.entrySet().stream().filter(e -> e.getValue().value() != null).toList();
        if (set.size() > 1) {
            unexpressed.add(new Finding(node.location(), "deploy.multiRegionConfig with " + set.size()
                    + " regions (the spec holds one region)"));
            return;
        }
        if (set.isEmpty()) {
            return;
        }
        Map.Entry<String, Node> region = set.get(0);
        settings.put(Settings.DEPLOY_REGION, new Setting(region.getKey(), region.getValue().location()));
        Map<String, Node> body = mapping(region.getValue(), "deploy.multiRegionConfig." + region.getKey());
        for (Map.Entry<String, Node> e : body.entrySet()) {
            if (e.getKey().equals("numReplicas")) {
                take(Settings.DEPLOY_NUM_REPLICAS, e.getValue(), settings);
            } else {
                unknown(e.getValue(), "deploy.multiRegionConfig." + region.getKey() + "." + e.getKey(),
                        List.of("numReplicas"));
            }
        }
    }

    /** {@code limitOverride.containers.cpu} and {@code .memoryBytes}: the spec's limits. */
    private void limits(Node node, Map<String, Setting> settings) {
        for (Map.Entry<String, Node> part : mapping(node, "deploy.limitOverride").entrySet()) {
            if (!part.getKey().equals("containers")) {
                unknown(part.getValue(), "deploy.limitOverride." + part.getKey(), List.of("containers"));
                continue;
            }
            for (Map.Entry<String, Node> e : mapping(part.getValue(), LIMITS).entrySet()) {
                String key = LIMITS + "." + e.getKey();
                Node value = e.getValue();
                if (value.value() == null) {
                    continue;
                }
                switch (e.getKey()) {
                    case "cpu" -> take(Settings.DEPLOY_LIMITS_VCPUS, value, settings);
                    case "memoryBytes" -> {
                        Double bytes = number(value.value());
                        if (bytes == null || bytes <= 0) {
                            invalid.add(new Finding(value.location(), key + " must be a number of bytes"));
                        } else {
                            settings.put(Settings.DEPLOY_LIMITS_MEMORY_GB, new Setting(bytes / 1_000_000_000d,
                                    value.location()));
                        }
                    }
                    case "diskBytes" -> unexpressed.add(new Finding(value.location(), key
                            + " (the spec cannot express it yet)"));
                    default -> unknown(value, key, List.of("cpu", "memoryBytes", "diskBytes"));
                }
            }
        }
    }

    /** Takes a value as setting {@code key} of the spec, converted to its type, or reports why not. */
    private void take(String key, Node node, Map<String, Setting> settings) {
        Settings.Def def = Settings.get(key);
        Object raw = node.value();
        Object value = switch (def.type()) {
            case STRING -> raw instanceof String s ? s : null;
            case INT -> {
                Double n = number(raw);
                yield n != null && n == Math.rint(n) && !n.isInfinite() ? (Object) n.longValue() : null;
            }
            case NUMBER -> number(raw);
            case BOOL -> raw instanceof Boolean b ? b : raw instanceof String s && (s.equals("true") || s.equals("false"))
                    ? (Object) Boolean.valueOf(s) : null;
            case STRING_LIST -> strings(raw);
            case ENUM -> raw instanceof String s && def.allowed().contains(s.toUpperCase(Locale.ROOT))
                    ? s.toUpperCase(Locale.ROOT) : null;
        };
        if (value == null) {
            invalid.add(new Finding(node.location(), key + " must be " + expected(def)));
            return;
        }
        settings.put(key, new Setting(value, node.location()));
    }

    private static Double number(Object raw) {
        if (raw instanceof Long l) {
            return l.doubleValue();
        }
        if (raw instanceof Double d) {
            return d;
        }
        if (raw instanceof String s && s.strip().matches("\\d{1,15}(\\.\\d{1,9})?")) {
            return Double.valueOf(s.strip());
        }
        return null;
    }

    private static List<String> strings(Object raw) {
        if (raw instanceof String s) {
            return List.of(s);
        }
        if (!(raw instanceof List<?> list)) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Node n) || !(n.value() instanceof String s)) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    private static String expected(Settings.Def def) {
        return switch (def.type()) {
            case STRING -> "a string";
            case INT -> "a whole number";
            case NUMBER -> "a number";
            case BOOL -> "true or false";
            case STRING_LIST -> "a string or a list of strings";
            case ENUM -> "one of " + String.join(", ", def.allowed());
        };
    }

    private void unknown(Node node, String path, List<String> known) {
        String key = path.substring(path.lastIndexOf('.') + 1);
        String guess = Suggestions.closest(key, known);
        unknown.add(new Finding(node.location(), "unknown key " + path
                + (guess == null ? "" : " (did you mean " + guess + "?)")));
    }

}
