package dev.tlctl.spec;

import java.util.Map;

/**
 * Checks setting values against what Railway accepts beyond their type ({@link RailwayLimits}):
 * known regions (with a did-you-mean), replicas, and vCPU and memory per replica. Reported as
 * warnings, which {@code --strict} turns into errors, because Railway's lists change faster than
 * tlctl does.
 */
final class SettingRules {
    private SettingRules() {}

    static void check(Map<String, Object> settings, Map<String, Location> where, Problems problems) {
        if (settings.get(Settings.DEPLOY_REGION) instanceof String region && !RailwayLimits.REGIONS.containsKey(region)) {
            Location at = where.get(Settings.DEPLOY_REGION);
            String retired = RailwayLimits.RETIRED_REGIONS.get(region);
            if (retired != null) {
                problems.warning(at, "region \"" + region + "\" is retired on Railway",
                        "Railway replaced it with " + retired + " (" + RailwayLimits.REGIONS.get(retired) + "); write"
                                + " region: " + retired + ".");
            } else {
                String guess = NodeReader.closest(region, RailwayLimits.regionIds());
                problems.warning(at, "unknown region \"" + region + "\"",
                        (guess == null ? "" : "Did you mean \"" + guess + "\"? ") + "Railway's regions: "
                                + String.join(", ", RailwayLimits.regionIds().stream()
                                        .map(r -> r + " (" + RailwayLimits.REGIONS.get(r) + ")").toList())
                                + ". Railway refuses a deploy to a region it does not have.");
            }
        }
        if (settings.get(Settings.DEPLOY_NUM_REPLICAS) instanceof Long replicas && replicas > RailwayLimits.MAX_REPLICAS) {
            problems.warning(where.get(Settings.DEPLOY_NUM_REPLICAS), "numReplicas " + replicas + " is more than "
                    + RailwayLimits.MAX_REPLICAS, "Railway runs at most " + RailwayLimits.MAX_REPLICAS + " replicas of a"
                    + " service in one environment on the Pro plan (" + RailwayLimits.HOBBY_MAX_REPLICAS + " on Hobby);"
                    + " Railway refuses more.");
        }
        perReplica(settings, where, Settings.DEPLOY_LIMITS_VCPUS, "vCPUs", problems);
        perReplica(settings, where, Settings.DEPLOY_LIMITS_MEMORY_GB, "memoryGB", problems);
    }

    private static void perReplica(Map<String, Object> settings, Map<String, Location> where, String key, String name,
            Problems problems) {
        if (settings.get(key) instanceof Double value && value > RailwayLimits.PRO_MAX_PER_REPLICA) {
            problems.warning(where.get(key), name + " " + NodeReader.number(value) + " is more than one replica may use",
                    "Railway allows at most " + (int) RailwayLimits.PRO_MAX_PER_REPLICA + " per replica on the Pro plan and "
                            + (int) RailwayLimits.HOBBY_MAX_PER_REPLICA + " on Hobby; add replicas to scale further.");
        }
    }
}
