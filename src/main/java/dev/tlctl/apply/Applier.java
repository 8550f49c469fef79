package dev.tlctl.apply;

import dev.tlctl.apply.Steps.Planned;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.plan.Origin;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.UsageLimitValue;
import dev.tlctl.railway.BatchComposer;
import dev.tlctl.railway.ChangeSet;
import dev.tlctl.railway.EnvironmentPatch;
import dev.tlctl.railway.PatchRecord;
import dev.tlctl.railway.ProjectWrites;
import dev.tlctl.railway.PullRequestSettingsWrite;
import dev.tlctl.railway.ProjectWrites.EnvironmentWrite;
import dev.tlctl.railway.ProjectWrites.UsageLimitWrite;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Plan} through Railway in dependency order, one request per step: the project
 * (with its default environment); new environments, created empty; new services, created without
 * a source (Railway adds each to every environment that is not a fork, so environments come
 * first); one commit for every environment with changes and the usage limit together; deletions
 * last. An existing environment whose changes a Railway change set can carry is written as one,
 * guarded by the {@code configEtag} the plan read (Railway refuses it whole if the environment
 * changed since); any other is written as a patch after its etag is read again, and listed in the
 * result as unguarded, for the caller to read back. Every environment gets at most one patch that
 * deploys, so an instance deploys at most once per apply (a new volume's size follows its creation
 * in a patch of its own, which deploys nothing; mounting the volume deploys, as on Railway).
 * Settings reach only their environment: they travel in its patch, never through
 * {@code serviceInstanceUpdate}, which on Railway reaches every environment that is not a fork.
 * Reports each step to the listener; never prints.
 */
public final class Applier {
    private final ProjectWrites client;
    private final ApplyListener listener;
    private final Clock clock;
    private final StagedPolicy staged;
    private final PreviewRecords previewRecords;
    private final BeforeCommit beforeCommit;

    public Applier(ProjectWrites client, ApplyListener listener, Clock clock) {
        this(client, listener, clock, StagedPolicy.REFUSE);
    }

    /**
     * @param staged what to do with changes staged in an environment it writes to; with
     *     {@link StagedPolicy#REFUSE} the caller has checked there are none
     */
    public Applier(ProjectWrites client, ApplyListener listener, Clock clock, StagedPolicy staged) {
        this(client, listener, clock, staged, PreviewRecords.NONE);
    }

    /** @param previewRecords adds to the commit of each preview this apply creates what the caller keeps there */
    public Applier(ProjectWrites client, ApplyListener listener, Clock clock, StagedPolicy staged,
            PreviewRecords previewRecords) {
        this(client, listener, clock, staged, previewRecords, BeforeCommit.NONE);
    }

    private Applier(ProjectWrites client, ApplyListener listener, Clock clock, StagedPolicy staged,
            PreviewRecords previewRecords, BeforeCommit beforeCommit) {
        this.client = client;
        this.listener = listener;
        this.clock = clock;
        this.staged = staged;
        this.previewRecords = previewRecords;
        this.beforeCommit = beforeCommit;
    }

    /** This applier, telling {@code hook} the ids just before it sends the environments' commit. */
    public Applier beforeCommit(BeforeCommit hook) {
        return new Applier(client, listener, clock, staged, previewRecords, hook);
    }

    /**
     * Applies {@code plan}. Before the first write, re-reads the {@code configEtag} of every
     * existing environment the plan writes by an unguarded patch and throws
     * {@link ConcurrentChangeException} (having written nothing) when one changed since the plan
     * read it; the same request lists their newest patches, the baseline of the result's
     * {@link Lineage}. Every commit's message is {@code commitMessage} with the run's token.
     */
    public ApplyResult apply(Plan plan, String commitMessage) {
        Run run = new Run(plan, commitMessage, Lineage.newToken());
        if (!plan.isEmpty()) {
            BatchComposer.warmUp(); // every apply with changes sends a batch (a commit at least)
            run.checkEtags();
        }
        return run.execute();
    }

