package dev.tlctl.railway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A change of the project's pull request environment settings for {@code projectUpdate}; a null
 * field is left as Railway has it.
 *
 * @param enabled {@code prDeploys}
 * @param baseEnvironmentId the environment they are copied from
 * @param focused {@code focusedPrEnvironments}
 * @param bots {@code botPrEnvironments}
 */
public record PullRequestSettingsWrite(Boolean enabled, String baseEnvironmentId, Boolean focused, Boolean bots) {

    /** The {@code ProjectUpdateInput} that makes this change: only the fields given. */
    Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        put(input, "prDeploys", enabled);
        put(input, "baseEnvironmentId", baseEnvironmentId);
        put(input, "focusedPrEnvironments", focused);
        put(input, "botPrEnvironments", bots);
        return input;
    }

    private static void put(Map<String, Object> input, String key, Object value) {
        if (value != null) {
            input.put(key, value);
        }
    }
}
