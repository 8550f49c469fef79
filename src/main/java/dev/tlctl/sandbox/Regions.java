package dev.tlctl.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Railway's deploy regions (docs.railway.com/deployments/regions): the four Railway Metal
 * regions, and the four Google Cloud regions they replaced, listed as deprecated with their
 * replacement. Replica counts may name any of them: Railway says deprecated regions are no longer
 * supported, but whether it refuses them in a write is not documented, and tlctl's own tests
 * still write {@code europe-west4}.
 */
final class Regions {
    /** One region: {@code name} is the identifier used in multiRegionConfig. */
    record Region(String name, String region, String location, String country, String replacement) {}

    static final List<Region> ALL = List.of(
            new Region("us-west2", "us-west2", "California, USA", "US", null),
            new Region("us-east4-eqdc4a", "us-east4", "Virginia, USA", "US", null),
            new Region("europe-west4-drams3a", "europe-west4", "Amsterdam, Netherlands", "NL", null),
            new Region("asia-southeast1-eqsg3a", "asia-southeast1", "Singapore", "SG", null),
            new Region("us-west1", "us-west1", "Oregon, USA", "US", "us-west2"),
            new Region("us-east4", "us-east4", "Virginia, USA", "US", "us-east4-eqdc4a"),
            new Region("europe-west4", "europe-west4", "Netherlands", "NL", "europe-west4-drams3a"),
            new Region("asia-southeast1", "asia-southeast1", "Singapore", "SG", "asia-southeast1-eqsg3a"));

    private Regions() {}

    static boolean exists(String name) {
        return ALL.stream().anyMatch(r -> r.name().equals(name));
    }

    /** The error for a region that is not in the regions list. */
    static SandboxException unknown(String name) {
        List<String> names = new ArrayList<>();
        ALL.stream().filter(r -> r.replacement() == null).forEach(r -> names.add(r.name()));
        return new SandboxException("Invalid region " + name + ": expected one of " + String.join(", ", names)
                + " (the regions query lists them)");
    }

    /** The Region views of {@code regions}. */
    static List<Map<String, Object>> views() {
        List<Map<String, Object>> views = new ArrayList<>();
        for (Region region : ALL) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", region.name());
            view.put("name", region.name());
            view.put("region", region.region());
            view.put("location", region.location());
            view.put("country", region.country());
            view.put("workspaceId", null);
            Map<String, Object> deprecation = null;
            if (region.replacement() != null) {
                deprecation = new LinkedHashMap<>();
                deprecation.put("isDeprecated", true);
                deprecation.put("replacementRegion", region.replacement());
            }
            Map<String, Object> constraints = new LinkedHashMap<>();
            constraints.put("deprecationInfo", deprecation);
            view.put("deploymentConstraints", constraints);
            views.add(view);
        }
        return views;
    }
}