    /** The state of one apply: ids learned as it goes, and its steps. */
    private final class Run {
        private final Plan plan;
        private final String message;
        private final Map<String, String> serviceIds;
        private final Map<String, String> environmentIds;
        private final List<String> unguarded = new ArrayList<>();
        private final List<String> withStagedChanges = new ArrayList<>();
        private final String token;
        /** The patches listed before the write and the ids Railway answered to this run's commits, by environment. */
        private final Map<String, List<PatchRecord>> baseline = new LinkedHashMap<>();
        private final Map<String, List<String>> ownPatches = new LinkedHashMap<>();
        /** Settings of the instances new services brought, as Railway showed them, by environment and service. */
        private final Map<String, Map<String, Map<String, Object>>> observed = new LinkedHashMap<>();
        private String projectId;
        /** The environments whose patch this apply commits, in spec order (computed once: a plan can be large). */
        private final List<String> committed;
        /** The preview environments this apply creates. */
        private final Set<String> createdPreviews = new LinkedHashSet<>();
        /**
         * The plan's changes but its variables and settings, in plan order: what the steps other than
         * the commit are made of, found in one pass (a large plan's hundred thousand changes are
         * nearly all variables, which only the commit carries).
         */
        private final List<Change> structural = new ArrayList<>();

        Run(Plan plan, String message, String token) {
            this.plan = plan;
            this.token = token;
            this.message = Lineage.message(message, token);
            this.serviceIds = new LinkedHashMap<>(plan.target().serviceIds());
            this.environmentIds = new LinkedHashMap<>(plan.target().environmentIds());
            this.projectId = plan.target().projectId();
            this.committed = plan.target().environments().stream().map(EnvironmentTarget::name)
                    .filter(env -> plan.changesIn(env).stream().anyMatch(Run::committed))
                    .toList();
            for (Change c : plan.changes()) {
                if (c instanceof Change.Variable || c instanceof Change.Setting) {
                    continue;
                }
                structural.add(c);
                if (c instanceof Change.Environment e && e.ephemeral() && e.action() == Action.CREATE) {
                    createdPreviews.add(e.environment());
                }
            }
        }

        /** Whether a change travels in its environment's commit (domains and new volumes have their own calls). */
        private static boolean committed(Change c) {
            return c.inCommit();
        }

        /** Whether an environment's write is a change set guarded by the etag the plan read. */
        private boolean guarded(EnvironmentTarget t) {
            return t.exists() && t.configEtag() != null && ChangeSetBuilder.fits(plan, t.name()) && !includesStaged(t);
        }

        /** Whether the write commits what is staged there too (a patch staged on top of it). */
        private boolean includesStaged(EnvironmentTarget t) {
            return staged == StagedPolicy.INCLUDE && t.stagedChanges() > 0;
        }

        private EnvironmentWrite withStaged(EnvironmentTarget t, EnvironmentWrite write) {
            if (t.stagedChanges() <= 0) {
                return write;
            }
            return switch (staged) {
                case DISCARD -> write.staged(ProjectWrites.Staged.DISCARD);
                case INCLUDE -> write.staged(ProjectWrites.Staged.INCLUDE);
                case REFUSE -> write;
            };
        }

        /** The etag of every environment written by an unguarded patch is read again just before writing. */
        void checkEtags() {
            baseline.putAll(EtagCheck.baseline(client, plan.target().environments().stream()
                    .filter(t -> t.exists() && committed.contains(t.name()) && !guarded(t)).toList()));
        }

        private Lineage lineage() {
            return new Lineage(token, baseline, ownPatches);
        }

        /** Commits, keeping what Railway answered to each patch (its id) as this run's own. */
        private void send(List<EnvironmentWrite> writes, UsageLimitWrite limit) {
            client.commit(writes, limit, message).forEach((env, id) ->
                    ownPatches.computeIfAbsent(env, k -> new ArrayList<>()).add(id));
        }

