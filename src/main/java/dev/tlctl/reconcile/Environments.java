package dev.tlctl.reconcile;

import dev.tlctl.audit.Prices;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveUsage;
import dev.tlctl.live.LiveVolumeInstance;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.reconcile.EnvRow.Kind;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.PreviewTemplate;
import dev.tlctl.spec.Previews;
import dev.tlctl.spec.Spec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code tlctl env}: the project's environments listed (from one read, usage included), a preview
 * created through the apply workflow, and environments deleted one request each, only those asked
 * for: never the project's default environment, a declared one only when forced, and by
 * {@code prune --expired} only previews past their template's time to live.
 */
final class Environments {
    private final Reconciler owner;
    private final Spec declared;
    private final RailwayClient client;
    private final Clock clock;

    Environments(Reconciler owner, Spec declared, RailwayClient client, Clock clock) {
        this.owner = owner;
        this.declared = declared;
        this.client = client;
        this.clock = clock;
    }

    EnvResults.Listing list(EnvRequests.ListAll request) {
        Reconciler.Read read = owner.read(noEnvironments(request.target()), true);
        LiveProject project = existing(read, "list environments");
        LiveUsage usage = read.result().usage();
        Instant now = clock.instant();
        List<EnvRow> rows = new ArrayList<>();
        for (LiveEnvironment env : project.environments()) {
            rows.add(row(project, env, usage, now));
        }
        return new EnvResults.Listing(project.name(), rows, now, usage != null);
    }

    EnvResults.Created create(EnvRequests.Create request, ApplyObserver observer) {
        String name = request.name();
        Optional<Previews.Match> match = declared.previews().match(name);
        if (declared.declares(name)) {
            throw new ReconcileException(ReconcileException.Kind.USAGE, "environment " + name + " is declared in the spec",
                    "env create makes previews, which a template (previews:) names. Create or update a declared"
                            + " environment with tlctl apply --env " + name + ".");
        }
        if (match.isEmpty() && request.from() != null) {
            return EnvCopy.copy(existing(owner.read(noEnvironments(request.target())), "copy an environment"), declared,
                    client, request);
        }
        if (match.isEmpty()) {
            throw new ReconcileException(ReconcileException.Kind.USAGE, "no template names environment \"" + name + "\"",
                    patterns() + " Add a template whose namePattern matches " + name + " (previews: in the spec), so"
                            + " that later plans, applies and drift know it too, or give --from ENV for a one-off copy."
                            + " Nothing was changed.");
        }
        PreviewTemplate template = match.get().template();
        if (request.from() != null && !request.from().equals(template.from())) {
            throw new ReconcileException(ReconcileException.Kind.USAGE, "--from " + request.from() + " is not template "
                    + template.name() + "'s source", name + " matches template " + template.name() + ", whose previews"
                    + " come from " + template.from() + ". Leave out --from, or change the template. Nothing was changed.");
        }
        Target target = new Target(List.of(name), request.target().projectId(), request.target().workspace());
        ApplyOutcome outcome = owner.apply(new ApplyRequest(target, false, false, Set.of(), null, false, false,
                StagedPolicy.REFUSE, null, request.sets(), request.branch()), observer, Approval.ALWAYS);
        String existing = outcome.planned().plan().target().environmentIds().get(name);
        String id = existing != null ? existing : owner.previewId(name);
        return new EnvResults.Created(name, id, existing == null, outcome);
    }

