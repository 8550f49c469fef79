package dev.tlctl.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The per-environment service settings a spec may write, keyed by their YAML path under a
 * service (such as {@code deploy.startCommand}). The names are Railway's own, from its
 * environment config and config-as-code files, so that the spec maps onto Railway one to one;
 * the Railway client translates the few that live elsewhere in the config (region and replicas,
 * limits). Adding a setting: one line here, one in the client's config codec.
 */
public final class Settings {

    /** The value type of a setting, as the reader checks and normalises it. */
    public enum Type {
        /** {@code String}. */ STRING,
        /** {@code Long}. */ INT,
        /** {@code Double}. */ NUMBER,
        /** {@code Boolean}. */ BOOL,
        /** {@code List<String>}; a single string is read as a one-item list. */ STRING_LIST,
        /** {@code String}, one of {@link Def#allowed()}, upper case. */ ENUM
    }

    /**
     * One setting: its key, type, allowed values for enums, the smallest number allowed, an
     * optional pattern for strings with the words to explain it, and a description and an
     * example for docs and the JSON Schema ({@link SpecSchema}).
     */
    public record Def(String key, Type type, List<String> allowed, Double min, Pattern pattern,
            String patternHint, String description, Object example) {}

    public static final String SOURCE_REPO = "source.repo";
    public static final String SOURCE_BRANCH = "source.branch";
    public static final String SOURCE_IMAGE = "source.image";
    public static final String SOURCE_ROOT_DIRECTORY = "source.rootDirectory";
    public static final String BUILD_BUILDER = "build.builder";
    public static final String BUILD_COMMAND = "build.buildCommand";
    public static final String BUILD_DOCKERFILE_PATH = "build.dockerfilePath";
    public static final String BUILD_WATCH_PATTERNS = "build.watchPatterns";
    public static final String DEPLOY_START_COMMAND = "deploy.startCommand";
    public static final String DEPLOY_PRE_DEPLOY_COMMAND = "deploy.preDeployCommand";
    public static final String DEPLOY_HEALTHCHECK_PATH = "deploy.healthcheckPath";
    public static final String DEPLOY_HEALTHCHECK_TIMEOUT = "deploy.healthcheckTimeout";
    public static final String DEPLOY_NUM_REPLICAS = "deploy.numReplicas";
    public static final String DEPLOY_REGION = "deploy.region";
    public static final String DEPLOY_SLEEP_APPLICATION = "deploy.sleepApplication";
    public static final String DEPLOY_CRON_SCHEDULE = "deploy.cronSchedule";
    public static final String DEPLOY_RESTART_POLICY_TYPE = "deploy.restartPolicyType";
    public static final String DEPLOY_RESTART_POLICY_MAX_RETRIES = "deploy.restartPolicyMaxRetries";
    public static final String DEPLOY_OVERLAP_SECONDS = "deploy.overlapSeconds";
    public static final String DEPLOY_DRAINING_SECONDS = "deploy.drainingSeconds";
    public static final String DEPLOY_LIMITS_VCPUS = "deploy.limits.vCPUs";
    public static final String DEPLOY_LIMITS_MEMORY_GB = "deploy.limits.memoryGB";

    private static final Map<String, Def> ALL = new LinkedHashMap<>();

