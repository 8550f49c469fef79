package dev.tlctl.spec;

import java.util.List;
import java.util.Map;

/**
 * What Railway accepts for the settings tlctl checks beyond their type, in one place so that the
 * README's table and the checks cannot drift apart. Sources: Railway's docs (regions, scaling and
 * plans pages) and the official CLI, as API-NOTES cites them; the live list of regions is the
 * API's {@code regions} query.
 */
public final class RailwayLimits {
    /** Railway's deployment regions, by id, with where they are. */
    public static final Map<String, String> REGIONS = Map.of(
            "us-west2", "US West (California)",
            "us-east4-eqdc4a", "US East (Virginia)",
            "europe-west4-drams3a", "EU West (Amsterdam)",
            "asia-southeast1-eqsg3a", "Southeast Asia (Singapore)");

    /** Region ids Railway has retired, with the one that replaced each. */
    public static final Map<String, String> RETIRED_REGIONS = Map.of(
            "us-west1", "us-west2",
            "us-east4", "us-east4-eqdc4a",
            "europe-west4", "europe-west4-drams3a",
            "asia-southeast1", "asia-southeast1-eqsg3a");

    /** The most vCPUs and GB of memory one replica may use on the Pro plan (Hobby: {@link #HOBBY_MAX_PER_REPLICA}). */
    public static final double PRO_MAX_PER_REPLICA = 24;
    /** The most vCPUs and GB of memory one replica may use on the Hobby plan. */
    public static final double HOBBY_MAX_PER_REPLICA = 8;
    /** The most replicas of a service in one environment, summed over regions, on the Pro plan (Hobby: 6). */
    public static final int MAX_REPLICAS = 42;
    /** The most replicas on the Hobby plan. */
    public static final int HOBBY_MAX_REPLICAS = 6;

    private RailwayLimits() {}

    /** Every region id a spec may name, current ones first. */
    static List<String> regionIds() {
        return REGIONS.keySet().stream().sorted().toList();
    }
}
