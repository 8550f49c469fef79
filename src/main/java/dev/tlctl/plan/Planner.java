package dev.tlctl.plan;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.ServiceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes a {@link Plan}: a pure function of the spec, what Railway has, and the options. It
 * changes only what the spec declares and leaves the rest alone, listing it as unmanaged
 * (deleting it only with {@code --prune}; never volumes).
 */
public final class Planner {
    private final Spec spec;
    private final LiveState live;
    private final PlanOptions options;
    private final List<Change> changes = new ArrayList<>();
    private final List<Unmanaged> unmanaged = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<InstancePlan> instances = new ArrayList<>();

    private Planner(Spec spec, LiveState live, PlanOptions options) {
        this.spec = spec;
        this.live = live;
        this.options = options;
    }

    public static Plan plan(Spec spec, LiveState live, PlanOptions options) {
        return new Planner(spec, live, options).run();
    }

    private Plan run() {
        LiveProject project = live.project();
        LiveWorkspace workspace = live.workspace();
        if (project == null) {
            changes.add(Change.create(Address.project(), spec.project().name(), false, false)
                    .withNote("with environment " + spec.defaultEnvironment().name()));
        }
        Map<String, String> serviceIds = planServices(project);
        List<EnvironmentTarget> targets = new ArrayList<>();
        for (EnvironmentSpec env : spec.environments()) {
            LiveEnvironment liveEnv = project == null ? null : project.environment(env.name()).orElse(null);
            targets.add(new EnvironmentTarget(env.name(), liveEnv == null ? null : liveEnv.id(),
                    liveEnv == null ? null : liveEnv.configEtag(), env.from(), liveEnv != null,
                    liveEnv == null ? env.from() != null : liveEnv.isFork(), env.isDefault()));
            if (liveEnv == null) {
                planNewEnvironment(env, project == null && env.isDefault());
            } else {
                planEnvironment(env, liveEnv, project);
            }
        }
        if (project != null) {
            listUnmanagedEnvironments(project);
            for (LiveVolume volume : project.volumes()) {
                unmanaged.add(new Unmanaged(Address.volume(volume.name()), "volumes are never changed or deleted", false));
            }
        }
        planUsageLimit(workspace);
        return new Plan(new PlanTarget(spec.project().name(), project == null ? null : project.id(),
                workspace == null ? null : workspace.id(), workspace == null ? null : workspace.name(),
                workspace == null || !workspace.billingReadable() ? null : workspace.customerId(),
                targets, serviceIds), changes, unmanaged, notes, instances);
    }