    static {
        def(SOURCE_REPO, Type.STRING, null, Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+"),
                "a GitHub repository as owner/name", "The GitHub repository Railway builds, as owner/name.",
                "tiendaleon/tl-engine");
        def(SOURCE_BRANCH, Type.STRING, null, null, null, "The branch Railway deploys from (needs source.repo).", "main");
        def(SOURCE_IMAGE, Type.STRING, null, Pattern.compile("\\S+"), "an image reference without spaces",
                "A Docker image to deploy instead of a repository.", "ghcr.io/tiendaleon/engine:1.4");
        def(SOURCE_ROOT_DIRECTORY, Type.STRING, null, null, null, "The folder of the repository that Railway builds.", "/");
        def(BUILD_BUILDER, Type.ENUM, null, null, null, "How Railway builds the service: NIXPACKS, RAILPACK or DOCKERFILE.",
                "RAILPACK", "NIXPACKS", "RAILPACK", "DOCKERFILE");
        def(BUILD_COMMAND, Type.STRING, null, null, null, "The build command.", "pip install -r requirements.txt");
        def(BUILD_DOCKERFILE_PATH, Type.STRING, null, null, null, "The path of the Dockerfile (builder DOCKERFILE).",
                "Dockerfile");
        def(BUILD_WATCH_PATTERNS, Type.STRING_LIST, null, null, null,
                "Paths whose changes trigger a deploy: a string or a list of strings.", List.of("engine/**", "requirements.txt"));
        def(DEPLOY_START_COMMAND, Type.STRING, null, null, null, "The command that starts the service.",
                "gunicorn engine.main:app --bind 0.0.0.0:$PORT");
        def(DEPLOY_PRE_DEPLOY_COMMAND, Type.STRING_LIST, null, null, null,
                "One command Railway runs before each deploy: a string (or a list of one).", "python -m engine.migrate");
        def(DEPLOY_HEALTHCHECK_PATH, Type.STRING, null, Pattern.compile("/\\S*"), "a path starting with /",
                "The HTTP path Railway probes before it switches traffic to a new deployment.", "/health");
        def(DEPLOY_HEALTHCHECK_TIMEOUT, Type.INT, 1.0, null, null, "Seconds to wait for the health check, at least 1.", 60);
        def(DEPLOY_NUM_REPLICAS, Type.INT, 1.0, null, null, "The number of replicas, at least 1.", 2);
        def(DEPLOY_REGION, Type.STRING, null, Pattern.compile("[a-z0-9-]+"), "a region id such as us-west2",
                "The region the replicas run in, as Railway names it.", "us-west2");
        def(DEPLOY_SLEEP_APPLICATION, Type.BOOL, null, null, null, "Sleep when idle (serverless): true or false.", true);
        def(DEPLOY_CRON_SCHEDULE, Type.STRING, null,
                Pattern.compile("\\s*[0-9*,/\\-]+(\\s+[0-9A-Za-z*,/\\-]+){4}\\s*"),
                "a cron expression of five fields, such as \"*/15 * * * *\"",
                "A cron schedule of five fields: the service runs as a job on it.", "*/15 * * * *");
        def(DEPLOY_RESTART_POLICY_TYPE, Type.ENUM, null, null, null,
                "When Railway restarts a crashed replica: ON_FAILURE, ALWAYS or NEVER.", "ON_FAILURE",
                "ON_FAILURE", "ALWAYS", "NEVER");
        def(DEPLOY_RESTART_POLICY_MAX_RETRIES, Type.INT, 0.0, null, null,
                "Restarts before giving up (restartPolicyType ON_FAILURE), at least 0.", 5);
        def(DEPLOY_OVERLAP_SECONDS, Type.INT, 0.0, null, null, "Seconds the old and new deployments overlap, at least 0.", 30);
        def(DEPLOY_DRAINING_SECONDS, Type.INT, 0.0, null, null, "Seconds a replica drains before it stops, at least 0.", 10);
        def(DEPLOY_LIMITS_VCPUS, Type.NUMBER, 0.0, null, null, "The most vCPUs a replica may use, above 0.", 2);
        def(DEPLOY_LIMITS_MEMORY_GB, Type.NUMBER, 0.0, null, null, "The most memory a replica may use, in GB, above 0.", 2);
    }

    private Settings() {}

    private static void def(String key, Type type, Double min, Pattern pattern, String hint, String description,
            Object example, String... allowed) {
        ALL.put(key, new Def(key, type, List.of(allowed), min, pattern, hint, description, example));
    }

    /** Every setting, in documentation order. */
    public static Map<String, Def> all() {
        return java.util.Collections.unmodifiableMap(ALL);
    }

    /** The setting with this key, or null. */
    public static Def get(String key) {
        return ALL.get(key);
    }

    /** The sections under a service that hold settings: source, build, deploy (and deploy.limits). */
    static List<String> keysUnder(String prefix) {
        return UNDER.computeIfAbsent(prefix, Settings::findKeysUnder);
    }

    /** {@link #keysUnder} by prefix, found once: asked for every section of every service read. */
    private static final Map<String, List<String>> UNDER = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> findKeysUnder(String prefix) {
        String p = prefix + ".";
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        for (String key : ALL.keySet()) {
            if (key.startsWith(p)) {
                String rest = key.substring(p.length());
                int dot = rest.indexOf('.');
                keys.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return List.copyOf(keys);
    }
}
