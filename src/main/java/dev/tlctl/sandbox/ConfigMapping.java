package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place where Railway's typed views meet the EnvironmentConfig store: how a
 * ServiceInstance is read from {@code services.<id>} and how serviceInstanceUpdate and
 * serviceInstanceLimitsUpdate write into it. Every decision Railway leaves open is a constant or
 * a comment here.
 */
final class ConfigMapping {
    /** memoryGB is decimal: memoryBytes = round(memoryGB * 1e9). */
    static final long BYTES_PER_GB = 1_000_000_000L;
    /**
     * ServiceInstance.builder is non-null and its enum has no DOCKERFILE: config builders
     * NIXPACKS, RAILPACK (and the legacy HEROKU, PAKETO) read as themselves; DOCKERFILE, absent or
     * anything else reads as RAILPACK, Railway's default builder (its IaC diff drops
     * {@code builder: RAILPACK} as a default: railwayapp/cli src/iac/change_set.rs).
     */
    static final String DEFAULT_BUILDER = "RAILPACK";
    /**
     * What the typed view reports for settings nobody set, as Railway reports them: one replica,
     * no sleeping, a 300-second health check (Railway's documented default health check timeout,
     * docs deployments/healthchecks).
     */
    static final int DEFAULT_REPLICAS = 1;
    static final int DEFAULT_HEALTHCHECK_TIMEOUT = 300;
    static final Set<String> BUILDER_VALUES = Set.of("HEROKU", "NIXPACKS", "PAKETO", "RAILPACK");
    /** Non-null fields read these when the config has no (valid) value. */
    static final String DEFAULT_RESTART_POLICY_TYPE = "ON_FAILURE";
    static final Set<String> RESTART_POLICY_TYPES = Set.of("ALWAYS", "NEVER", "ON_FAILURE");
    static final int DEFAULT_RESTART_POLICY_MAX_RETRIES = 10;
    /** The parts of an instance's config whose change means a new deployment. */
    static final List<String> DEPLOYED_PARTS = List.of("source", "build", "deploy", "variables");

    /** serviceInstanceUpdate input fields that map one-to-one onto a config path. */
    private static final Map<String, String[]> PATHS = Map.ofEntries(
            Map.entry("buildCommand", new String[] {"build", "buildCommand"}),
            Map.entry("builder", new String[] {"build", "builder"}),
            Map.entry("dockerfilePath", new String[] {"build", "dockerfilePath"}),
            Map.entry("watchPatterns", new String[] {"build", "watchPatterns"}),
            Map.entry("rootDirectory", new String[] {"source", "rootDirectory"}),
            Map.entry("startCommand", new String[] {"deploy", "startCommand"}),
            Map.entry("preDeployCommand", new String[] {"deploy", "preDeployCommand"}),
            Map.entry("healthcheckPath", new String[] {"deploy", "healthcheckPath"}),
            Map.entry("healthcheckTimeout", new String[] {"deploy", "healthcheckTimeout"}),
            Map.entry("sleepApplication", new String[] {"deploy", "sleepApplication"}),
            Map.entry("cronSchedule", new String[] {"deploy", "cronSchedule"}),
            Map.entry("restartPolicyType", new String[] {"deploy", "restartPolicyType"}),
            Map.entry("restartPolicyMaxRetries", new String[] {"deploy", "restartPolicyMaxRetries"}),
            Map.entry("overlapSeconds", new String[] {"deploy", "overlapSeconds"}),
            Map.entry("drainingSeconds", new String[] {"deploy", "drainingSeconds"}));

    private ConfigMapping() {}

    // ---- reading ----

