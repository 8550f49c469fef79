package dev.tlctl.reconcile;

import dev.tlctl.audit.BillingAudit;
import dev.tlctl.audit.Comparison;
import dev.tlctl.audit.Drift;
import dev.tlctl.audit.DriftReport;
import dev.tlctl.audit.EnvironmentComparison;
import dev.tlctl.audit.VariableListing;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.railway.ReadResult;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.spec.Spec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The read-only workflows of a {@link Reconciler}: drift, the comparison of two environments, the
 * variable listing and billing. Each is one read (the plan's, or the project with its usage) and a
 * pure audit of it; none writes to Railway.
 */
final class Audits {
    private final Reconciler owner;
    private final Spec declared;
    private final Endpoint endpoint;
    private final Clock clock;

    Audits(Reconciler owner, Spec declared, Endpoint endpoint, Clock clock) {
        this.owner = owner;
        this.declared = declared;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /**
     * The spec against Railway in the request's environments: one read (the plan's, with
     * pruning), compared with what tlctl last wrote (its records on Railway) to tell which side
     * moved. Writes nothing.
     */
    DriftResult drift(Target target, boolean strict) {
        Reconciler.Planned planned = owner.plan(new PlanRequest(target, true, strict), true);
        PlanResult result = planned.result();
        DriftReport report = Drift.of(result.spec(), declared, result.live(), result.plan(), planned.records());
        List<String> notes = new ArrayList<>(report.notes());
        planned.records().notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new DriftResult(result, new DriftReport(report.project(), report.environments(), report.findings(),
                report.ignored(), notes, report.risks()));
    }

    /**
     * Two live environments side by side, from one read. Any two environments of the project,
     * declared in the spec or not; no secret of the spec is resolved.
     */
    CompareResult compare(CompareRequest request) {
        String left = request.left();
        String right = request.right();
        if (left.equals(right)) {
            throw new ReconcileException(Kind.USAGE, "--compare needs two different environments, not " + left + " twice",
                    "For example: tlctl drift --compare production staging");
        }
        Reconciler.Read read = readExisting(request.target(), "compare environments");
        LiveProject project = read.result().state().project();
        Comparison all = EnvironmentComparison.of(declared, project, liveEnvironment(project, left),
                liveEnvironment(project, right), read.records());
        return CompareResult.of(all, request.undeclaredOnly());
    }

    /** The live variables of one environment (and one service, when given) with their origin, from one read. */
    VariablesResult variables(VariablesRequest request) {
        String environment = request.environment();
        String service = request.service();
        LiveProject project = readExisting(request.target(), "list variables").result().state().project();
        LiveEnvironment env = liveEnvironment(project, environment);
        if (service != null && project.service(service).isEmpty()) {
            List<String> services = project.services().stream().map(LiveService::name).toList();
            throw new ReconcileException(Kind.USAGE, "no service \"" + service + "\" in project " + project.name()
                    + DidYouMean.suffix(service, services), "Its services: "
                    + String.join(", ", services.stream().sorted().toList()) + ".");
        }
        return new VariablesResult(project.name(), environment, service,
                VariableListing.of(declared, project, env, service));
    }

    /** Reads the project, which must exist and be readable whole (not through a project token). */
    private Reconciler.Read readExisting(Target target, String what) {
        Reconciler.Read whole = owner.read(target);
        ReadResult read = whole.result();
        if (read.tokenEnvironment() != null) {
            throw new ReconcileException(Kind.USAGE, "a project token reaches only environment " + read.tokenEnvironment(),
                    "To " + what + ", use an account or workspace token (RAILWAY_API_TOKEN).");
        }
        LiveProject project = read.state().project();
        if (project == null) {
            throw new ReconcileException(Kind.REFUSED, "project " + declared.project().name() + " does not exist on Railway",
                    "Create it with tlctl init, or tlctl apply. Nothing to " + what + ".");
        }
        return whole;
    }

    private static LiveEnvironment liveEnvironment(LiveProject project, String name) {
        return project.environment(name).orElseThrow(() -> Environments.noSuchEnvironment(project, name, ""));
    }

    /**
     * Reads the workspace's billing and the project's usage this period (one request with the
     * project's id known, as a plan's read), and audits them: spend against the usage limit,
     * estimates and projections, the checks of {@code billing check}. Writes nothing. A project
     * token cannot read billing; neither can a token Railway refuses it to.
     */
    BillingResult billing(BillingRequest request) {
        String name = declared.project().name();
        if (endpoint.credentials() != null && endpoint.credentials().isProjectToken()) {
            throw new ReconcileException(Kind.REFUSED, "a project token cannot read billing or usage",
                    "RAILWAY_TOKEN is a project token: it reaches one environment of one project, and Railway answers"
                            + " a workspace's billing (usage limit, current usage) and usage only to account and workspace"
                            + " tokens. Unset RAILWAY_TOKEN and set RAILWAY_API_TOKEN to an account or workspace token.");
        }
        ReadResult read = owner.read(request.target(), true).result();
        LiveState live = read.state();
        if (live.project() == null) {
            throw new ReconcileException(Kind.REFUSED, "project " + name + " does not exist on Railway yet",
                    "tlctl billing reports a project's usage; create it with tlctl apply, then run billing again.");
        }
        LiveWorkspace workspace = live.workspace();
        if (workspace == null || !workspace.billingReadable() || read.usage() == null) {
            String which = workspace == null || workspace.name() == null ? "the project's workspace"
                    : "workspace " + workspace.name();
            throw new ReconcileException(Kind.REFUSED, "this token cannot read the billing of " + which,
                    "Railway refused the workspace's billing (customer, usage limit) or the project's usage to this"
                            + " token. Use an account token of a member who sees the workspace's billing, or a workspace"
                            + " token of that workspace.");
        }
        Instant now = clock.instant();
        return new BillingResult(declared, live, read.usage(),
                BillingAudit.report(declared, workspace, live.project(), read.usage(), now), endpoint.key(), now);
    }
}
