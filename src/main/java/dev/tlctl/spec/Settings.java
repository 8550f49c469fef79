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
     * optional pattern for strings with the words to explain it, and a description for docs.
     */
    public record Def(String key, Type type, List<String> allowed, Double min, Pattern pattern,
            String patternHint, String description) {}

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
                "a GitHub repository as owner/name", "GitHub repository, owner/name");
        def(SOURCE_BRANCH, Type.STRING, null, null, null, "branch deployed from the repository");
        def(SOURCE_IMAGE, Type.STRING, null, Pattern.compile("\\S+"), "an image reference without spaces",
                "Docker image to deploy instead of a repository");
        def(SOURCE_ROOT_DIRECTORY, Type.STRING, null, null, null, "directory of the repository to build");
        def(BUILD_BUILDER, Type.ENUM, null, null, null, "NIXPACKS, RAILPACK or DOCKERFILE", "NIXPACKS", "RAILPACK", "DOCKERFILE");
        def(BUILD_COMMAND, Type.STRING, null, null, null, "build command");
        def(BUILD_DOCKERFILE_PATH, Type.STRING, null, null, null, "path of the Dockerfile");
        def(BUILD_WATCH_PATTERNS, Type.STRING_LIST, null, null, null, "paths whose changes trigger a deploy");
        def(DEPLOY_START_COMMAND, Type.STRING, null, null, null, "start command");
        def(DEPLOY_PRE_DEPLOY_COMMAND, Type.STRING_LIST, null, null, null, "commands run before each deploy");
        def(DEPLOY_HEALTHCHECK_PATH, Type.STRING, null, Pattern.compile("/\\S*"), "a path starting with /",
                "HTTP path Railway probes before switching traffic");
        def(DEPLOY_HEALTHCHECK_TIMEOUT, Type.INT, 1.0, null, null, "seconds to wait for the health check");
        def(DEPLOY_NUM_REPLICAS, Type.INT, 1.0, null, null, "number of replicas");
        def(DEPLOY_REGION, Type.STRING, null, Pattern.compile("[a-z0-9-]+"), "a region id such as us-west2",
                "region the replicas run in");
        def(DEPLOY_SLEEP_APPLICATION, Type.BOOL, null, null, null, "sleep when idle (serverless)");
        def(DEPLOY_CRON_SCHEDULE, Type.STRING, null,
                Pattern.compile("\\s*[0-9*,/\\-]+(\\s+[0-9A-Za-z*,/\\-]+){4}\\s*"),
                "a cron expression of five fields, such as \"*/15 * * * *\"", "cron schedule for a job service");
        def(DEPLOY_RESTART_POLICY_TYPE, Type.ENUM, null, null, null, "ON_FAILURE, ALWAYS or NEVER", "ON_FAILURE", "ALWAYS", "NEVER");
        def(DEPLOY_RESTART_POLICY_MAX_RETRIES, Type.INT, 0.0, null, null, "restarts before giving up (ON_FAILURE)");
        def(DEPLOY_OVERLAP_SECONDS, Type.INT, 0.0, null, null, "seconds old and new deployments overlap");
        def(DEPLOY_DRAINING_SECONDS, Type.INT, 0.0, null, null, "seconds to drain before stopping");
        def(DEPLOY_LIMITS_VCPUS, Type.NUMBER, 0.0, null, null, "most vCPUs a replica may use");
        def(DEPLOY_LIMITS_MEMORY_GB, Type.NUMBER, 0.0, null, null, "most memory a replica may use, in GB");
    }

    private Settings() {}

    private static void def(String key, Type type, Double min, Pattern pattern, String hint, String description,
            String... allowed) {
        ALL.put(key, new Def(key, type, List.of(allowed), min, pattern, hint, description));
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
