package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What Railway writes into a new instance's config that nobody asked for: the builder
 * ({@code RAILPACK}), the runtime ({@code V2}) and one replica in the workspace's region. These
 * are the values Railway's own IaC diff treats as "no change" when it compares a config with a
 * declaration that leaves them out (railwayapp/cli src/iac/change_set.rs {@code normalize_for_diff}
 * and {@code is_default_multi_region_config}): they appear in real configs without anyone setting
 * them. Nothing the create itself gave is overwritten.
 */
final class InstanceDefaults {
    static final String BUILDER = "RAILPACK";
    static final String RUNTIME = "V2";
    /** The region a workspace without a preferred one deploys to. */
    static final String REGION = "us-west2";

    private InstanceDefaults() {}

    /** Adds the defaults the instance's config does not hold yet. */
    static void fill(ObjectNode instance) {
        ObjectNode build = Json.child(instance, "build");
        if (absent(build.get("builder"))) {
            build.put("builder", BUILDER);
        }
        ObjectNode deploy = Json.child(instance, "deploy");
        if (absent(deploy.get("runtime"))) {
            deploy.put("runtime", RUNTIME);
        }
        if (absent(deploy.get("multiRegionConfig")) && absent(deploy.get("numReplicas"))) {
            deploy.putObject("multiRegionConfig").putObject(REGION).put("numReplicas", 1);
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
