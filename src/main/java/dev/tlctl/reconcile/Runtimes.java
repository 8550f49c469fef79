package dev.tlctl.reconcile;

import dev.tlctl.live.LiveDeployment;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Settings;
import dev.tlctl.spec.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The workflows of a {@link Reconciler} that act on what runs rather than on the config:
 * {@code status} (one read), {@code deploy} and {@code rollback} (one read, one write per
 * deployment, and with a wait one poll per round). None resolves a secret of the spec.
 */
final class Runtimes {
    /** How many of an instance's deployments a rollback looks through. */
    static final int HISTORY = 20;

    private final Reconciler owner;
    private final Spec declared;
    private final RailwayClient client;
    private final Rollouts rollouts;
    private final Clock clock;

    Runtimes(Reconciler owner, Spec declared, RailwayClient client, Rollouts rollouts, Clock clock) {
        this.owner = owner;
        this.declared = declared;
        this.client = client;
        this.rollouts = rollouts;
        this.clock = clock;
    }

    /** The project as read, which must exist, and the environments the run covers (a project token's only). */
    private record Scope(LiveProject project, List<String> environments) {}

    private Scope scope(Target target, String what) {
        List<String> covered = owner.covered(target);
        Reconciler.Read read = owner.read(target);
        String only = read.result().tokenEnvironment();
        if (only != null) {
            if (!target.environments().isEmpty() && !List.of(only).containsAll(target.environments())) {
                throw new ReconcileException(Kind.USAGE, "a project token reaches only environment " + only,
                        "RAILWAY_TOKEN is a project token: pass --env " + only + ", or use an account or workspace"
                                + " token (RAILWAY_API_TOKEN) for the others.");
            }
            covered = List.of(only);
        }
        LiveProject project = read.result().state().project();
        if (project == null) {
            throw new ReconcileException(Kind.REFUSED, "project " + declared.project().name() + " does not exist on"
                    + " Railway", "Create it with tlctl apply first. Nothing to " + what + ".");
        }
        return new Scope(project, covered);
    }

    // ---- status -------------------------------------------------------------------------------

    StatusResult status(StatusRequest request) {
        Scope scope = scope(request.target(), "show");
        LiveProject project = scope.project();
        Instant now = clock.instant();
        List<StatusResult.Service> out = new ArrayList<>();
        for (String name : scope.environments()) {
            EnvironmentSpec spec = declared.environment(name).orElseThrow();
            LiveEnvironment environment = project.environment(name).orElse(null);
            Set<String> services = new LinkedHashSet<>(spec.services().keySet());
            project.services().forEach(s -> services.add(s.name()));
            for (String service : services) {
                ServiceInstanceSpec declaredHere = spec.service(service).orElse(null);
                boolean enabled = declaredHere != null && declaredHere.enabled();
                String serviceId = project.service(service).map(LiveService::id).orElse(null);
                LiveServiceInstance live = environment == null || serviceId == null ? null
                        : environment.instance(serviceId).orElse(null);
                if (live == null && !enabled) {
                    continue; // neither run here by the spec nor there on Railway
                }
                LiveDeployment latest = live == null ? null : project.runtime().instance(environment.id(), serviceId)
                        .map(LiveRuntime.Instance::latest).orElse(null);
                boolean source = hasSource(declaredHere, live);
                boolean healthy = live != null && (latest != null ? latest.status().healthy() : !source);
                out.add(new StatusResult.Service(name, service, enabled, declaredHere != null, live != null, source,
                        latest, latest == null ? null : Duration.between(latest.createdAt(), now),
                        live == null ? List.of() : Outputs.urls(project, environment.id(), serviceId), healthy));
            }
        }
        return new StatusResult(project.name(), project.id(), scope.environments(), out, now);
    }

    /** Whether the instance has a repository or an image: as the spec declares, else as on Railway. */
    private static boolean hasSource(ServiceInstanceSpec spec, LiveServiceInstance live) {
        for (String key : List.of(Settings.SOURCE_REPO, Settings.SOURCE_IMAGE)) {
            Object value = spec != null && spec.settings().containsKey(key) ? spec.settings().get(key)
                    : live == null ? null : live.settings().get(key);
            if (value != null && !value.toString().isBlank()) {
                return true;
            }
        }
        return false;
    }

    // ---- deploy -------------------------------------------------------------------------------

    DeployResult deploy(DeployRequest request, RolloutObserver observer) {
        request.services().forEach(this::checkDeclared);
        Scope scope = scope(request.target(), "deploy");
        LiveProject project = scope.project();
        List<Rollouts.Target> targets = new ArrayList<>();
        for (String name : scope.environments()) {
            EnvironmentSpec spec = declared.environment(name).orElseThrow();
            List<String> asked = request.services().isEmpty() ? List.copyOf(spec.services().keySet())
                    : request.services();
            for (String service : asked) {
                Rollouts.Target target = deployable(project, spec, service, !request.services().isEmpty());
                if (target != null) {
                    targets.add(target);
                }
            }
        }
        if (targets.isEmpty()) {
            throw new ReconcileException(Kind.REFUSED, "nothing to deploy in " + String.join(", ", scope.environments()),
                    "No service the spec enables there has a source (a repository or an image) on Railway.");
        }
        rollouts.awaitBuilds(project, targets);
        List<DeployResult.Started> started = new ArrayList<>();
        for (Rollouts.Target target : targets) {
            String id = client.runtime().deploy(target.environmentId(), target.serviceId(), target.what());
            started.add(new DeployResult.Started(target.environment(), target.service(), id));
        }
        Rollout rollout = request.waitFor() == null ? null
                : rollouts.follow(project.id(), targets, request.waitFor(), observer);
        return new DeployResult(project.name(), started, rollout, Outputs.of(project, scope.environments()));
    }