    /** The ServiceInstance view of a service in an environment (the lazy fields are wired apart). */
    static Map<String, Object> serviceInstance(State.EnvironmentRec environment, State.ServiceRec service,
                                               ObjectNode config) {
        ObjectNode source = Json.at(config, "source");
        ObjectNode build = Json.at(config, "build");
        ObjectNode deploy = Json.at(config, "deploy");
        State.InstanceRec instance = environment.instances.get(service.id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", instance == null ? null : instance.id);
        view.put("serviceId", service.id);
        view.put("serviceName", service.name);
        view.put("environmentId", environment.id);
        view.put("createdAt", instance == null ? environment.createdAt : instance.createdAt);
        view.put("updatedAt", instance == null ? environment.updatedAt : instance.updatedAt);
        String repo = text(source, "repo");
        String image = text(source, "image");
        view.put("source", repo == null && image == null ? null : sourceView(repo, image));
        view.put("rootDirectory", text(source, "rootDirectory"));
        view.put("builder", builder(build));
        view.put("buildCommand", text(build, "buildCommand"));
        view.put("dockerfilePath", text(build, "dockerfilePath"));
        view.put("watchPatterns", strings(build == null ? null : build.get("watchPatterns")));
        view.put("startCommand", text(deploy, "startCommand"));
        view.put("preDeployCommand", deploy == null ? null : Json.toJava(deploy.get("preDeployCommand")));
        view.put("healthcheckPath", text(deploy, "healthcheckPath"));
        Integer timeout = integer(deploy, "healthcheckTimeout");
        view.put("healthcheckTimeout", timeout == null ? DEFAULT_HEALTHCHECK_TIMEOUT : timeout);
        Integer replicas = numReplicas(deploy);
        view.put("numReplicas", replicas == null ? DEFAULT_REPLICAS : replicas);
        view.put("region", region(deploy));
        Boolean sleeps = bool(deploy, "sleepApplication");
        view.put("sleepApplication", sleeps != null && sleeps);
        view.put("cronSchedule", text(deploy, "cronSchedule"));
        String restart = text(deploy, "restartPolicyType");
        view.put("restartPolicyType",
                restart != null && RESTART_POLICY_TYPES.contains(restart) ? restart : DEFAULT_RESTART_POLICY_TYPE);
        Integer retries = integer(deploy, "restartPolicyMaxRetries");
        view.put("restartPolicyMaxRetries", retries == null ? DEFAULT_RESTART_POLICY_MAX_RETRIES : retries);
        view.put("overlapSeconds", integer(deploy, "overlapSeconds"));
        view.put("drainingSeconds", integer(deploy, "drainingSeconds"));
        // Instances are removed, never soft-deleted; no CDN, no Railpack plan, no template upstream.
        view.put("deletedAt", null);
        view.put("edgeConfig", null);
        view.put("railpackInfo", null);
        view.put("upstreamUrl", null);
        view.put("isUpdatable", true);
        view.put("ipv6EgressEnabled", bool(deploy, "ipv6EgressEnabled"));
        view.put("nixpacksPlan", build == null ? null : Json.toJava(build.get("nixpacksPlan")));
        view.put("railwayConfigFile", text(config, "configFile"));
        return view;
    }

    private static Map<String, Object> sourceView(String repo, String image) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("repo", repo);
        view.put("image", image);
        return view;
    }

    static String builder(ObjectNode build) {
        String builder = text(build, "builder");
        return builder != null && BUILDER_VALUES.contains(builder) ? builder : DEFAULT_BUILDER;
    }

    /** The sum of deploy.multiRegionConfig.*.numReplicas when that map is not empty, else deploy.numReplicas. */
    static Integer numReplicas(ObjectNode deploy) {
        ObjectNode regions = Json.at(deploy, "multiRegionConfig");
        if (regions != null && regions.size() > 0) {
            int sum = 0;
            for (JsonNode region : regions) {
                JsonNode count = region.get("numReplicas");
                sum += count != null && count.isNumber() ? count.intValue() : 0;
            }
            return sum;
        }
        return integer(deploy, "numReplicas");
    }

    /** The one key of deploy.multiRegionConfig, or null when it has none or several. */
    static String region(ObjectNode deploy) {
        ObjectNode regions = Json.at(deploy, "multiRegionConfig");
        return regions != null && regions.size() == 1 ? regions.fieldNames().next() : null;
    }

    /**
     * Whether the instance's deployed parts differ (absent and empty are the same). Replicas are
     * not part of it: "Creating, deleting, and re-assigning replicas ... Railway scales your
     * service without triggering a full redeploy" (docs deployments/scaling.md), so
     * {@code deploy.multiRegionConfig} and {@code deploy.numReplicas} are left out.
     */
    static boolean needsDeploy(JsonNode before, JsonNode after) {
        for (String part : DEPLOYED_PARTS) {
            if (!Objects.equals(part(before, part), part(after, part))) {
                return true;
            }
        }
        return false;
    }

    /** The keys of deploy a change of which scales instead of redeploying. */
    static final List<String> SCALING_KEYS = List.of("multiRegionConfig", "numReplicas");

