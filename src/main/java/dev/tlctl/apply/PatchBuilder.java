package dev.tlctl.apply;

import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.InstancePlan;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Plan;
import dev.tlctl.railway.EnvironmentPatch;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the one {@code environmentPatchCommit} patch of an environment from the plan's changes
 * for it, exactly: an instance tlctl adds gets {@code isCreated} (one Railway adds with a new
 * service needs none), a removed one {@code isDeleted}, settings are written with their instance's
 * context (a region and its replicas share one place), variables are set or removed. Nothing that
 * is not a change of the plan goes into the patch.
 */
final class PatchBuilder {
    private PatchBuilder() {}

    static EnvironmentPatch build(Plan plan, String env, Function<String, String> serviceId) {
        return build(plan, env, serviceId, Map.of());
    }

    /**
     * The patch, with {@code observed} (settings by service) as the prior state of instances this
     * apply's new services brought and the plan could not read: what Railway filled in (its
     * default region, say) is then replaced, not merged with what the spec wants.
     */
    static EnvironmentPatch build(Plan plan, String env, Function<String, String> serviceId,
            Map<String, ? extends Map<String, Object>> observed) {
        EnvironmentPatch patch = new EnvironmentPatch();
        Map<String, Set<String>> settingKeys = new LinkedHashMap<>();
        for (Change change : plan.changesIn(env)) {
            if (change.origin() != Origin.TLCTL) {
                continue; // Railway makes it; the patch only completes it
            }
            if (change instanceof Change.Instance i) {
                if (i.action() == Action.DELETE) {
                    patch.deleteInstance(serviceId.apply(i.service()));
                } else {
                    patch.createInstance(serviceId.apply(i.service()));
                }
            } else if (change instanceof Change.Setting s) {
                settingKeys.computeIfAbsent(s.service(), k -> new LinkedHashSet<>()).add(s.key());
            } else if (change instanceof Change.Variable v) {
                String id = v.shared() ? null : serviceId.apply(v.service());
                if (v.action() == Action.DELETE) {
                    patch.deleteVariable(id, v.name());
                } else {
                    patch.setVariable(id, v.name(), v.after(), v.sensitive(), v.sealed());
                }
            } else if (change instanceof Change.Volume v && v.action() == Action.UPDATE) {
                patch.volumeSize(v.volumeId(), v.sizeMB());
            }
        }
        // The environment's instance plans by service, found in one pass (Plan.instance scans them all per call).
        Map<String, InstancePlan> instances = new HashMap<>();
        for (InstancePlan i : plan.instances()) {
            if (i.environment().equals(env)) {
                instances.putIfAbsent(i.service(), i);
            }
        }
        settingKeys.forEach((service, keys) -> {
            InstancePlan instance = instances.containsKey(service) ? instances.get(service) : plan.instance(env, service);
            Map<String, Object> prior = instance.prior().isEmpty() && observed.containsKey(service)
                    ? observed.get(service) : instance.prior();
            patch.settings(serviceId.apply(service), keys, prior, instance.desired());
        });
        return patch;
    }
}