    private Map<String, String> planServices(LiveProject project) {
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> declared = spec.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());
        for (ServiceSpec service : spec.services()) {
            LiveService existing = project == null ? null : project.service(service.name()).orElse(null);
            if (existing != null) {
                ids.put(service.name(), existing.id());
                if (!service.enabledAnywhere()) {
                    notes.add("Service " + service.name() + " exists on Railway but is disabled in every environment"
                            + " of the spec: tlctl leaves it alone.");
                }
            } else if (enabledInSelected(service.name())) {
                changes.add(Change.create(Address.service(service.name()), service.name(), false, false));
            }
        }
        if (project != null) {
            for (LiveService service : project.services()) {
                if (!declared.contains(service.name())) {
                    ids.put(service.name(), service.id());
                    addUnmanaged(Address.service(service.name()), null, false, "not in the spec");
                }
            }
        }
        return ids;
    }

    private boolean enabledInSelected(String service) {
        return spec.environments().stream().anyMatch(e -> e.service(service).map(ServiceInstanceSpec::enabled).orElse(false));
    }

    private void planNewEnvironment(EnvironmentSpec env, boolean withProject) {
        if (!withProject) {
            Change create = Change.create(Address.environment(env.name()), env.from(), false, false);
            changes.add(env.from() == null ? create : create.withNote("from " + env.from()
                    + "; copied variables and services it does not declare are removed in the same apply"));
        }
        for (ServiceInstanceSpec instance : env.services().values()) {
            if (instance.enabled()) {
                createInstance(env.name(), instance);
            }
        }
        for (VariableSpec variable : env.sharedVariables().values()) {
            changes.add(Change.create(Address.variable(env.name(), null, variable.name()), variable.value(),
                    variable.sensitive(), variable.sealed()));
        }
    }

    private void createInstance(String env, ServiceInstanceSpec instance) {
        changes.add(Change.create(Address.instance(env, instance.service()), instance.service(), false, false));
        instance.settings().forEach((key, value) ->
                changes.add(Change.create(Address.setting(env, instance.service(), key), value, false, false)));
        for (VariableSpec variable : instance.variables().values()) {
            changes.add(Change.create(Address.variable(env, instance.service(), variable.name()), variable.value(),
                    variable.sensitive(), variable.sealed()));
        }
        instances.add(new InstancePlan(env, instance.service(), true, new TreeMap<>(), instance.settings()));
    }

    private void planEnvironment(EnvironmentSpec env, LiveEnvironment liveEnv, LiveProject project) {
        for (ServiceInstanceSpec instance : env.services().values()) {
            LiveService service = project.service(instance.service()).orElse(null);
            LiveServiceInstance liveInstance = service == null ? null : liveEnv.instance(service.id()).orElse(null);
            if (!instance.enabled()) {
                if (liveInstance != null) {
                    addUnmanaged(Address.instance(env.name(), instance.service()), null, false,
                            "disabled in the spec for " + env.name());
                }
                continue;
            }
            if (liveInstance == null) {
                createInstance(env.name(), instance);
                continue;
            }
            planSettings(env.name(), instance, liveInstance);
            planVariables(env.name(), instance.service(), instance.variables(), liveInstance.variables());
        }
        planVariables(env.name(), null, env.sharedVariables(), liveEnv.sharedVariables());
    }

    private void planSettings(String env, ServiceInstanceSpec instance, LiveServiceInstance liveInstance) {
        boolean changed = false;
        for (Map.Entry<String, Object> desired : instance.settings().entrySet()) {
            Object current = liveInstance.settings().get(desired.getKey());
            if (Values.same(current, desired.getValue())) {
                continue;
            }
            Address address = Address.setting(env, instance.service(), desired.getKey());
            changes.add(current == null ? Change.create(address, desired.getValue(), false, false)
                    : Change.update(address, current, desired.getValue(), false, false));
            changed = true;
        }
        if (changed) {
            instances.add(new InstancePlan(env, instance.service(), false, liveInstance.settings(), instance.settings()));
        }
    }

    private void planVariables(String env, String service, Map<String, VariableSpec> desired, Map<String, LiveVariable> current) {
        for (VariableSpec variable : desired.values()) {
            Address address = Address.variable(env, service, variable.name());
            LiveVariable existing = current.get(variable.name());
            if (existing == null) {
                changes.add(Change.create(address, variable.value(), variable.sensitive(), variable.sealed()));
                continue;
            }
            Change change = compareVariable(address, variable, existing);
            if (change != null) {
                changes.add(change);
            }
        }
        for (LiveVariable variable : current.values()) {
            if (!desired.containsKey(variable.name())) {
                addUnmanaged(Address.variable(env, service, variable.name()), variable.value(), true, "not in the spec");
            }
        }
    }

    private Change compareVariable(Address address, VariableSpec variable, LiveVariable existing) {
        if (existing.sealed()) {
            if (!variable.sealed()) {
                notes.add(address + " is sealed on Railway: it cannot be read back or unsealed, so tlctl does not"
                        + " compare it. Mark it sealed: true in the spec, or delete it on Railway to manage it.");
                return null;
            }
            Fingerprint written = options.sealedFingerprints().get(address.text());
            if (written == null) {
                notes.add(address + " is sealed and tlctl has no record of writing it here, so its value cannot be"
                        + " compared; it is left as is.");
                return null;
            }
            return written.matches(variable.value()) ? null
                    : Change.update(address, null, variable.value(), true, true);
        }
        if (variable.sealed()) {
            return Change.update(address, existing.value(), variable.value(), true, true).withNote("will be sealed");
        }
        if (!existing.readable()) {
            notes.add(address + " cannot be read with this token, so it is not compared.");
            return null;
        }
        return existing.value().equals(variable.value()) ? null
                : Change.update(address, existing.value(), variable.value(), variable.sensitive(), false);
    }

    private void listUnmanagedEnvironments(LiveProject project) {
        if (options.partial()) {
            return; // environments outside --env are neither planned nor pruned
        }
        Set<String> declared = spec.environments().stream().map(EnvironmentSpec::name).collect(Collectors.toSet());
        for (LiveEnvironment env : project.environments()) {
            if (!declared.contains(env.name())) {
                // Its id travels as the "before" value: the plan's targets are the spec's environments only.
                addUnmanaged(Address.environment(env.name()), env.id(), false, "not in the spec");
            }
        }
    }

    /** Lists something undeclared; with --prune, plans its deletion instead (never volumes). */
    private void addUnmanaged(Address address, Object before, boolean sensitive, String why) {
        if (options.prune()) {
            changes.add(Change.delete(address, before, sensitive));
        } else {
            unmanaged.add(new Unmanaged(address, why, true));
        }
    }

    private void planUsageLimit(LiveWorkspace workspace) {
        UsageLimitSpec desired = spec.billing().usageLimit();
        if (desired == null) {
            return;
        }
        UsageLimitValue after = new UsageLimitValue(desired.softLimitDollars(), desired.hardLimitDollars());
        if (workspace == null || !workspace.billingReadable()) {
            notes.add("The usage limit is not planned: this token cannot read the workspace's billing"
                    + " (a project token reaches one environment only). Use an account or workspace token"
                    + " (RAILWAY_API_TOKEN) to manage it.");
            return;
        }
        LiveUsageLimit current = workspace.usageLimit();
        String scope = "workspace-wide: covers every project of workspace " + workspace.name();
        if (current == null) {
            changes.add(Change.create(Address.usageLimit(), after, false, false).withNote(scope));
        } else {
            UsageLimitValue before = new UsageLimitValue(current.softLimitDollars(), current.hardLimitDollars());
            if (!before.equals(after)) {
                changes.add(Change.update(Address.usageLimit(), before, after, false, false).withNote(scope));
            }
        }
    }
}
