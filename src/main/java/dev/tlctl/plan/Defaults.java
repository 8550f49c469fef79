package dev.tlctl.plan;

import dev.tlctl.spec.Settings;
import java.util.List;
import java.util.Map;

/**
 * The values Railway gives a setting nobody set, and writes into a new instance's config
 * unasked: a value equal to its default is the same as the setting not set, in the plan, the
 * read-back and the audits. From Railway's own IaC diff, which drops them before comparing
 * (railwayapp/cli src/iac/change_set.rs {@code normalize_for_diff}: branch {@code main},
 * {@code rootDirectory ""}, builder {@code RAILPACK}, {@code buildCommand ""}, dockerfile path
 * {@code Dockerfile}, a single region with one replica), and Railway's documented deploy defaults
 * (no sleeping, restart on failure up to 10 times, a 300-second health check). The region is
 * whatever Railway chose for the workspace: it has no fixed default.
 */
public final class Defaults {
    /** Railway's default of each setting that has one tlctl knows. */
    public static final Map<String, Object> VALUES = Map.of(
            Settings.SOURCE_BRANCH, "main",
            Settings.BUILD_BUILDER, "RAILPACK",
            Settings.BUILD_DOCKERFILE_PATH, "Dockerfile",
            Settings.DEPLOY_NUM_REPLICAS, 1L,
            Settings.DEPLOY_SLEEP_APPLICATION, false,
            Settings.DEPLOY_HEALTHCHECK_TIMEOUT, 300L,
            Settings.DEPLOY_RESTART_POLICY_TYPE, "ON_FAILURE",
            Settings.DEPLOY_RESTART_POLICY_MAX_RETRIES, 10L);

    private Defaults() {}

    /** No value, an empty string or an empty list: Railway reads each as not set. */
    public static boolean unset(Object value) {
        return value == null || value instanceof String text && text.isEmpty()
                || value instanceof List<?> list && list.isEmpty();
    }

    /** What a setting amounts to on Railway: its value, or Railway's default when unset (null when it has none). */
    public static Object effective(String key, Object value) {
        return unset(value) ? VALUES.get(key) : value;
    }

    /** Whether two values of setting {@code key} amount to the same on Railway (unset equals the default). */
    public static boolean same(String key, Object a, Object b) {
        return Values.same(effective(key, a), effective(key, b));
    }
}