        ApplyResult execute() {
            return Steps.run(steps(), listener, clock, (done, failed, error, rest, applied) -> new ApplyResult(
                    projectId, done, failed, error, rest, applied, unguarded, withStagedChanges, lineage()));
        }

        private List<Planned> steps() {
            List<Planned> steps = new ArrayList<>();
            for (Change c : structural) {
                if (c instanceof Change.Project p) {
                    steps.add(new Planned("create project " + p.name() + " with environment " + p.defaultEnvironment(),
                            List.of(c), () -> {
                                ProjectWrites.CreatedProject created = client.createProject(p.name(),
                                        plan.target().workspaceId(), p.defaultEnvironment());
                                if (created.byOther()) {
                                    throw new DuplicateProjectException(p.name(), created.id());
                                }
                                keepOldestTwin(p.name(), created.id());
                                projectId = created.id();
                                if (created.defaultEnvironmentId() != null) {
                                    environmentIds.put(created.defaultEnvironment(), created.defaultEnvironmentId());
                                }
                            }));
                }
            }
            List<Change> environmentCreates = of(Change.Environment.class, Action.CREATE).stream()
                    .filter(c -> !((Change.Environment) c).ephemeral()).toList();
            if (!environmentCreates.isEmpty()) {
                List<String> names = environmentCreates.stream().map(c -> c.address().environment()).toList();
                steps.add(new Planned("create " + plural("environment", names), environmentCreates,
                        () -> environmentIds.putAll(client.createEnvironments(projectId, names))));
            }
            for (Change c : of(Change.Environment.class, Action.CREATE)) {
                if (((Change.Environment) c).ephemeral()) {
                    String name = c.address().environment();
                    steps.add(new Planned("create preview environment " + name, List.of(c),
                            () -> environmentIds.put(name, client.createEphemeralEnvironment(projectId, name))));
                }
            }
            List<Change> serviceCreates = of(Change.Service.class, Action.CREATE);
            if (!serviceCreates.isEmpty()) {
                List<String> names = serviceCreates.stream().map(c -> c.address().service()).toList();
                List<Change> withConsequences = new ArrayList<>(serviceCreates);
                structural.stream().filter(c -> c.origin() == Origin.RAILWAY).forEach(withConsequences::add);
                steps.add(new Planned("create " + plural("service", names), withConsequences, () -> {
                    serviceIds.putAll(client.createServices(projectId, names));
                    awaitNewInstances();
                }));
            }
            List<Change> limitChanges = structural.stream().filter(c -> c instanceof Change.UsageLimit).toList();
            if (!committed.isEmpty() || !limitChanges.isEmpty()) {
                List<Change> all = new ArrayList<>();
                for (String env : committed) {
                    for (Change c : plan.changesIn(env)) {
                        if (committed(c)) {
                            all.add(c);
                        }
                    }
                }
                all.addAll(limitChanges);
                String title = joinTitles(committed.isEmpty() ? null : "commit " + plural("environment", committed),
                        limitChanges.isEmpty() ? null : "set the usage limit");
                steps.add(new Planned(title, all, () -> commit(committed, limitChanges)));
            }
            for (Change c : structural) {
                if (c instanceof Change.PullRequests p) {
                    // After the commit: the base environment may be created by this apply.
                    steps.add(new Planned("set the pull request environments of project " + plan.target().projectName(),
                            List.of(c), () -> client.updatePullRequests(projectId, plan.target().projectName(),
                                    new PullRequestSettingsWrite(p.after().enabled(), p.after().from() == null ? null
                                            : id(environmentIds, "environment", p.after().from()), p.after().focused(),
                                            p.after().bots()))));
                }
            }
            List<Change> domains = structural.stream().filter(c -> c instanceof Change.Domain).toList();
            if (!domains.isEmpty()) {
                // After the commit: a domain needs its instance, which the commit may create.
                steps.add(new Planned("write " + (domains.size() == 1 ? "domain " : "domains ") + String.join(", ",
                        domains.stream().map(c -> c.address().text()).toList()), domains,
                        () -> domains.forEach(c -> writeDomain((Change.Domain) c))));
            }
            List<Change> volumes = structural.stream().filter(c -> c instanceof Change.Volume
                    && c.action() == Action.CREATE).toList();
            if (!volumes.isEmpty()) {
                // After the commit: a volume mounts on its instance, which the commit may create.
                Map<Change.Volume, String> createdVolumes = new LinkedHashMap<>();
                steps.add(new Planned("create " + (volumes.size() == 1 ? "volume " : "volumes ") + String.join(", ",
                        volumes.stream().map(c -> c.address().text()).toList()), volumes,
                        () -> volumes.forEach(c -> {
                            Change.Volume v = (Change.Volume) c;
                            createdVolumes.put(v, client.createVolume(projectId,
                                    id(environmentIds, "environment", v.environment()),
                                    id(serviceIds, "service", v.service()), v.mountPath(),
                                    v.environment() + "/" + v.service()));
                        })));
                List<Change.Volume> sized = volumes.stream().map(c -> (Change.Volume) c)
                        .filter(v -> v.sizeMB() != null).toList();
                if (!sized.isEmpty()) {
                    steps.add(new Planned("set the size of new " + (sized.size() == 1 ? "volume " : "volumes ")
                            + String.join(", ", sized.stream().map(v -> v.address().text() + " to " + v.sizeMB()
                                    + " MB").toList()), List.of(), () -> sizeNewVolumes(sized, createdVolumes)));
                }
            }
            List<Change> deletions = structural.stream().filter(c -> c.action() == Action.DELETE
                    && (c instanceof Change.Service || c instanceof Change.Environment)).toList();
            if (!deletions.isEmpty()) {
                String what = String.join(", ", deletions.stream().map(c -> c.address().text()).toList());
                steps.add(new Planned("delete " + what, deletions, () -> client.delete(
                        deletions.stream().filter(c -> c instanceof Change.Service).map(c -> id(serviceIds, "service",
                                c.address().service())).toList(),
                        deletions.stream().filter(c -> c instanceof Change.Environment).map(c -> id(environmentIds,
                                "environment", c.address().environment())).toList(),
                        what)));
            }
            return steps;
        }

