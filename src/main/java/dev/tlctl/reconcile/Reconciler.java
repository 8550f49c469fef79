package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;
import dev.tlctl.apply.Applier;
import dev.tlctl.apply.Lineage;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.plan.ReadBack;
import dev.tlctl.railway.ClientConfig;
import dev.tlctl.railway.PatchRecord;
import dev.tlctl.railway.ProjectWrites;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.RailwayException;
import dev.tlctl.railway.RailwayTransport;
import dev.tlctl.railway.ReadResult;
import dev.tlctl.railway.ReadTarget;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Parameters;
import dev.tlctl.spec.Spec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The workflow of one run against one Railway endpoint, and the only way into tlctl's core: each
 * entry point takes a request record and returns a result record of this package ({@code plan},
 * {@code apply}, {@code drift}, {@code compare}, {@code variables}, {@code billing}, {@code init};
 * {@link #validate} needs no endpoint). It holds the
 * rules around them, so that any front end gets them alike:
 * <ul>
 *   <li>scope: a run covers the environments asked for (all by default), and resolves only their
 *       secrets; a project token narrows it to the token's environment;
 *   <li>the project: found by the id given ({@code --project}, {@code project.id}: an unknown one
 *       is an error) or remembered, else by name; a project still to create needs the spec's
 *       default environment in the run;
 *   <li>apply: deletions need explicit consent; a project token never creates projects, services
 *       or environments, nor sets usage limits; nothing is written unless approved;
 *   <li>saved plans: carried out only if planning afresh gives the very same plan;
 *   <li>records: project ids found and fingerprints of sealed values written;
 *   <li>failures: whatever fails below (the spec, the client, the applier) leaves as one
 *       {@link ReconcileException} with a kind, a summary and a detail.
 * </ul>
 */
public final class Reconciler implements AutoCloseable {
    private final SpecSource source;
    private final Endpoint endpoint;
    private final LocalRecords records;
    private final Effects effects;
    private final Spec declared;
    private final RailwayClient client;
    private final Audits audits;
    private final Recorder recorder;
    private final Rollouts rollouts;
    private final Runtimes runtimes;
    private final Environments environments;
    /** The id of each preview an apply of this run created, by name (from its commit). */
    private final Map<String, String> previewIds = new java.util.concurrent.ConcurrentHashMap<>();

    /** A plan and the records it was made with (which an apply brings up to date). */
    record Planned(PlanResult result, SharedRecords records, List<String> alreadyApplied) {
        Planned(PlanResult result, SharedRecords records) {
            this(result, records, List.of());
        }
    }

    private Reconciler(SpecSource source, Endpoint endpoint, LocalRecords records, Effects effects, Spec declared,
            RailwayClient client) {
        this.source = source;
        this.endpoint = endpoint;
        this.records = records;
        this.effects = effects;
        this.declared = declared;
        this.client = client;
        this.audits = new Audits(this, declared, endpoint, effects.clock());
        this.recorder = new Recorder(records, endpoint.key(), client);
        this.rollouts = new Rollouts(client);
        this.runtimes = new Runtimes(this, declared, client, rollouts, effects.clock());
        this.environments = new Environments(this, declared, client, effects.clock());
    }

    /**
     * Reads the spec's structure (an invalid one is refused, kind {@code INVALID_SPEC}, before anything
     * else), then connects ({@code connect} may start a sandbox) and prepares the client; sends
     * nothing.
     */
    public static Reconciler open(SpecSource source, LocalRecords records, Effects effects, Supplier<Endpoint> connect) {
        return Failures.translated(() -> {
            Spec declared = source.load(Set.of());
            Endpoint endpoint = connect.get();
            return new Reconciler(source, endpoint, records, effects, declared, client(endpoint, effects));
        });
    }

    /**
     * Loads what {@link #open} will need to build Railway's client (the HTTP client's classes and
     * set-up), in the calling thread: for a caller that starts it on another thread as soon as it
     * knows that the command talks to Railway. Sends nothing and builds nothing a run then uses.
     */
    public static void warmUp() {
        RailwayTransport.warmUp();
    }

    /** A client for {@code endpoint} that reports to and waits through {@code effects}; sends nothing. */
    static RailwayClient client(Endpoint endpoint, Effects effects) {
        ClientConfig config;
        try {
            config = ClientConfig.of(endpoint.url(), endpoint.credentials().forClient(), Version.current())
                    .withListener(new ClientEvents(effects.requests())).withSleeper(effects.sleeper()::sleep)
                    .withClock(effects.clock()).withRandom(effects.jitter());
        } catch (IllegalArgumentException e) {
            throw new ReconcileException(Kind.USAGE, "refusing the API URL " + endpoint.url(), e.getMessage());
        }
        return new RailwayClient(new RailwayTransport(config));
    }

    /**
     * Checks the spec without Railway: its structure, Railway's rules, and (with {@code strict})
     * its warnings as errors. Values it references that are not set are notes, not errors.
     */
    public static ValidateResult validate(SpecSource source, ValidateRequest request) {
        return Failures.translated(() -> Validation.of(source, request.strict()));
    }

    /** The spec as declared: every environment, references not resolved. */
    public Spec declared() {
        return declared;
    }

    /** The HTTP requests sent so far (retries included), and what is left of the rate limit. */
    public RequestTally requests() {
        return RequestTally.of(client.requestCount(), client.lastRateLimit());
    }

    // ---- plan -----------------------------------------------------------------------------

    /** Reads the live project and plans the request; writes nothing to Railway. */
    public PlanResult plan(PlanRequest request) {
        return Failures.translated(() -> plan(request, false).result());
    }

    /** @param audit for drift: a missing project is a finding, whatever environments are asked for */
    Planned plan(PlanRequest request, boolean audit) {
        List<String> all = declared.environments().stream().map(EnvironmentSpec::name).toList();
        List<String> selected = checkEnvironments(request.target());
        List<String> covered = selected.isEmpty() ? all : inSpecOrder(all, selected);
        boolean projectToken = endpoint.credentials() != null && endpoint.credentials().isProjectToken();
        // With any other token the scope is known now: an unresolved secret fails before any request.
        Spec resolved = projectToken ? null : load(covered, all, request.strict());
        // Parameters are checked before any request too (a project token's scope is known only after the read).
        Parameters early = resolved == null ? null : parameters(request, covered, resolved);
        Read read = read(request.target());
        String only = read.result().tokenEnvironment();
        if (only != null) {
            if (!selected.isEmpty() && !List.of(only).containsAll(selected)) {
                throw new ReconcileException(Kind.USAGE, "a project token reaches only environment " + only,
                        "RAILWAY_TOKEN is a project token: it reaches one environment of one project. Pass --env " + only
                                + ", or use an account or workspace token (RAILWAY_API_TOKEN) for the others.");
            }
            if (!all.contains(only) && declared.previews().match(only).isEmpty()) {
                throw new ReconcileException(Kind.REFUSED, "the project token reaches environment " + only
                        + ", which the spec does not declare", "Declare " + only + " under environments:, or use a"
                        + " token of one of: " + String.join(", ", all) + ".");
            }
            covered = List.of(only);
            resolved = load(covered, all, request.strict());
        }
        LiveState live = read.result().state();
        requireOpenable(live, covered);
        String defaultEnvironment = declared.defaultEnvironment().name();
        if (live.project() == null && !covered.contains(defaultEnvironment) && !audit) {
            // Railway creates a project with its default environment: planning it without that
            // environment would create the project with another default, or one the spec does not know.
            throw new ReconcileException(Kind.USAGE, "project " + declared.project().name() + " does not exist yet, and"
                    + " --env leaves out its default environment " + defaultEnvironment, "The project is created together"
                    + " with " + defaultEnvironment + ", the first environment of the spec. Run without --env, or add --env "
                    + defaultEnvironment + ". Nothing was changed.");
        }
        boolean partial = !covered.containsAll(all);
        Spec planned = partial ? resolved.onlyEnvironments(covered) : resolved;
        Parameters given = early != null && only == null ? early : parameters(request, covered, planned);
        Map<String, Set<String>> parameterKeys = new LinkedHashMap<>();
        for (String environment : covered) {
            // Keys parameters set before keep Railway's values unless given again (Parameters.over).
            Set<String> recorded = read.records().parameters(environment);
            Parameters here = covered.size() == 1 ? given : Parameters.none();
            if (recorded.isEmpty() && here.values().isEmpty()) {
                continue;
            }
            planned = planned.withEnvironment(here.over(planned.environment(environment).orElseThrow(), recorded,
                    liveSettings(live, environment)));
            Set<String> keys = new java.util.TreeSet<>(recorded);
            keys.addAll(here.keys());
            parameterKeys.put(environment, keys);
        }
        Replacements.check(request.replace(), planned);
        // Workspace-wide things (the usage limit) only in a run that is not scoped to some environments.
        boolean workspaceWide = request.target().environments().isEmpty() && only == null;
        Plan plan = Planner.plan(planned, live, new PlanOptions(request.prune(), partial, read.records(),
                request.replace(), workspaceWide));
        plan = withNotes(plan, read.records().notes());
        return new Planned(new PlanResult(planned, live, plan, resolved.warnings(), covered, request.prune(), only,
                endpoint.key(), effects.clock().instant(), request.replace(), parameterKeys, costs(plan)), read.records());
    }

    /**
     * The run's parameters ({@code --set}, {@code --branch}), checked against the spec: they belong to
     * one environment, so a run giving them covers exactly one.
     */
    private static Parameters parameters(PlanRequest request, List<String> covered, Spec planned) {
        if (!request.hasParameters()) {
            return Parameters.none();
        }
        if (covered.size() != 1) {
            throw new ReconcileException(Kind.USAGE, "--set and --branch need exactly one --env",
                    "Parameters belong to one environment (such as a preview): name it with --env, for example"
                            + " --env pr-42 --branch feature-x. Nothing was changed.");
        }
        return Parameters.parse(request.sets(), request.branch(), planned, covered.get(0));
    }

    /** The settings Railway has for each service (by name) in {@code environment}; empty when it does not exist. */
    private static Map<String, Map<String, Object>> liveSettings(LiveState live, String environment) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        LiveProject project = live.project();
        LiveEnvironment env = project == null ? null : project.environment(environment).orElse(null);
        if (env != null) {
            project.services().forEach(s -> env.instance(s.id()).ifPresent(i -> out.put(s.name(), i.settings())));
        }
        return out;
    }

    /** What the plan changes in each environment's monthly cost, at the spec's prices (Railway's by default). */
    private List<dev.tlctl.plan.CostDelta.Line> costs(Plan plan) {
        dev.tlctl.audit.Prices prices = dev.tlctl.audit.Prices.of(declared.billing().prices());
        return dev.tlctl.plan.CostDelta.of(plan, new dev.tlctl.plan.CostDelta.Rates(prices.vCPUMonthDollars(),
                prices.memoryGBMonthDollars()));
    }

    /** The plan with notes added (what the records could not tell), each once. */
    private static Plan withNotes(Plan plan, List<String> more) {
        List<String> notes = new ArrayList<>(plan.notes());
        more.stream().filter(n -> !notes.contains(n)).forEach(notes::add);
        return new Plan(plan.target(), plan.changes(), plan.unmanaged(), notes, plan.instances(), plan.deploys(),
                plan.owned(), plan.uncompared());
    }

    /**
     * Refuses a run covering an environment this token may not open (environment RBAC: Railway
     * lists it, refuses its config): tlctl cannot plan what it cannot read. Kind {@code TOKEN} (exit
     * 77, as for a token Railway refuses outright): running again with the same token cannot help,
     * so a pipeline must not take it for an outage (exit 1) and retry.
     */
    private static void requireOpenable(LiveState live, List<String> covered) {
        if (live.project() == null) {
            return;
        }
        List<String> closed = live.project().environments().stream()
                .filter(e -> !e.accessible() && covered.contains(e.name())).map(e -> e.name()).toList();
        if (!closed.isEmpty()) {
            throw new ReconcileException(Kind.TOKEN, "this token may not open environment " + String.join(", ", closed),
                    "Railway restricts " + String.join(", ", closed) + " to the workspace's admins (environment RBAC:"
                            + " canAccess is false for this token), so tlctl cannot read it. Leave it out with --env,"
                            + " or use the token of a workspace admin. Nothing was changed.");
        }
    }

    // ---- audits (see Audits) ------------------------------------------------------------------

    /** The spec against Railway in the request's environments, from one read; writes nothing. */
    public DriftResult drift(DriftRequest request) {
        return Failures.translated(() -> audits.drift(request.target(), request.strict()));
    }

    /** Two live environments side by side, from one read; no secret of the spec is resolved. */
    public CompareResult compare(CompareRequest request) {
        return Failures.translated(() -> audits.compare(request));
    }

    /** The live variables of one environment (and one service, when given) with their origin, from one read. */
    public VariablesResult variables(VariablesRequest request) {
        return Failures.translated(() -> audits.variables(request));
    }

    /** The workspace's billing and the project's usage this period, from one read, audited; writes nothing. */
    public BillingResult billing(BillingRequest request) {
        return Failures.translated(() -> audits.billing(request));
    }

    /** Saves a plan for {@code apply PLANFILE}: mode 0600, no value in it, bound to this checkout's key. */
    public void save(SaveRequest request) {
        PlanResult planned = request.planned();
        Failures.translated(() -> SavedPlanFile.write(request.file(), SavedPlan.of(planned.plan(), planned.endpoint(),
                planned.prune(), request.environments(), planned.replace(), planned.createdAt(), records.planKey())));
    }

    /** The environments a run covers: those asked for (each must be declared), in spec order, else all. */
    List<String> covered(Target target) {
        List<String> all = declared.environments().stream().map(EnvironmentSpec::name).toList();
        List<String> selected = checkEnvironments(target);
        return selected.isEmpty() ? all : inSpecOrder(all, selected);
    }

    /** The environments asked for, each declared or named by a template of the spec ({@code previews:}). */
    private List<String> checkEnvironments(Target target) {
        List<String> all = declared.environments().stream().map(EnvironmentSpec::name).toList();
        for (String env : target.environments()) {
            if (!all.contains(env) && declared.previews().match(env).isEmpty()) {
                List<String> patterns = declared.previews().templates().values().stream()
                        .map(t -> t.namePattern()).toList();
                throw new ReconcileException(Kind.USAGE, "unknown environment \"" + env + "\" in --env"
                        + DidYouMean.suffix(env, all),
                        "The spec declares: " + String.join(", ", all) + (patterns.isEmpty() ? "." : "; its templates"
                                + " name: " + String.join(", ", patterns) + " ({n}: digits)."));
            }
        }
        return target.environments();
    }

    /** The declared environments selected, in spec order, then the previews selected, in the order given. */
    private static List<String> inSpecOrder(List<String> all, List<String> selected) {
        List<String> ordered = new ArrayList<>(all.stream().filter(selected::contains).toList());
        selected.stream().filter(e -> !all.contains(e) && !ordered.contains(e)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** The spec with the references of {@code covered} resolved; with {@code strict}, warnings are errors. */
    private Spec load(List<String> covered, List<String> all, boolean strict) {
        // A preview is read only when named in the scope, so a run covering one has a scope.
        boolean everything = covered.containsAll(all) && all.containsAll(covered);
        return Validation.strictly(source.load(everything ? null : new HashSet<>(covered)), strict);
    }

    /** A read with tlctl's records taken out of the live state, and the records. */
    record Read(ReadResult result, SharedRecords records) {}

    /** Reads the live project, remembering the id it was found under. */
    Read read(Target target) {
        return read(target, false);
    }

    /** Reads the live project (with {@code usage}, its usage in the same request), remembering its id. */
    Read read(Target target, boolean usage) {
        String workspace = target.workspace() != null ? target.workspace() : declared.project().workspace();
        String name = declared.project().name();
        String id;
        String origin;
        if (target.projectId() != null) {
            id = target.projectId();
            origin = "--project";
        } else if (declared.project().id() != null) {
            id = declared.project().id();
            origin = "project.id in " + declared.project().location().position();
        } else {
            id = records.projectId(endpoint.key(), workspace, name);
            origin = null;
        }
        ReadTarget which = new ReadTarget(name, id, workspace, origin);
        ReadResult read = usage ? client.readWithUsage(which) : client.read(which);
        LiveProject found = read.state().project();
        records.rememberProject(endpoint.key(), workspace, name, found == null ? null : found.id());
        records.save();
        SharedRecords shared = recorder.read(read.state());
        return new Read(new ReadResult(shared.stripped(), read.staleId(), read.tokenEnvironment(), read.usage()), shared);
    }

    // ---- apply ----------------------------------------------------------------------------

    /**
     * Plans (or checks a saved plan against a fresh one), shows it to the observer, checks that
     * it may be carried out, asks for approval, and applies it. A failed step ends the apply with
     * what was done and not done; running again converges.
     */
    public ApplyOutcome apply(ApplyRequest request, ApplyObserver observer, Approval approval) {
        return Failures.translated(() -> carryOut(request, observer, approval));
    }

    private ApplyOutcome carryOut(ApplyRequest request, ApplyObserver observer, Approval approval) {
        Planned planned = request.savedPlan() == null ? plan(request.planRequest(), false) : fromSavedPlan(request);
        PlanResult result0 = planned.result();
        observer.planned(result0);
        Plan plan = result0.plan();
        if (plan.isEmpty()) {
            // Nothing to write, but a record may be missing (an older tlctl applied) or stale: it is written now.
            Recorder.Written recorded = recorder.write(result0, planned.records(), null, null);
            return new ApplyOutcome(result0, ApplyOutcome.Status.NOTHING_TO_DO, null, List.of(), recorded.environments(),
                    recorded.problem(), planned.alreadyApplied(), request.waitFor() == null ? null
                    : Rollout.nothing(request.waitFor()), Outputs.of(result0.live().project(), result0.environments()),
                    List.of());
        }
        ApplyChecks.allowed(plan, request.allowDestructive(), request.askedAtTerminal(), endpoint.credentials());
        ApplyChecks.staged(plan, request.staged());
        if (!approval.approve(plan)) {
            return new ApplyOutcome(result0, ApplyOutcome.Status.CANCELLED, null, List.of());
        }
        LiveProject before = result0.live().project();
        // Railway refuses to redeploy an instance whose build has not ended: wait for it first.
        rollouts.awaitBuilds(before, Rollouts.deploying(plan, before, before));
        ApplyResult result = new Applier(writes(), new ApplyEvents(observer), effects.clock(), request.staged().forApplier(),
                (patch, projectId, env, environmentId, serviceIds) -> {
                    previewIds.put(env, environmentId);
                    RecordUpdate.fresh(patch, result0, planned.records(), env, environmentId, serviceIds,
                            recorder.key(projectId));
                })
                .beforeCommit((projectId, ids) -> recorder.prepare(result0, projectId, ids))
                .apply(plan, ApplyChecks.commitMessage(plan));
        if (result.projectId() != null) {
            records.rememberProject(endpoint.key(), declared.project().workspace(), declared.project().name(),
                    result.projectId());
            records.save();
        }
        if (!result.succeeded()) {
            // What the steps done wrote is recorded too, as far as it can be; the apply failed either way.
            Recorder.Written recorded = result.done().isEmpty() ? Recorder.Written.NOTHING
                    : recorder.write(result0, planned.records(), result, null);
            return new ApplyOutcome(result0, ApplyOutcome.Status.FAILED, ApplyOutcome.Steps.of(result), List.of(),
                    recorded.environments(),
                    recorded.problem(), List.of());
        }
        ReadBackResult back = readBack(result0, result);
        Recorder.Written recorded = recorder.write(result0, planned.records(), result, back.after());
        ApplyOutcome outcome = new ApplyOutcome(result0, back.conflicts().isEmpty() && back.others().isEmpty()
                ? ApplyOutcome.Status.APPLIED : ApplyOutcome.Status.CONFLICT, ApplyOutcome.Steps.of(result),
                back.conflicts(), recorded.environments(), recorded.problem(), List.of(), null, Outputs.NONE,
                back.others());
        return followed(outcome, request, observer, back.after());
    }

    /**
     * The outcome with the URLs of the run's environments and, with a wait, how the deployments
     * the apply caused ended: exactly the plan's {@code Deploys:}, each followed from the
     * deployment it had before. Reads the project once more only when the apply created what it
     * must follow (its ids are new) or wrote domains (their names are Railway's).
     */
    private ApplyOutcome followed(ApplyOutcome outcome, ApplyRequest request, ApplyObserver observer, LiveProject after) {
        PlanResult planned = outcome.planned();
        Plan plan = planned.plan();
        LiveProject before = planned.live().project();
        LiveProject now = after != null ? after : before;
        boolean domainsChanged = plan.changes().stream().anyMatch(c -> c instanceof dev.tlctl.plan.Change.Domain);
        if ((request.waitFor() != null && !Rollouts.knowsAll(plan, now) || after == null && domainsChanged)
                && outcome.projectId() != null) {
            // A new domain's name (and a custom one's DNS records) is known only once read.
            now = client.read(new ReadTarget(declared.project().name(), outcome.projectId(), null, null)).state().project();
        }
        Rollout rollout = request.waitFor() == null ? null : rollouts.follow(outcome.projectId(),
                Rollouts.deploying(plan, before, now), request.waitFor(), observer);
        return outcome.with(rollout, Outputs.of(now, planned.environments()));
    }

    /**
     * The addresses read back that are not as expected, others' patches committed around the
     * write, and the project read (records taken out; null when not read).
     */
    private record ReadBackResult(List<String> conflicts, List<OtherWrite> others, LiveProject after) {}

    /**
     * Reads back the environments written by a patch (which Railway cannot guard) and returns every
     * address that is not what the plan read plus its changes; one request, and a few more a
     * moment apart only while something differs (Railway may not show a commit at once). Then, in
     * one more request, lists their newest patches: one committed since the check before the write
     * by someone else is a write this apply may have overwritten, whatever the values say
     * ({@link Lineage#others}).
     */
    private ReadBackResult readBack(PlanResult planned, ApplyResult result) {
        if ((result.unguarded().isEmpty() && result.withStagedChanges().isEmpty()) || result.projectId() == null) {
            return new ReadBackResult(List.of(), List.of(), null);
        }
        LiveProject[] last = {null};
        ReadBack check = ReadBack.of(planned.plan(), planned.live().project());
        List<String> conflicts = client.readBack(declared.project().name(), result.projectId(), raw -> {
            LiveProject after = SharedRecords.read(new LiveState(null, raw), () -> null, java.util.Map.of())
                    .stripped().project();
            last[0] = after;
            List<String> found = new ArrayList<>();
            for (String environment : result.unguarded()) {
                found.addAll(check.differences(planned.spec().environment(environment).orElseThrow(), after));
            }
            for (String environment : result.withStagedChanges()) {
                found.addAll(check.ownDifferences(planned.spec().environment(environment).orElseThrow(), after));
            }
            return found;
        });
        return new ReadBackResult(conflicts, otherWrites(planned, result), last[0]);
    }

    /** Others' patches around this apply's unguarded writes (none when Railway would not list them). */
    private List<OtherWrite> otherWrites(PlanResult planned, ApplyResult result) {
        Lineage lineage = result.lineage();
        Map<String, String> checked = new java.util.LinkedHashMap<>();
        java.util.stream.Stream.concat(result.unguarded().stream(), result.withStagedChanges().stream())
                .filter(lineage::checks).forEach(env -> planned.plan().target().environment(env)
                        .ifPresent(t -> checked.put(env, t.id())));
        if (checked.isEmpty()) {
            return List.of();
        }
        Map<String, List<PatchRecord>> listed;
        try {
            listed = client.readPatches(List.copyOf(checked.values()));
        } catch (RailwayException e) {
            return List.of(); // the read-back of values stands; the lineage is unknown
        }
        List<OtherWrite> others = new ArrayList<>();
        checked.forEach((env, id) -> lineage.others(env, listed.get(id)).forEach(w -> others.add(OtherWrite.of(w))));
        return others;
    }

    /** The writes an apply sends (the client; a seam for tests of this class). */
    ProjectWrites writes() {
        return client;
    }

    private Planned fromSavedPlan(ApplyRequest request) {
        if (!request.sets().isEmpty() || request.branch() != null) {
            throw new ReconcileException(Kind.USAGE, "--set and --branch do not go with a saved plan",
                    "A saved plan carries out what it planned; give the parameters to plan --out instead."
                            + " Nothing was changed.");
        }
        SavedPlan saved = SavedPlanFile.read(request.savedPlan());
        if (!endpoint.key().equals(saved.endpoint())) {
            throw new ReconcileException(Kind.REFUSED, "the plan " + request.savedPlan() + " was made against another"
                    + " Railway endpoint", "This run talks to " + endpoint.key() + ". Make a new plan against it.");
        }
        SavedPlanOptions.check(saved, request);
        Target target = new Target(saved.environments(), request.target().projectId(), request.target().workspace());
        Planned planned = plan(new PlanRequest(target, saved.prune(), request.strict(), Set.copyOf(saved.replace())), false);
        PlanResult fresh = planned.result();
        byte[] key = records.planKey();
        List<String> differences = saved.differences(fresh.plan(), key);
        if (!differences.isEmpty() && fresh.plan().isEmpty() && !saved.addresses().isEmpty()
                && saved.notInPlace(fresh.live().project(), key).isEmpty()) {
            return new Planned(fresh, planned.records(), saved.addresses());
        }
        if (!differences.isEmpty()) {
            throw new ReconcileException(Kind.REFUSED, "the saved plan " + request.savedPlan() + " is not what tlctl"
                    + " would do now", String.join("\n", differences) + "\nNothing was changed. Make a new plan: tlctl plan"
                    + " --out " + request.savedPlan() + " (a saved plan is applied from the checkout that made it, or"
                    + " with its key in TLCTL_PLAN_KEY).");
        }
        return planned;
    }

    // ---- what runs (see Runtimes) -------------------------------------------------------------

    /** Each service's newest deployment, age, commit and URLs in the request's environments, from one read. */
    public StatusResult status(StatusRequest request) {
        return Failures.translated(() -> runtimes.status(request));
    }

    /** Deploys the services the spec enables (or those asked for) in the request's environments; waits when asked. */
    public DeployResult deploy(DeployRequest request, RolloutObserver observer) {
        return Failures.translated(() -> runtimes.deploy(request, observer));
    }

    /** Rolls one service back in one environment, to the previous deployment or the one named; waits when asked. */
    public RollbackResult rollback(RollbackRequest request, RolloutObserver observer) {
        return Failures.translated(() -> runtimes.rollback(request, observer));
    }

    // ---- environments (see Environments) -----------------------------------------------------

    /** The project's live environments: how the spec knows each, age, time to live, volumes, spend; one read. */
    public EnvResults.Listing environments(EnvRequests.ListAll request) {
        return Failures.translated(() -> environments.list(request));
    }

    /** Creates (or brings up to date) a preview a template names: {@code apply --env NAME --yes}. */
    public EnvResults.Created createEnvironment(EnvRequests.Create request, ApplyObserver observer) {
        return Failures.translated(() -> environments.create(request, observer));
    }

    /** Deletes one environment, once {@code approval} accepts it with its volumes. */
    public EnvResults.Deleted deleteEnvironment(EnvRequests.Delete request,
            java.util.function.Predicate<List<EnvRow>> approval) {
        return Failures.translated(() -> environments.delete(request, approval));
    }

    /** Deletes the previews past their template's time to live, once {@code approval} accepts them. */
    public EnvResults.Deleted pruneExpired(EnvRequests.PruneExpired request,
            java.util.function.Predicate<List<EnvRow>> approval) {
        return Failures.translated(() -> environments.pruneExpired(request, approval));
    }

    /** The id of preview {@code name} if an apply of this run created it. */
    String previewId(String name) {
        return previewIds.get(name);
    }

    // ---- init -----------------------------------------------------------------------------

    /** Finds the project, or creates it with the spec's default environment; idempotent. */
    public InitResult init(InitRequest request) {
        return Failures.translated(() -> init(request.target()));
    }

    private InitResult init(Target target) {
        ReadResult read = read(target).result();
        String name = declared.project().name();
        LiveProject project = read.state().project();
        if (project != null) {
            return new InitResult(name, project.id(), false, project.id().equals(declared.project().id()));
        }
        if (endpoint.credentials() != null && endpoint.credentials().isProjectToken()) {
            throw new ReconcileException(Kind.REFUSED, "a project token cannot create projects",
                    "Use an account or workspace token (RAILWAY_API_TOKEN).");
        }
        LiveWorkspace workspace = read.state().workspace();
        String workspaceId = workspace == null ? null : workspace.id();
        ProjectWrites.CreatedProject created = client.createProject(name, workspaceId, declared.defaultEnvironment().name());
        String id = created.id();
        boolean made = !created.byOther();
        if (workspaceId != null && made) {
            // Another run created it at the same moment: keep the oldest, delete the empty twin made here.
            List<String> twins = client.projectsNamed(workspaceId, name, id);
            if (!twins.isEmpty() && !twins.get(0).equals(id)) {
                client.deleteProject(id, name);
                id = twins.get(0);
                made = false;
            }
        }
        records.rememberProject(endpoint.key(), target.workspace() != null ? target.workspace()
                : declared.project().workspace(), name, id);
        records.save();
        return new InitResult(name, id, made, id.equals(declared.project().id()));
    }

    /** Writes {@code project.id} of the project {@code init} found into the spec file, keeping its comments and layout. */
    public void recordProjectId(InitResult found) {
        Failures.translated(() -> SpecFiles.recordProjectId(source.file(), found.projectId()));
    }

    @Override
    public void close() {
        try {
            recorder.remember();
        } finally {
            client.close();
        }
    }
}