    /**
     * The instance to deploy, or null to pass it by (a service the spec does not run there, or one
     * without a source, when not named with --service); named ones must be deployable.
     */
    private static Rollouts.Target deployable(LiveProject project, EnvironmentSpec spec, String service, boolean named) {
        String where = spec.name() + "/" + service;
        ServiceInstanceSpec instance = spec.service(service).orElse(null);
        if (instance == null || !instance.enabled()) {
            if (named) {
                throw new ReconcileException(Kind.REFUSED, "the spec does not run " + service + " in " + spec.name(),
                        "It is disabled there (enabled: false), so tlctl does not deploy it. Enable it and run tlctl"
                                + " apply.");
            }
            return null;
        }
        LiveEnvironment environment = project.environment(spec.name()).orElse(null);
        String serviceId = project.service(service).map(LiveService::id).orElse(null);
        LiveServiceInstance live = environment == null || serviceId == null ? null
                : environment.instance(serviceId).orElse(null);
        if (live == null) {
            throw new ReconcileException(Kind.REFUSED, where + " does not exist on Railway yet",
                    "Create it with tlctl apply (which deploys it), then deploy again. Nothing was deployed.");
        }
        if (!hasSource(null, live)) {
            if (named) {
                throw new ReconcileException(Kind.REFUSED, where + " has nothing to deploy",
                        "It has no source on Railway (no repository, no image). Declare source.repo or source.image"
                                + " and run tlctl apply. Nothing was deployed.");
            }
            return null;
        }
        return new Rollouts.Target(spec.name(), service, environment.id(), serviceId,
                Rollouts.latest(project, environment.id(), serviceId));
    }

    // ---- rollback -----------------------------------------------------------------------------

    RollbackResult rollback(RollbackRequest request, RolloutObserver observer) {
        String env = request.environment();
        String service = request.service();
        checkDeclared(service);
        Scope scope = scope(new Target(List.of(env), request.target().projectId(), request.target().workspace()),
                "roll back");
        LiveProject project = scope.project();
        String where = env + "/" + service;
        LiveEnvironment environment = project.environment(env).orElseThrow(() -> new ReconcileException(Kind.REFUSED,
                "environment " + env + " does not exist on Railway", "Nothing to roll back."));
        String serviceId = project.service(service).map(LiveService::id).orElse(null);
        if (serviceId == null || environment.instance(serviceId).isEmpty()) {
            throw new ReconcileException(Kind.REFUSED, where + " does not exist on Railway", "Nothing to roll back.");
        }
        List<LiveDeployment> history = client.runtime().history(project.id(), environment.id(), serviceId, HISTORY, where);
        String latest = history.isEmpty() ? null : history.get(0).id();
        LiveDeployment to = request.to() == null ? previous(history, where) : named(history, request.to(), where);
        Rollouts.Target target = new Rollouts.Target(env, service, environment.id(), serviceId, latest);
        rollouts.awaitBuilds(project, List.of(target));
        client.runtime().rollback(to.id(), where);
        Rollout rollout = request.waitFor() == null ? null
                : rollouts.follow(project.id(), List.of(target), request.waitFor(), observer);
        return new RollbackResult(project.name(), env, service, latest, to.id(), rollout);
    }

    /** A service named by --service is one the spec declares (else a usage error with the closest name). */
    private void checkDeclared(String service) {
        List<String> names = declared.services().stream().map(s -> s.name()).toList();
        if (!names.contains(service)) {
            throw new ReconcileException(Kind.USAGE, "unknown service \"" + service + "\" in --service"
                    + DidYouMean.suffix(service, names), "The spec declares: " + String.join(", ", names) + ".");
        }
    }

    /** The newest deployment Railway can roll back to (one that served, and is no longer serving). */
    private LiveDeployment previous(List<LiveDeployment> history, String where) {
        return history.stream().filter(d -> Boolean.TRUE.equals(d.canRollback())).findFirst()
                .orElseThrow(() -> new ReconcileException(Kind.REFUSED, "no earlier deployment of " + where
                        + " can be rolled back to", "Railway rolls back only to a deployment that succeeded, no longer"
                        + " serves, and whose image it still keeps (24 h on Free, 72 h on Hobby, 120 h on Pro); none of"
                        + " the last " + history.size() + " is. Deploy a fix instead: tlctl deploy --env "
                        + where.replace("/", " --service ") + ". Nothing was changed."));
    }

    private LiveDeployment named(List<LiveDeployment> history, String id, String where) {
        LiveDeployment found = history.stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new ReconcileException(Kind.REFUSED, "deployment " + id + " is not among the last "
                        + HISTORY + " deployments of " + where, "tlctl status shows the newest; Railway's dashboard"
                        + " lists them all. Nothing was changed."));
        if (!Boolean.TRUE.equals(found.canRollback())) {
            String why = found.status().healthy() && history.get(0).id().equals(id) ? "it is the one serving now"
                    : !(found.status() == LiveDeployment.Status.REMOVED || found.status().healthy())
                    ? "it never served (status " + found.status() + ")"
                    : "it is outside Railway's retention window: Railway keeps a deployment's image 24 h on Free, 72 h"
                    + " on Hobby and 120 h on Pro, and this one is from " + found.createdAt() + " ("
                    + Duration.between(found.createdAt(), clock.instant()).toHours() + " h ago)";
            throw new ReconcileException(Kind.REFUSED, "cannot roll " + where + " back to deployment " + id,
                    "Railway does not allow it: " + why + ". Deploy a fix instead: tlctl deploy --env "
                            + where.replace("/", " --service ") + ". Nothing was changed.");
        }
        return found;
    }
}