        /**
         * One request for every environment: Railway takes a size only in the environment's config
         * ({@code volumes.<id>.sizeMB}) and the id exists only once the volume does. The patch holds
         * nothing else, so it deploys nothing; if it never arrives (a kill), the next plan shows the
         * growth.
         */
        private void sizeNewVolumes(List<Change.Volume> sized, Map<Change.Volume, String> created) {
            Map<String, EnvironmentPatch> patches = new LinkedHashMap<>();
            for (Change.Volume v : sized) {
                patches.computeIfAbsent(v.environment(), env -> new EnvironmentPatch())
                        .volumeSize(created.get(v), v.sizeMB());
            }
            List<EnvironmentWrite> writes = new ArrayList<>();
            patches.forEach((env, patch) -> writes.add(EnvironmentWrite.patch(id(environmentIds, "environment", env),
                    env, patch)));
            send(writes, null);
        }

        /** One request: creates, routes or deletes a domain. */
        private void writeDomain(Change.Domain d) {
            String environmentId = id(environmentIds, "environment", d.environment());
            String serviceId = id(serviceIds, "service", d.service());
            String what = d.environment() + "/" + d.service();
            switch (d.action()) {
                case CREATE -> client.createDomain(projectId, environmentId, serviceId, d.custom() ? d.domain() : null,
                        d.afterPort(), what);
                case UPDATE -> client.updateDomain(id(plan.target().domainIds(), "domain", d.address().text()), d.custom(),
                        d.domain(), environmentId, serviceId, d.afterPort(), what);
                case DELETE -> client.deleteDomain(id(plan.target().domainIds(), "domain", d.address().text()), d.custom(),
                        d.domain(), what);
            }
        }