    EnvResults.Deleted delete(EnvRequests.Delete request, Predicate<List<EnvRow>> approval) {
        Reconciler.Read read = owner.read(noEnvironments(request.target()));
        LiveProject project = existing(read, "delete an environment");
        String name = request.name();
        LiveEnvironment env = project.environment(name).orElseThrow(() -> noSuchEnvironment(project, name));
        String defaultEnvironment = declared.defaultEnvironment().name();
        if (name.equals(defaultEnvironment)) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "refusing to delete " + name + ", the project's"
                    + " default environment", "tlctl never deletes the environment the project was created with."
                    + " Nothing was changed.");
        }
        if (declared.declares(name) && !request.force()) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "environment " + name + " is declared in the"
                    + " spec", "Deleting it makes the next apply create it again, empty. Remove it from the spec first,"
                    + " or pass --force. Nothing was changed.");
        }
        return deleteAll(project, List.of(row(project, env, null, clock.instant())), approval);
    }

    EnvResults.Deleted pruneExpired(EnvRequests.PruneExpired request, Predicate<List<EnvRow>> approval) {
        Reconciler.Read read = owner.read(noEnvironments(request.target()));
        LiveProject project = existing(read, "prune previews");
        Instant now = clock.instant();
        List<EnvRow> expired = new ArrayList<>();
        for (LiveEnvironment env : project.environments()) {
            EnvRow row = row(project, env, null, now);
            if (row.expired() && !env.name().equals(declared.defaultEnvironment().name())) {
                expired.add(row);
            }
        }
        return deleteAll(project, expired, approval);
    }

    /** Deletes each environment in one request, once approved; what is listed is all that goes. */
    private EnvResults.Deleted deleteAll(LiveProject project, List<EnvRow> rows, Predicate<List<EnvRow>> approval) {
        Instant now = clock.instant();
        if (rows.isEmpty()) {
            return new EnvResults.Deleted(rows, true, now);
        }
        if (!approval.test(rows)) {
            return new EnvResults.Deleted(rows, false, now);
        }
        for (EnvRow row : rows) {
            client.deleteEnvironment(row.id(), row.name());
        }
        return new EnvResults.Deleted(rows, true, now);
    }

    /** The usage error for an environment {@code name} the project does not have: nothing was changed. */
    static ReconcileException noSuchEnvironment(LiveProject project, String name) {
        return noSuchEnvironment(project, name, " Nothing was changed.");
    }

    /**
     * The usage error for an environment {@code name} the project does not have on Railway, with
     * the closest name it has and all of them; {@code after} ends the detail.
     */
    static ReconcileException noSuchEnvironment(LiveProject project, String name, String after) {
        List<String> names = project.environments().stream().map(LiveEnvironment::name).toList();
        return new ReconcileException(ReconcileException.Kind.USAGE, "no environment \"" + name + "\" in project "
                + project.name() + " on Railway" + DidYouMean.suffix(name, names),
                "Its environments: " + String.join(", ", names) + "." + after);
    }

    private EnvRow row(LiveProject project, LiveEnvironment env, LiveUsage usage, Instant now) {
        Optional<Previews.Match> match = declared.previews().match(env.name());
        Kind kind = declared.declares(env.name()) ? Kind.DECLARED : match.isPresent() ? Kind.PREVIEW
                : env.ephemeral() ? (copy(project, env) ? Kind.COPY : Kind.RAILWAY_PR) : Kind.UNDECLARED;
        PreviewTemplate template = match.map(Previews.Match::template).orElse(null);
        String source = kind == Kind.DECLARED ? declared.environment(env.name()).map(EnvironmentSpec::from).orElse(null)
                : template != null ? template.from() : project.environments().stream()
                        .filter(e -> e.id().equals(env.sourceEnvironmentId())).map(LiveEnvironment::name).findFirst()
                        .orElse(null);
        Duration ttl = template == null ? null : template.ttl();
        boolean expired = ttl != null && env.createdAt() != null && env.createdAt().plus(ttl).isBefore(now);
        List<String> volumes = project.runtime().volumes(env.id()).stream().map(LiveVolumeInstance::volumeName).toList();
        Double spent = usage == null ? null : spent(usage, env.id());
        Double projected = spent == null ? null : projected(usage, spent, now);
        return new EnvRow(env.name(), env.id(), kind, template == null ? null : template.name(), source,
                env.ephemeral(), env.createdAt(), ttl, expired, volumes, spent, projected);
    }

    /**
     * An ephemeral fork no template names whose name is not Railway's own for a pull request
     * ({@code <project>-pr-<number>}): a copy {@code env create --from} made.
     */
    private static boolean copy(LiveProject project, LiveEnvironment env) {
        return env.sourceEnvironmentId() != null && !env.name().matches(java.util.regex.Pattern.quote(project.name())
                + "-pr-\\d+");
    }

    private double spent(LiveUsage usage, String environmentId) {
        Prices prices = Prices.of(declared.billing().prices());
        double dollars = 0;
        for (LiveUsage.Figure f : usage.figures()) {
            if (environmentId.equals(f.environmentId())) {
                dollars += prices.dollars(f.measurement(), f.value());
            }
        }
        return Math.round(dollars * 100) / 100.0;
    }

    private static Double projected(LiveUsage usage, double spent, Instant now) {
        double elapsed = Duration.between(usage.periodStart(), now).toSeconds();
        double period = Duration.between(usage.periodStart(), usage.periodEnd()).toSeconds();
        if (elapsed <= 0 || period <= 0) {
            return null;
        }
        return Math.round(spent * Math.max(1, period / elapsed) * 100) / 100.0;
    }

    private String patterns() {
        List<String> patterns = declared.previews().templates().values().stream().map(PreviewTemplate::namePattern)
                .toList();
        return patterns.isEmpty() ? "The spec has no templates (previews:)." : "The spec's templates name: "
                + String.join(", ", patterns) + " ({n}: digits).";
    }

    private static Target noEnvironments(Target target) {
        return new Target(List.of(), target.projectId(), target.workspace());
    }

    private LiveProject existing(Reconciler.Read read, String what) {
        if (read.result().tokenEnvironment() != null) {
            throw new ReconcileException(ReconcileException.Kind.USAGE, "a project token reaches only environment "
                    + read.result().tokenEnvironment(), "To " + what + ", use an account or workspace token"
                    + " (RAILWAY_API_TOKEN).");
        }
        LiveProject project = read.result().state().project();
        if (project == null) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "project " + declared.project().name()
                    + " does not exist on Railway", "Create it with tlctl apply. Nothing to " + what + ".");
        }
        return project;
    }
}