    private static JsonNode part(JsonNode config, String name) {
        JsonNode node = config == null ? null : config.get(name);
        if (node != null && name.equals("deploy") && node instanceof ObjectNode deploy) {
            ObjectNode copy = deploy.deepCopy();
            copy.remove(SCALING_KEYS);
            node = copy;
        }
        return node == null || node.isNull() || (node.isObject() && node.isEmpty()) ? null : node;
    }

    // ---- writing ----

    /**
     * Writes serviceInstanceUpdate's input into the instance config. A field given as null
     * removes its key. numReplicas and region: when a region is known (given, or the single key
     * of multiRegionConfig) the result is multiRegionConfig = {region: {numReplicas}}; without a
     * region, deploy.numReplicas. region: null drops multiRegionConfig and keeps the count in
     * deploy.numReplicas.
     */
    static void applyUpdate(ObjectNode config, Map<String, Object> input) {
        for (Map.Entry<String, String[]> entry : PATHS.entrySet()) {
            if (input.containsKey(entry.getKey())) {
                String[] path = entry.getValue();
                set(Json.child(config, path[0]), path[1], input.get(entry.getKey()));
            }
        }
        if (input.containsKey("source")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> source = (Map<String, Object>) input.get("source");
            if (source == null) {
                ObjectNode existing = Json.at(config, "source");
                if (existing != null) {
                    existing.remove(List.of("repo", "image"));
                }
            } else {
                ObjectNode target = Json.child(config, "source");
                for (String key : List.of("repo", "image")) {
                    if (source.containsKey(key)) {
                        set(target, key, source.get(key));
                    }
                }
            }
        }
        if (input.containsKey("multiRegionConfig")) {
            Object regions = input.get("multiRegionConfig");
            if (regions == null) {
                Json.child(config, "deploy").remove("multiRegionConfig");
            } else if (Json.toTree(regions) instanceof ObjectNode object) {
                ObjectNode cleaned = Json.MAPPER.createObjectNode();
                object.properties().forEach(e -> {
                    if (!e.getValue().isNull()) {
                        cleaned.set(e.getKey(), e.getValue());
                    }
                });
                Json.child(config, "deploy").set("multiRegionConfig", cleaned);
            } else {
                throw new SandboxException("multiRegionConfig must be a JSON object of region -> {numReplicas}");
            }
        }
        applyReplicas(config, input);
    }

    private static void applyReplicas(ObjectNode config, Map<String, Object> input) {
        boolean hasCount = input.containsKey("numReplicas");
        boolean hasRegion = input.containsKey("region");
        if (!hasCount && !hasRegion) {
            return;
        }
        ObjectNode deploy = Json.child(config, "deploy");
        Integer given = (Integer) input.get("numReplicas");
        Integer current = numReplicas(deploy);
        String region = (String) input.get("region");
        if (hasRegion && region == null) {
            Integer count = hasCount ? given : current;
            deploy.remove("multiRegionConfig");
            set(deploy, "numReplicas", count);
            return;
        }
        String known = region != null ? region : region(deploy);
        if (known != null) {
            int count = given != null ? given : current != null ? current : 1;
            ObjectNode regions = deploy.putObject("multiRegionConfig");
            regions.putObject(known).put("numReplicas", count);
            return;
        }
        ObjectNode regions = Json.at(deploy, "multiRegionConfig");
        if (regions != null && regions.size() > 1) {
            throw new SandboxException("numReplicas without region is ambiguous for a service instance in "
                    + regions.size() + " regions; give region or multiRegionConfig");
        }
        set(deploy, "numReplicas", given);
    }

    /** serviceInstanceLimitsUpdate: vCPUs to limitOverride.containers.cpu, memoryGB to memoryBytes (decimal GB). */
    static void applyLimits(ObjectNode config, Map<String, Object> input) {
        ObjectNode containers = Json.child(Json.child(Json.child(config, "deploy"), "limitOverride"), "containers");
        if (input.containsKey("vCPUs")) {
            set(containers, "cpu", input.get("vCPUs"));
        }
        if (input.containsKey("memoryGB")) {
            Number gb = (Number) input.get("memoryGB");
            set(containers, "memoryBytes", gb == null ? null : Math.round(gb.doubleValue() * BYTES_PER_GB));
        }
    }

    private static void set(ObjectNode target, String key, Object value) {
        if (value == null) {
            target.remove(key);
        } else {
            target.set(key, Json.toTree(value));
        }
    }

    // ---- typed reads of optional JSON ----

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    static Integer integer(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.intValue() : null;
    }

    static Boolean bool(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(element -> values.add(element.asText()));
        }
        return values;
    }
}
