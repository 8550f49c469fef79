package dev.tlctl.audit;

import dev.tlctl.plan.Defaults;
import dev.tlctl.plan.Values;
import dev.tlctl.spec.Settings;
import java.util.Map;

/**
 * The values Railway gives a setting nobody set ({@link Defaults}, shared with the plan), so that
 * an audit reports a setting the spec does not declare only when someone set it to something
 * else. The region is whatever Railway chose for the workspace: never reported when undeclared.
 */
final class RailwayDefaults {
    private static final Map<String, Object> DEFAULTS = Defaults.VALUES;

    private RailwayDefaults() {}

    /** Whether {@code value} of setting {@code key} is what Railway has when nobody set it. */
    static boolean isDefault(String key, Object value) {
        if (Defaults.unset(value) || Settings.DEPLOY_REGION.equals(key)) {
            return true;
        }
        Object fallback = DEFAULTS.get(key);
        return fallback != null && Values.same(fallback, value);
    }

    /** What a setting amounts to on Railway: its value, or Railway's default when unset (null when it has none). */
    static Object effective(String key, Object value) {
        return Defaults.effective(key, value);
    }

    /** Railway's default for {@code key}, or null when it has none tlctl knows. */
    static Object of(String key) {
        return DEFAULTS.get(key);
    }
}