        /**
         * Waits until Railway shows the instances that this apply's new services bring to the
         * environments it writes to (Railway makes them visible a moment after the service), and
         * keeps their settings as read: the patch then starts from what Railway filled in.
         */
        private void awaitNewInstances() {
            Set<String> written = new LinkedHashSet<>(committed);
            Map<String, Set<String>> expected = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (Change c : structural) {
                if (c instanceof Change.Instance i && i.action() == Action.CREATE && i.origin() == Origin.RAILWAY
                        && written.contains(i.environment()) && environmentIds.containsKey(i.environment())) {
                    String environmentId = environmentIds.get(i.environment());
                    expected.computeIfAbsent(environmentId, k -> new LinkedHashSet<>())
                            .add(id(serviceIds, "service", i.service()));
                    names.put(environmentId, i.environment());
                }
            }
            Map<String, String> serviceNames = new LinkedHashMap<>();
            serviceIds.forEach((name, id) -> serviceNames.put(id, name));
            client.awaitInstances(expected, names).forEach((environmentId, instances) -> instances.forEach(
                    (serviceId, instance) -> observed.computeIfAbsent(names.get(environmentId), k -> new LinkedHashMap<>())
                            .put(serviceNames.get(serviceId), instance.settings())));
        }

        /**
         * Two first applies at once each create the project: the one that made the newer twin
         * deletes it (it is empty) and stops, so that exactly one project remains whoever wins.
         */
        private void keepOldestTwin(String name, String created) {
            if (plan.target().workspaceId() == null) {
                return;
            }
            List<String> twins = client.projectsNamed(plan.target().workspaceId(), name, created);
            if (!twins.isEmpty() && !twins.get(0).equals(created)) {
                client.deleteProject(created, name);
                throw new DuplicateProjectException(name, twins.get(0), created);
            }
        }

        private List<Change> of(Class<? extends Change> type, Action action) {
            return structural.stream().filter(c -> type.isInstance(c) && c.action() == action).toList();
        }

        private void commit(List<String> environments, List<Change> limitChanges) {
            List<EnvironmentWrite> writes = new ArrayList<>();
            for (String env : environments) {
                String id = id(environmentIds, "environment", env);
                EnvironmentTarget target = plan.target().environment(env).orElseThrow();
                if (guarded(target)) {
                    ChangeSet set = ChangeSetBuilder.build(plan, env);
                    if (!set.isEmpty()) {
                        writes.add(withStaged(target, EnvironmentWrite.guarded(id, env, set, target.configEtag())));
                    }
                    continue;
                }
                EnvironmentPatch patch = PatchBuilder.build(plan, env, service -> id(serviceIds, "service", service),
                        observed.getOrDefault(env, Map.of()));
                if (createdPreviews.contains(env)) {
                    // A preview made by this very apply holds only this patch: nothing to read back.
                    previewRecords.addTo(patch, projectId, env, id, serviceIds);
                    writes.add(EnvironmentWrite.patch(id, env, patch));
                } else if (!patch.isEmpty()) {
                    writes.add(withStaged(target, EnvironmentWrite.patch(id, env, patch, target.configEtag())));
                    (includesStaged(target) ? withStagedChanges : unguarded).add(env);
                }
            }
            UsageLimitWrite limit = null;
            for (Change c : limitChanges) {
                UsageLimitValue value = ((Change.UsageLimit) c).after();
                limit = value == null ? new UsageLimitWrite(plan.target().customerId(), null, null, true)
                        : new UsageLimitWrite(plan.target().customerId(), value.soft(), value.hard(), false);
            }
            if (!writes.isEmpty()) {
                beforeCommit.committing(projectId, Collections.unmodifiableMap(new LinkedHashMap<>(environmentIds)));
            }
            send(writes, limit);
        }

        private static String id(Map<String, String> ids, String kind, String name) {
            String id = ids.get(name);
            if (id == null) {
                throw new IllegalStateException("no id for " + kind + " " + name);
            }
            return id;
        }
    }

    private static String plural(String noun, List<String> names) {
        return noun + (names.size() == 1 ? " " : "s ") + String.join(", ", names);
    }

    private static String joinTitles(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " and " + b;
    }
}
