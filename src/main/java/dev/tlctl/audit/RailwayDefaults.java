package dev.tlctl.audit;

import dev.tlctl.plan.Values;
import dev.tlctl.spec.Settings;
import java.util.List;
import java.util.Map;

/**
 * The values Railway gives a setting nobody set, so that an audit reports a setting the spec does
 * not declare only when someone set it to something else. From Railway's config-as-code diff,
 * where these count as no change (builder RAILPACK, Dockerfile, branch main, one replica), and
 * Railway's documented deploy defaults (no sleeping, restart on failure up to 10 times). The
 * region is whatever Railway chose for the workspace: never reported when undeclared.
 */
final class RailwayDefaults {
    private static final Map<String, Object> DEFAULTS = Map.of(
            Settings.SOURCE_BRANCH, "main",
            Settings.BUILD_BUILDER, "RAILPACK",
            Settings.BUILD_DOCKERFILE_PATH, "Dockerfile",
            Settings.DEPLOY_NUM_REPLICAS, 1L,
            Settings.DEPLOY_SLEEP_APPLICATION, false,
            Settings.DEPLOY_RESTART_POLICY_TYPE, "ON_FAILURE",
            Settings.DEPLOY_RESTART_POLICY_MAX_RETRIES, 10L);

    private RailwayDefaults() {}

    /** Whether {@code value} of setting {@code key} is what Railway has when nobody set it. */
    static boolean isDefault(String key, Object value) {
        if (unset(value) || Settings.DEPLOY_REGION.equals(key)) {
            return true;
        }
        Object fallback = DEFAULTS.get(key);
        return fallback != null && Values.same(fallback, value);
    }

    /** What a setting amounts to on Railway: its value, or Railway's default when unset (null when it has none). */
    static Object effective(String key, Object value) {
        return unset(value) ? DEFAULTS.get(key) : value;
    }

    /** No value, an empty string or an empty list: Railway reads each as not set. */
    private static boolean unset(Object value) {
        return value == null || value instanceof String text && text.isEmpty() || value instanceof List<?> list && list.isEmpty();
    }

    /** Railway's default for {@code key}, or null when it has none tlctl knows. */
    static Object of(String key) {
        return DEFAULTS.get(key);
    }
}
