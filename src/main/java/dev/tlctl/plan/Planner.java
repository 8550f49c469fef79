package dev.tlctl.plan;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LivePullRequestSettings;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.secret.Secret;
import dev.tlctl.secret.Witness;
import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Previews;
import dev.tlctl.spec.PullRequestEnvironmentsSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.ServiceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes a {@link Plan}: a pure function of the spec (already narrowed to the run's
 * environments), what Railway has, and the options. It changes only what the spec declares and
 * leaves the rest alone, listing it as unmanaged (deleting it only with {@code --prune}; never
 * volumes).
 *
 * <p>It plans what Railway does as a consequence too. New environments are created empty, before
 * new services; a new service then reaches every environment that is not a fork (Railway's rule
 * for {@code serviceCreate}), in the run's scope or not, so each such instance is a change of
 * origin {@link Origin#RAILWAY}; where the spec does not want it and the environment is in scope,
 * tlctl removes it in the same commit. And it predicts which instances each environment's commit
 * redeploys ({@link DeployPrediction}).
 */
public final class Planner {
    private final Spec spec;
    private final LiveState live;
    private final PlanOptions options;
    private final List<Change> changes = new ArrayList<>();
    private final List<Unmanaged> unmanaged = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<InstancePlan> instances = new ArrayList<>();
    private final Set<String> newServices = new LinkedHashSet<>();
    /** Services tlctl created that the spec disables everywhere: deleted whole, so their instances are not. */
    private final Set<String> retiredServices = new LinkedHashSet<>();
    private final Set<String> owned = new LinkedHashSet<>();
    private final List<String> uncompared = new ArrayList<>();
    private final Map<String, String> domainIds = new LinkedHashMap<>();
    /** Volumes the spec declares that Railway has at the declared mount path: adopted, not unmanaged. */
    private final Set<String> adoptedVolumes = new LinkedHashSet<>();

    private Planner(Spec spec, LiveState live, PlanOptions options) {
        this.spec = spec;
        this.live = live;
        this.options = options;
    }

    /** The note of a change made because --replace named its address. */
    static final String REPLACED = "written again: --replace";

    public static Plan plan(Spec spec, LiveState live, PlanOptions options) {
        return new Planner(spec, live, options).run();
    }

    private Plan run() {
        LiveProject project = live.project();
        LiveWorkspace workspace = live.workspace();
        String defaultEnvironment = spec.defaultEnvironment().name();
        if (project == null) {
            changes.add(new Change.Project(spec.project().name(), defaultEnvironment, "with environment " + defaultEnvironment));
        }
        Map<String, String> serviceIds = planServices(project);
        List<EnvironmentTarget> targets = new ArrayList<>();
        Map<String, String> environmentIds = new LinkedHashMap<>();
        if (project != null) {
            project.environments().forEach(e -> environmentIds.put(e.name(), e.id()));
        }
        for (EnvironmentSpec env : spec.environments()) {
            LiveEnvironment liveEnv = project == null ? null : project.environment(env.name()).orElse(null);
            targets.add(new EnvironmentTarget(env.name(), liveEnv == null ? null : liveEnv.id(),
                    liveEnv == null ? null : liveEnv.configEtag(), liveEnv != null, liveEnv != null && liveEnv.isFork(),
                    env.isDefault(), liveEnv == null ? 0 : liveEnv.stagedChanges()));
            if (liveEnv == null) {
                planNewEnvironment(env, project == null && env.isDefault());
            } else {
                planEnvironment(env, liveEnv, project);
            }
        }
        if (project != null) {
            planOutOfScope(project);
            listUnmanagedEnvironments(project);
            for (LiveVolume volume : project.volumes()) {
                if (adoptedVolumes.contains(volume.id())) {
                    continue;
                }
                unmanaged.add(new Unmanaged(Address.volume(volume.name()), "volumes are never changed or deleted", false));
            }
        }
        planUsageLimit(workspace);
        planPullRequests(project);
        noteStagedChanges(targets);
        PlanTarget target = new PlanTarget(spec.project().name(), project == null ? null : project.id(),
                workspace == null ? null : workspace.id(), workspace == null ? null : workspace.name(),
                workspace == null || !workspace.billingReadable() ? null : workspace.customerId(),
                targets, serviceIds, environmentIds, domainIds);
        return new Plan(target, changes, unmanaged, notes, instances, DeployPrediction.of(spec, project, changes), owned,
                uncompared);
    }

    /** Changes staged in Railway's dashboard are not tlctl's to commit or drop without being told. */
    private void noteStagedChanges(List<EnvironmentTarget> targets) {
        for (EnvironmentTarget t : targets) {
            if (t.stagedChanges() <= 0) {
                continue;
            }
            boolean written = changes.stream().anyMatch(c -> c.inCommit()
                    && t.name().equals(c.address().environment()) && !(c instanceof Change.Environment));
            notes.add(t.name() + " has " + t.stagedChanges() + (t.stagedChanges() == 1 ? " change" : " changes")
                    + " staged in Railway and not committed (from the dashboard, or another tool). " + (written
                    ? "apply will not write to " + t.name() + " until told what to do with them: --include-staged"
                            + " commits them together with tlctl's changes, --discard-staged drops them."
                    : "This plan writes nothing there; they stay staged."));
        }
    }

    private Map<String, String> planServices(LiveProject project) {
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> declared = spec.services().stream().map(ServiceSpec::name).collect(Collectors.toSet());
        for (ServiceSpec service : spec.services()) {
            LiveService existing = project == null ? null : project.service(service.name()).orElse(null);
            if (existing != null) {
                ids.put(service.name(), existing.id());
                if (!enabledInScope(service.name()) && !options.partial()
                        && options.history().created(Address.service(service.name()), existing.id())) {
                    retiredServices.add(service.name());
                    delete(new Change.Service(Action.DELETE, service.name(), null), "the spec disables it everywhere",
                            true);
                } else if (!enabledInScope(service.name())) {
                    notes.add("Service " + service.name() + " exists on Railway but the spec disables it in "
                            + (options.partial() ? "the environments of this run" : "every environment")
                            + ": tlctl leaves it alone.");
                }
            } else if (enabledInScope(service.name())) {
                newServices.add(service.name());
                changes.add(new Change.Service(Action.CREATE, service.name(),
                        "without a source: nothing deploys until each environment's commit"));
            }
        }
        if (project != null) {
            for (LiveService service : project.services()) {
                if (!declared.contains(service.name())) {
                    ids.put(service.name(), service.id());
                    // A service is project-wide: a run scoped to some environments deletes none.
                    delete(new Change.Service(Action.DELETE, service.name(), null), "not in the spec",
                            !options.partial() && options.history().created(Address.service(service.name()), service.id()));
                }
            }
        }
        return ids;
    }

    private boolean enabledInScope(String service) {
        return spec.environments().stream().anyMatch(e -> e.service(service).map(ServiceInstanceSpec::enabled).orElse(false));
    }

    /** An environment created by this apply: empty, before the new services, so it receives them. */
    private void planNewEnvironment(EnvironmentSpec env, boolean withProject) {
        if (!withProject) {
            Optional<Previews.Match> preview = spec.previews().match(env.name());
            if (preview.isPresent()) {
                changes.add(new Change.Environment(Action.CREATE, env.name(), "a preview of template "
                        + preview.get().template().name() + ", sized like " + env.from() + "; created empty and"
                        + " ephemeral, nothing is copied on Railway", true));
            } else {
                changes.add(new Change.Environment(Action.CREATE, env.name(), env.from() == null ? "created empty"
                        : "created empty; the spec declares it from " + env.from() + ", nothing is copied on Railway"));
            }
        }
        for (ServiceInstanceSpec instance : env.services().values()) {
            boolean isNew = newServices.contains(instance.service());
            if (instance.enabled()) {
                changes.add(Change.Instance.create(env.name(), instance.service(), isNew ? Origin.RAILWAY : Origin.TLCTL)
                        .withNote(isNew ? "added with the new service" : null));
                createInstance(env.name(), instance);
            } else if (isNew) {
                addedAndRemoved(env.name(), instance.service());
            }
        }
        for (VariableSpec variable : env.sharedVariables().values()) {
            changes.add(create(env.name(), null, variable));
        }
    }

    /** A new service reaches an environment where the spec does not want it: tlctl removes it in the same commit. */
    private void addedAndRemoved(String env, String service) {
        changes.add(Change.Instance.create(env, service, Origin.RAILWAY).withNote("added with the new service"));
        changes.add(Change.Instance.delete(env, service, false)
                .withNote("the spec disables " + service + " in " + env + ": removed in the same commit"));
    }

    private void createInstance(String env, ServiceInstanceSpec instance) {
        instance.settings().forEach((key, value) ->
                changes.add(new Change.Setting(Action.CREATE, env, instance.service(), key, null, value, null)));
        for (VariableSpec variable : instance.variables().values()) {
            changes.add(create(env, instance.service(), variable));
        }
        changes.addAll(DomainPlanner.plan(env, instance.service(), instance.domains(), List.of(), domainIds,
                this::undeclaredDomain));
        changes.addAll(VolumePlanner.plan(env, instance.service(), instance.volumes(), List.of(), adoptedVolumes, notes));
        instances.add(new InstancePlan(env, instance.service(), true, new TreeMap<>(), instance.settings(), Map.of()));
    }

    private static Change.Variable create(String env, String service, VariableSpec variable) {
        return new Change.Variable(Action.CREATE, env, service, variable.name(), null, variable.value(),
                variable.sensitive(), variable.sealed(), variable.sealed() ? "will be sealed" : null);
    }

    private void planEnvironment(EnvironmentSpec env, LiveEnvironment liveEnv, LiveProject project) {
        Sensitivity sensitivity = Sensitivity.in(env, liveEnv, project);
        for (ServiceInstanceSpec instance : env.services().values()) {
            String service = instance.service();
            if (newServices.contains(service)) {
                boolean receives = !liveEnv.isFork();
                if (instance.enabled()) {
                    changes.add(Change.Instance.create(env.name(), service, receives ? Origin.RAILWAY : Origin.TLCTL)
                            .withNote(receives ? "added with the new service" : null));
                    createInstance(env.name(), instance);
                } else if (receives) {
                    addedAndRemoved(env.name(), service);
                }
                continue;
            }
            LiveService liveService = project.service(service).orElse(null);
            LiveServiceInstance liveInstance = liveService == null ? null : liveEnv.instance(liveService.id()).orElse(null);
            if (!instance.enabled()) {
                if (liveInstance != null && !retiredServices.contains(service)) {
                    boolean created = options.history().created(Address.instance(env.name(), service), liveService.id())
                            || options.history().created(Address.service(service), liveService.id());
                    delete(Change.Instance.delete(env.name(), service, true), "disabled in the spec for " + env.name(),
                            created);
                }
                continue;
            }
            if (liveInstance == null) {
                if (liveService != null) {
                    changes.add(Change.Instance.create(env.name(), service, Origin.TLCTL));
                    createInstance(env.name(), instance);
                }
                continue;
            }
            planSettings(env.name(), instance, liveInstance);
            planVariables(env.name(), service, instance.variables(), liveInstance.variables(), sensitivity);
            planDomains(env.name(), instance, project.runtime().instance(liveEnv.id(), liveService.id()).orElse(null));
            planVolumes(env.name(), instance, project, liveEnv.id(), liveService.id());
        }
        planVariables(env.name(), null, env.sharedVariables(), liveEnv.sharedVariables(), sensitivity);
    }

    /** The instance's domains, when Railway's answer carried them (an environment read apart has none). */
    private void planDomains(String env, ServiceInstanceSpec instance, LiveRuntime.Instance runtime) {
        if (runtime == null) {
            if (instance.domains().declared()) {
                notes.add("The domains of " + Address.instance(env, instance.service()) + " were not read (the"
                        + " environment was read apart), so they are not planned; run again to plan them.");
            }
            return;
        }
        changes.addAll(DomainPlanner.plan(env, instance.service(), instance.domains(), runtime.domains(), domainIds,
                this::undeclaredDomain));
    }

    /** The instance's volumes (see {@link VolumePlanner}), when Railway's answer carried them. */
    private void planVolumes(String env, ServiceInstanceSpec instance, LiveProject project, String environmentId,
            String serviceId) {
        if (instance.volumes().isEmpty()) {
            return;
        }
        if (project.runtime().instance(environmentId, serviceId).isEmpty()) {
            notes.add("The volumes of " + Address.instance(env, instance.service()) + " were not read (the"
                    + " environment was read apart), so they are not planned; run again to plan them.");
            return;
        }
        changes.addAll(VolumePlanner.plan(env, instance.service(), instance.volumes(), project.runtime()
                .volumes(environmentId).stream().filter(v -> serviceId.equals(v.serviceId())).toList(),
                adoptedVolumes, notes));
    }

    /** A generated domain tlctl made is recorded as the service's {@code railway} domain (its name is Railway's). */
    private void undeclaredDomain(Change.Domain deletion, String why) {
        Address made = deletion.custom() ? deletion.address()
                : Address.domain(deletion.environment(), deletion.service(), Address.RAILWAY_DOMAIN);
        delete(deletion, why, options.history().created(made, null));
    }

    /** New services reach live environments outside the run's scope too: shown, left in place. */
    private void planOutOfScope(LiveProject project) {
        if (newServices.isEmpty()) {
            return;
        }
        Set<String> inScope = spec.environments().stream().map(EnvironmentSpec::name).collect(Collectors.toSet());
        for (LiveEnvironment env : project.environments()) {
            if (inScope.contains(env.name()) || env.isFork()) {
                continue;
            }
            for (String service : newServices) {
                changes.add(Change.Instance.create(env.name(), service, Origin.RAILWAY).withNote(
                        "added with the new service; " + env.name() + " is outside this run, so it stays"
                                + " there, empty, until an apply that includes " + env.name()));
            }
        }
    }

    private void planSettings(String env, ServiceInstanceSpec instance, LiveServiceInstance liveInstance) {
        boolean changed = false;
        for (Map.Entry<String, Object> desired : instance.settings().entrySet()) {
            Object current = liveInstance.settings().get(desired.getKey());
            boolean replaced = !options.replace().isEmpty()
                    && options.replace().contains(Address.setting(env, instance.service(), desired.getKey()).text());
            // Railway's default and "not set" are the same (Defaults); --replace writes it all the same.
            boolean same = Defaults.same(desired.getKey(), current, desired.getValue());
            if (same && !replaced) {
                continue;
            }
            changes.add(new Change.Setting(current == null ? Action.CREATE : Action.UPDATE, env, instance.service(),
                    desired.getKey(), current, desired.getValue(), same ? REPLACED : null));
            changed = true;
        }
        if (changed) {
            instances.add(new InstancePlan(env, instance.service(), false, liveInstance.settings(), instance.settings(),
                    liveInstance.configSections()));
        }
    }

    private void planVariables(String env, String service, Map<String, VariableSpec> desired, Map<String, LiveVariable> current,
            Sensitivity sensitivity) {
        for (VariableSpec variable : desired.values()) {
            LiveVariable existing = current.get(variable.name());
            if (existing == null) {
                changes.add(create(env, service, variable));
                continue;
            }
            Change change = compareVariable(env, service, variable, existing, sensitivity);
            if (change != null) {
                changes.add(change);
            }
        }
        for (LiveVariable variable : current.values()) {
            if (!desired.containsKey(variable.name())) {
                delete(new Change.Variable(Action.DELETE, env, service, variable.name(), variable.value(), null,
                        Sensitivity.of(variable), variable.sealed(), null), "not in the spec",
                        options.history().created(Address.variable(env, service, variable.name()), null));
            }
        }
    }

    /** The change a variable needs, if any; whether it is a secret is decided only for a change (values can be many). */
    private Change compareVariable(String env, String service, VariableSpec variable, LiveVariable existing,
            Sensitivity sensitivity) {
        Address address = Address.variable(env, service, variable.name());
        // The address's text only when something is to be replaced: variables can be many.
        boolean replaced = !options.replace().isEmpty() && options.replace().contains(address.text());
        if (existing.sealed()) {
            if (!variable.sealed()) {
                notes.add(address + " is sealed on Railway: it cannot be read back or unsealed, so tlctl does not"
                        + " compare it. Mark it sealed: true in the spec, or delete it on Railway to manage it.");
                return null;
            }
            if (replaced) {
                return update(env, service, variable, null, true).withNote(REPLACED);
            }
            Witness written = options.history().written(address);
            if (written == null) {
                uncompared.add(address.text());
                notes.add(address + " is sealed and tlctl has no record of writing it here, so its value cannot be"
                        + " compared; it is left as is. tlctl apply --replace " + address + " writes the spec's value.");
                return null;
            }
            return written.matches(variable.value()) ? null : update(env, service, variable, null, true);
        }
        if (variable.sealed()) {
            return update(env, service, variable, existing.value(), true).withNote("will be sealed");
        }
        if (!existing.readable()) {
            notes.add(address + " cannot be read with this token, so it is not compared.");
            return null;
        }
        if (existing.value().equals(variable.value()) && !replaced) {
            return null;
        }
        boolean sensitive = sensitivity.variable(variable.name(), variable, existing);
        if (existing.value().equals(variable.value())) {
            return update(env, service, variable, existing.value(), sensitive).withNote(REPLACED);
        }
        Change.Variable change = update(env, service, variable, existing.value(), sensitive);
        // allowEmpty: an empty value replaces a live one: say it in words, a mask would hide it.
        return variable.value().reveal().isBlank() && !existing.value().reveal().isBlank()
                ? change.withNote("empties it: Railway has a value, the spec an empty one") : change;
    }

    private static Change.Variable update(String env, String service, VariableSpec variable, Secret before, boolean sensitive) {
        return new Change.Variable(Action.UPDATE, env, service, variable.name(), before, variable.value(), sensitive,
                variable.sealed(), null);
    }

    /**
     * Environments the spec does not declare: listed as unmanaged, deleted only with --prune.
     * Never a preview (an environment a template of the spec names: only a run that covers it, or
     * {@code env delete}, touches it), nor Railway's own PR environments (ephemeral), nor an
     * environment this token may not open.
     */
    private void listUnmanagedEnvironments(LiveProject project) {
        if (options.partial()) {
            return; // environments outside --env are neither planned nor pruned
        }
        Set<String> declared = spec.environments().stream().map(EnvironmentSpec::name).collect(Collectors.toSet());
        for (LiveEnvironment env : project.environments()) {
            if (declared.contains(env.name()) || spec.previews().match(env.name()).isPresent()) {
                continue; // a preview outside the run: its own runs (and env delete) manage it
            }
            if (env.ephemeral()) {
                continue; // Railway's own PR environments: Railway makes and deletes them, tlctl leaves them alone
            }
            if (!env.accessible()) {
                // Environment RBAC: tlctl cannot see what it holds, so it never deletes it.
                unmanaged.add(new Unmanaged(Address.environment(env.name()), "this token may not open it", false));
                continue;
            }
            delete(new Change.Environment(Action.DELETE, env.name(), null), "not in the spec",
                    options.history().created(Address.environment(env.name()), env.id()));
        }
    }

    /**
     * Something on Railway the spec does not want: deleted when tlctl created it (and said so in the
     * plan), else listed as unmanaged (deleted only with --prune).
     */
    private void delete(Change deletion, String why, boolean created) {
        if (created) {
            owned.add(deletion.address().text());
            changes.add(deletion.withNote("created by tlctl; " + why));
        } else {
            addUnmanaged(deletion, why);
        }
    }

    /** Lists something undeclared; with --prune, plans its deletion instead (never volumes). */
    private void addUnmanaged(Change deletion, String why) {
        if (options.prune()) {
            changes.add(deletion);
        } else {
            unmanaged.add(new Unmanaged(deletion.address(), why, true));
        }
    }

    /**
     * The project's pull request settings: the fields the spec writes, over what Railway has (a
     * field the spec leaves out stays Railway's). Project-wide, so only in a run not scoped by --env.
     */
    private void planPullRequests(LiveProject project) {
        PullRequestEnvironmentsSpec desired = spec.pullRequestEnvironments();
        if (!desired.declared() || project != null && project.pullRequests() == null) {
            return;
        }
        LivePullRequestSettings live = project == null ? new LivePullRequestSettings(false, null, false, false)
                : project.pullRequests();
        String liveFrom = live.baseEnvironmentId() == null || project == null ? null : project.environments().stream()
                .filter(e -> e.id().equals(live.baseEnvironmentId())).map(LiveEnvironment::name).findFirst()
                .orElse(live.baseEnvironmentId());
        PullRequestsValue before = new PullRequestsValue(live.enabled(), liveFrom, live.focused(), live.bots());
        PullRequestsValue after = new PullRequestsValue(desired.enabled() != null ? desired.enabled() : before.enabled(),
                desired.from() != null ? desired.from() : before.from(),
                desired.focused() != null ? desired.focused() : before.focused(),
                desired.bots() != null ? desired.bots() : before.bots());
        if (after.equals(before)) {
            return;
        }
        if (options.partial()) {
            notes.add("The pull request environment settings are project-wide, so a run scoped to some environments"
                    + " (--env) neither plans nor writes them; run without --env to manage them.");
            return;
        }
        changes.add(new Change.PullRequests(project == null ? Action.CREATE : Action.UPDATE,
                project == null ? null : before, after, "project-wide: Railway's own pull request environments"));
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
        if (!options.workspaceWide()) {
            LiveUsageLimit current = workspace.usageLimit();
            if (current == null || !new UsageLimitValue(current.softLimitDollars(), current.hardLimitDollars()).equals(after)) {
                notes.add("The usage limit is workspace-wide, so a run scoped to some environments (--env) neither"
                        + " plans nor writes it; run without --env to manage it.");
            }
            return;
        }
        LiveUsageLimit current = workspace.usageLimit();
        String scope = "workspace-wide: covers every project of workspace " + workspace.name();
        if (current == null) {
            changes.add(new Change.UsageLimit(Action.CREATE, null, after, scope));
        } else {
            UsageLimitValue before = new UsageLimitValue(current.softLimitDollars(), current.hardLimitDollars());
            if (!before.equals(after)) {
                changes.add(new Change.UsageLimit(Action.UPDATE, before, after, scope));
            }
        }
    }
}
