package dev.tlctl.apply;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.InstancePlan;
import dev.tlctl.plan.Plan;
import dev.tlctl.railway.EnvironmentPatch;
import dev.tlctl.secret.Secret;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the one {@code environmentPatchCommit} patch of an environment from the plan's changes
 * for it, plus two kinds of cleanup the plan does not list because they are side effects of this
 * apply: in an environment created from another, the copied services and variables the spec does
 * not declare there (so that staging never keeps production's secrets); and in an environment that
 * is not a fork, instances Railway added for a service created in this apply but not wanted there.
 */
final class PatchBuilder {
    private PatchBuilder() {}

    static EnvironmentPatch build(Plan plan, String env, Function<String, String> serviceId,
            LiveEnvironment copied, Set<String> createdServices, boolean receivesNewServices) {
        EnvironmentPatch patch = new EnvironmentPatch();
        Map<String, Set<String>> settingKeys = new LinkedHashMap<>();
        Set<String> wantedServices = new LinkedHashSet<>();
        Map<String, Set<String>> writtenVariables = new LinkedHashMap<>();
        for (Change change : forEnvironment(plan, env)) {
            Address a = change.address();
            switch (a.kind()) {
                case INSTANCE -> {
                    if (change.action() == Action.DELETE) {
                        patch.deleteInstance(serviceId.apply(a.service()));
                    } else {
                        wantedServices.add(a.service());
                        patch.createInstance(serviceId.apply(a.service()));
                    }
                }
                case SETTING -> settingKeys.computeIfAbsent(a.service(), s -> new LinkedHashSet<>()).add(a.name());
                case VARIABLE, SHARED_VARIABLE -> {
                    String id = a.service() == null ? null : serviceId.apply(a.service());
                    if (change.action() == Action.DELETE) {
                        patch.deleteVariable(id, a.name());
                    } else {
                        patch.setVariable(id, a.name(), (Secret) change.after(), change.sensitive(), change.sealed());
                        writtenVariables.computeIfAbsent(a.service() == null ? "" : a.service(), s -> new LinkedHashSet<>())
                                .add(a.name());
                    }
                }
                default -> { }
            }
        }
        settingKeys.forEach((service, keys) -> {
            InstancePlan instance = instance(plan, env, service);
            String id = serviceId.apply(service);
            // An instance copied from the source environment already holds the source's settings:
            // they are what the new ones replace (a copied region must go, not stay beside the new one).
            Map<String, Object> prior = instance.prior();
            if (instance.create() && copied != null) {
                prior = copied.instance(id).<Map<String, Object>>map(LiveServiceInstance::settings).orElse(prior);
            }
            patch.settings(id, keys, prior, instance.desired());
        });
        if (copied != null) {
            Map<String, String> names = new LinkedHashMap<>();
            for (String service : serviceNames(plan, createdServices)) {
                names.put(serviceId.apply(service), service);
            }
            for (LiveServiceInstance instance : copied.instances().values()) {
                String service = names.get(instance.serviceId());
                if (service == null || !wantedServices.contains(service)) {
                    patch.deleteInstance(instance.serviceId());
                    continue;
                }
                Set<String> written = writtenVariables.getOrDefault(service, Set.of());
                instance.variables().keySet().stream().filter(v -> !written.contains(v))
                        .forEach(v -> patch.deleteVariable(instance.serviceId(), v));
            }
            Set<String> writtenShared = writtenVariables.getOrDefault("", Set.of());
            copied.sharedVariables().keySet().stream().filter(v -> !writtenShared.contains(v))
                    .forEach(v -> patch.deleteVariable(null, v));
        }
        if (receivesNewServices) {
            for (String service : createdServices) {
                if (!wantedServices.contains(service)) {
                    patch.deleteInstance(serviceId.apply(service));
                }
            }
        }
        return patch;
    }

    static List<Change> forEnvironment(Plan plan, String env) {
        return plan.changes().stream()
                .filter(c -> env.equals(c.address().environment()) && c.address().kind() != Address.Kind.ENVIRONMENT)
                .toList();
    }

    private static InstancePlan instance(Plan plan, String env, String service) {
        return plan.instances().stream()
                .filter(i -> i.environment().equals(env) && i.service().equals(service))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan has no settings context for " + env + "/" + service));
    }

    private static Set<String> serviceNames(Plan plan, Set<String> created) {
        Set<String> names = new LinkedHashSet<>(plan.target().serviceIds().keySet());
        names.addAll(created);
        return names;
    }
}
