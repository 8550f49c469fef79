package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;

/**
 * Railway's limits on a service instance's settings, checked on every write of them (input
 * fields, patches, staged patches, change sets): replicas, regions from the regions list, one
 * pre-deploy command, cron schedules ({@link Cron}), and vCPU and memory limits per plan. Railway's words are used where
 * they are known ("Error in numReplicas - Invalid input"); the rest say what is wrong and what
 * is allowed.
 */
final class InstanceRules {
    /** What a plan allows per service: replicas in all, and vCPUs and memory per replica (docs: pricing/plans, scaling). */
    record PlanLimits(int maxReplicas, double maxVcpus, double maxMemoryGb) {}

    static final Map<String, PlanLimits> PLANS = Map.of(
            "FREE", new PlanLimits(1, 1, 0.5),
            "HOBBY", new PlanLimits(6, 8, 8),
            "PRO", new PlanLimits(42, 24, 24));
    static final String INVALID_REPLICAS = "Error in numReplicas - Invalid input";
    /**
     * A pre-deploy command is one command on Railway: the schema types it {@code [String!]}, but a
     * list of more than one is refused with these words and the whole write fails (issue 16, item
     * 9: a live report; docs deployments/pre-deploy-command speak of one command).
     */
    static final String INVALID_PRE_DEPLOY_COMMAND = "Error in preDeployCommand - Invalid input";

    private InstanceRules() {}

    static PlanLimits limits(String plan) {
        return PLANS.getOrDefault(plan, PLANS.get("HOBBY"));
    }

    /** The plan of the workspace that owns the environment's project. */
    static String plan(Store store, State.EnvironmentRec environment) {
        State.ProjectRec project = store.projectAny(environment.projectId);
        return project == null ? "HOBBY" : store.workspace(project.workspaceId).plan;
    }

    /** Checks every instance of {@code after} whose config differs from {@code before}'s. */
    static void checkChanged(Store store, State.EnvironmentRec environment, ObjectNode before, ObjectNode after) {
        ObjectNode services = Json.at(after, "services");
        if (services == null) {
            return;
        }
        String plan = plan(store, environment);
        services.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode instance
                    && !Objects.equals(Json.at(before, "services", entry.getKey()), instance)) {
                check(plan, instance);
            }
        });
    }

    /** Checks one instance config. */
    static void check(String plan, ObjectNode instance) {
        ObjectNode deploy = Json.at(instance, "deploy");
        if (deploy == null) {
            return;
        }
        PlanLimits limits = limits(plan);
        JsonNode count = deploy.get("numReplicas");
        if (count != null && !count.isNull()) {
            replicas(plan, limits, count);
        }
        ObjectNode regions = Json.at(deploy, "multiRegionConfig");
        if (deploy.has("multiRegionConfig") && regions == null && !deploy.get("multiRegionConfig").isNull()) {
            throw new SandboxException("multiRegionConfig must be a JSON object of region -> {numReplicas}");
        }
        if (regions != null) {
            int total = 0;
            for (Map.Entry<String, JsonNode> region : regions.properties()) {
                if (!Regions.exists(region.getKey())) {
                    throw Regions.unknown(region.getKey());
                }
                JsonNode replicas = region.getValue().get("numReplicas");
                if (replicas == null || !replicas.isIntegralNumber() || replicas.intValue() < 1) {
                    throw new SandboxException(INVALID_REPLICAS);
                }
                total += replicas.intValue();
            }
            if (total > limits.maxReplicas()) {
                throw tooManyReplicas(plan, limits, total);
            }
        }
        JsonNode preDeploy = deploy.get("preDeployCommand");
        if (preDeploy != null && !preDeploy.isNull() && !preDeploy.isTextual()
                && !(preDeploy.isArray() && preDeploy.size() <= 1 && (preDeploy.isEmpty() || preDeploy.get(0).isTextual()))) {
            throw new SandboxException(INVALID_PRE_DEPLOY_COMMAND);
        }
        JsonNode cron = deploy.get("cronSchedule");
        if (cron != null && !cron.isNull()) {
            if (!cron.isTextual()) {
                throw new SandboxException("cronSchedule must be a string");
            }
            if (!cron.asText().isEmpty()) {
                Cron.parse(cron.asText());
            }
        }
        ObjectNode containers = Json.at(deploy, "limitOverride", "containers");
        if (containers != null) {
            JsonNode cpu = containers.get("cpu");
            if (cpu != null && !cpu.isNull()) {
                vcpus(plan, limits, cpu.isNumber() ? cpu.doubleValue() : Double.NaN);
            }
            JsonNode memory = containers.get("memoryBytes");
            if (memory != null && !memory.isNull()) {
                memoryGb(plan, limits, memory.isNumber() ? memory.doubleValue() / ConfigMapping.BYTES_PER_GB : Double.NaN);
            }
        }
    }

    private static void replicas(String plan, PlanLimits limits, JsonNode count) {
        if (!count.isIntegralNumber() || count.intValue() < 1) {
            throw new SandboxException(INVALID_REPLICAS);
        }
        if (count.intValue() > limits.maxReplicas()) {
            throw tooManyReplicas(plan, limits, count.intValue());
        }
    }

    private static SandboxException tooManyReplicas(String plan, PlanLimits limits, int count) {
        return new SandboxException("Error in numReplicas - the " + plan + " plan allows at most "
                + limits.maxReplicas() + " replica" + (limits.maxReplicas() == 1 ? "" : "s") + ", not " + count);
    }

    /** serviceInstanceLimitsUpdate's vCPUs, and limitOverride.containers.cpu. */
    static void vcpus(String plan, PlanLimits limits, double vcpus) {
        if (!(vcpus > 0) || vcpus > limits.maxVcpus()) {
            throw new SandboxException("vCPUs must be more than 0 and at most " + number(limits.maxVcpus())
                    + " per replica on the " + plan + " plan, not " + number(vcpus));
        }
    }

    /** serviceInstanceLimitsUpdate's memoryGB, and limitOverride.containers.memoryBytes (decimal GB). */
    static void memoryGb(String plan, PlanLimits limits, double gb) {
        if (!(gb > 0) || gb > limits.maxMemoryGb()) {
            throw new SandboxException("memoryGB must be more than 0 and at most " + number(limits.maxMemoryGb())
                    + " per replica on the " + plan + " plan, not " + number(gb));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) ? Long.toString((long) value)
                : Double.toString(value);
    }
}
