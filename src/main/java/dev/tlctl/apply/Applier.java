package dev.tlctl.apply;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.plan.Action;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Change;
import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.UsageLimitValue;
import dev.tlctl.railway.EnvironmentPatch;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.RailwayClient.NewEnvironment;
import dev.tlctl.railway.RailwayClient.UsageLimitWrite;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Plan} through the client in dependency order, one request per step: the project;
 * its new services (without a source, so nothing deploys yet); one patch per existing environment
 * together with the usage limit; then new environments, wave by wave (an environment created
 * from another new one waits for it), each created and then patched; deletions last. Every
 * environment gets exactly one patch, so a service deploys at most once per environment per
 * apply. Settings reach only their environment: they travel in that environment's patch, never
 * through {@code serviceInstanceUpdate}, which on Railway reaches every non-fork environment.
 * Reports each step to the listener; never prints.
 */
public final class Applier {
    private final RailwayClient client;
    private final ApplyListener listener;
    private final Clock clock;

    public Applier(RailwayClient client, ApplyListener listener, Clock clock) {
        this.client = client;
        this.listener = listener;
        this.clock = clock;
    }

    /**
     * Applies {@code plan}. Before the first write, re-reads the {@code configEtag} of every
     * existing environment the plan targets and throws {@link ConcurrentChangeException} (having
     * written nothing) when one changed since the plan read it.
     */
    public ApplyResult apply(Plan plan, String commitMessage) {
        Run run = new Run(plan, commitMessage);
        if (!plan.isEmpty()) {
            run.checkEtags();
        }
        return run.execute();
    }

    /** The state of one apply: ids learned as it goes, and its steps. */
    private final class Run {
        private final Plan plan;
        private final String message;
        private final Map<String, String> serviceIds;
        private final Map<String, EnvironmentTarget> targets = new LinkedHashMap<>();
        private final Map<String, String> environmentIds = new LinkedHashMap<>();
        private final Map<String, LiveEnvironment> copies = new LinkedHashMap<>();
        private final Set<String> createdServices = new LinkedHashSet<>();
        private final Set<String> presentAtServiceCreation = new LinkedHashSet<>();
        private String projectId;

        private interface Action0 {
            void run();
        }

        private record Planned(String title, List<Change> changes, Action0 action) {}

        Run(Plan plan, String message) {
            this.plan = plan;
            this.message = message;
            this.serviceIds = new LinkedHashMap<>(plan.target().serviceIds());
            this.projectId = plan.target().projectId();
            for (EnvironmentTarget t : plan.target().environments()) {
                targets.put(t.name(), t);
                if (t.id() != null) {
                    environmentIds.put(t.name(), t.id());
                }
                if (t.exists() && !t.fork()) {
                    presentAtServiceCreation.add(t.name());
                }
            }
        }

        void checkEtags() {
            List<EnvironmentTarget> existing = plan.target().environments().stream().filter(EnvironmentTarget::exists).toList();
            if (existing.isEmpty()) {
                return;
            }
            Map<String, String> now = client.readEtags(existing.stream().map(EnvironmentTarget::id).toList());
            List<String> changed = existing.stream()
                    .filter(t -> !java.util.Objects.equals(now.get(t.id()), t.configEtag()))
                    .map(EnvironmentTarget::name)
                    .toList();
            if (!changed.isEmpty()) {
                throw new ConcurrentChangeException(changed);
            }
        }

        ApplyResult execute() {
            List<Planned> steps = steps();
            List<ApplyResult.Done> done = new ArrayList<>();
            List<Change> applied = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                Planned p = steps.get(i);
                Step step = new Step(i + 1, steps.size(), p.title(), p.changes());
                long start = clock.millis();
                listener.started(step);
                try {
                    p.action().run();
                } catch (RuntimeException e) {
                    Duration took = Duration.ofMillis(clock.millis() - start);
                    listener.failed(step, took, e);
                    List<Step> rest = new ArrayList<>();
                    for (int j = i + 1; j < steps.size(); j++) {
                        rest.add(new Step(j + 1, steps.size(), steps.get(j).title(), steps.get(j).changes()));
                    }
                    return new ApplyResult(projectId, done, step, e, rest, applied);
                }
                Duration took = Duration.ofMillis(clock.millis() - start);
                listener.finished(step, took);
                done.add(new ApplyResult.Done(step, took));
                applied.addAll(p.changes());
            }
            return new ApplyResult(projectId, done, null, null, List.of(), applied);
        }

        private List<Planned> steps() {
            List<Planned> steps = new ArrayList<>();
            String defaultEnv = plan.target().environments().stream().filter(EnvironmentTarget::isDefault)
                    .map(EnvironmentTarget::name).findFirst().orElse(null);
            boolean projectCreated = false;
            for (Change c : plan.changes()) {
                if (c.address().kind() == Address.Kind.PROJECT && c.action() == Action.CREATE) {
                    projectCreated = true;
                    steps.add(new Planned("create project " + plan.target().projectName()
                            + (defaultEnv == null ? "" : " with environment " + defaultEnv), List.of(c), () -> {
                                RailwayClient.CreatedProject created = client.createProject(
                                        plan.target().projectName(), plan.target().workspaceId(), defaultEnv);
                                projectId = created.id();
                                if (created.defaultEnvironment() != null) {
                                    environmentIds.put(created.defaultEnvironment().name(), created.defaultEnvironment().id());
                                }
                            }));
                }
            }
            if (projectCreated && defaultEnv != null) {
                presentAtServiceCreation.add(defaultEnv);
            }
            final boolean withProject = projectCreated;
            List<Change> serviceCreates = plan.changes().stream()
                    .filter(c -> c.address().kind() == Address.Kind.SERVICE && c.action() == Action.CREATE).toList();
            if (!serviceCreates.isEmpty()) {
                List<String> names = serviceCreates.stream().map(c -> c.address().service()).toList();
                steps.add(new Planned("create " + plural("service", names), serviceCreates, () -> {
                    serviceIds.putAll(client.createServices(projectId, names));
                    createdServices.addAll(names);
                }));
            }
            // Existing environments (and the default one, created with the project): one request.
            List<String> firstWave = new ArrayList<>();
            List<Change> firstChanges = new ArrayList<>();
            for (EnvironmentTarget t : plan.target().environments()) {
                List<Change> envChanges = PatchBuilder.forEnvironment(plan, t.name());
                if ((t.exists() || (withProject && t.isDefault())) && (!envChanges.isEmpty() || (!serviceCreates.isEmpty() && !t.fork()))) {
                    firstWave.add(t.name());
                    firstChanges.addAll(envChanges);
                }
            }
            List<Change> limitChanges = plan.changes().stream()
                    .filter(c -> c.address().kind() == Address.Kind.USAGE_LIMIT).toList();
            if (!firstWave.isEmpty() || !limitChanges.isEmpty()) {
                List<Change> all = new ArrayList<>(firstChanges);
                all.addAll(limitChanges);
                String title = joinTitles(firstWave.isEmpty() ? null : "commit " + plural("environment", firstWave),
                        limitChanges.isEmpty() ? null : "set the usage limit");
                steps.add(new Planned(title, all, () -> commit(firstWave, limitChanges)));
            }
            // New environments, in waves: a wave's sources all exist before it starts.
            List<EnvironmentTarget> pending = new ArrayList<>(plan.target().environments().stream()
                    .filter(t -> !t.exists() && !(withProject && t.isDefault())).toList());
            Set<String> available = new LinkedHashSet<>(targets.keySet());
            available.removeAll(pending.stream().map(EnvironmentTarget::name).toList());
            while (!pending.isEmpty()) {
                List<EnvironmentTarget> wave = pending.stream()
                        .filter(t -> t.from() == null || available.contains(t.from()) || !targets.containsKey(t.from()))
                        .toList();
                if (wave.isEmpty()) {
                    throw new IllegalStateException("environments created from each other in a cycle: " + pending);
                }
                pending.removeAll(wave);
                List<String> names = wave.stream().map(EnvironmentTarget::name).toList();
                List<Change> creates = plan.changes().stream()
                        .filter(c -> c.address().kind() == Address.Kind.ENVIRONMENT && names.contains(c.address().environment()))
                        .toList();
                steps.add(new Planned("create " + plural("environment", names)
                        + fromText(wave), creates, () -> createEnvironments(wave)));
                List<Change> envChanges = names.stream().flatMap(n -> PatchBuilder.forEnvironment(plan, n).stream()).toList();
                steps.add(new Planned("commit " + plural("environment", names), envChanges, () -> commit(names, List.of())));
                available.addAll(names);
            }
            List<Change> deletions = plan.changes().stream().filter(c -> c.action() == Action.DELETE
                    && (c.address().kind() == Address.Kind.SERVICE || c.address().kind() == Address.Kind.ENVIRONMENT)).toList();
            if (!deletions.isEmpty()) {
                steps.add(new Planned("delete " + String.join(", ", deletions.stream().map(c -> c.address().text()).toList()),
                        deletions, () -> client.delete(
                                deletions.stream().filter(c -> c.address().kind() == Address.Kind.SERVICE)
                                        .map(c -> serviceIds.get(c.address().service())).toList(),
                                deletions.stream().filter(c -> c.address().kind() == Address.Kind.ENVIRONMENT)
                                        .map(this::deletedEnvironmentId).toList(),
                                String.join(", ", deletions.stream().map(c -> c.address().text()).toList()))));
            }
            return steps;
        }

        private void createEnvironments(List<EnvironmentTarget> wave) {
            List<NewEnvironment> requests = new ArrayList<>();
            for (EnvironmentTarget t : wave) {
                requests.add(new NewEnvironment(t.name(), t.from() == null ? null : environmentIds.get(t.from())));
            }
            Map<String, LiveEnvironment> created = client.createEnvironments(projectId, requests);
            created.forEach((name, env) -> {
                environmentIds.put(name, env.id());
                if (env.isFork() || !env.instances().isEmpty() || !env.sharedVariables().isEmpty()) {
                    copies.put(name, env);
                }
            });
        }

        private void commit(List<String> environments, List<Change> limitChanges) {
            Map<String, EnvironmentPatch> patches = new LinkedHashMap<>();
            Map<String, String> names = new LinkedHashMap<>();
            for (String env : environments) {
                EnvironmentPatch patch = PatchBuilder.build(plan, env, this::serviceId, copies.get(env),
                        createdServices, presentAtServiceCreation.contains(env));
                if (!patch.isEmpty()) {
                    String id = environmentIds.get(env);
                    patches.put(id, patch);
                    names.put(id, env);
                }
            }
            UsageLimitWrite limit = null;
            for (Change c : limitChanges) {
                UsageLimitValue value = (UsageLimitValue) c.after();
                limit = value == null ? new UsageLimitWrite(plan.target().customerId(), null, null, true)
                        : new UsageLimitWrite(plan.target().customerId(), value.soft(), value.hard(), false);
            }
            client.commit(patches, names, limit, message);
        }

        /** An environment to delete is not in the spec, so not among the targets: the plan carries its id. */
        private String deletedEnvironmentId(Change change) {
            String id = change.before() instanceof String s ? s : environmentIds.get(change.address().environment());
            if (id == null) {
                throw new IllegalStateException("no id for environment " + change.address().environment());
            }
            return id;
        }

        private String serviceId(String service) {
            String id = serviceIds.get(service);
            if (id == null) {
                throw new IllegalStateException("no id for service " + service);
            }
            return id;
        }
    }

    private static String fromText(List<EnvironmentTarget> wave) {
        List<String> parts = wave.stream().filter(t -> t.from() != null).map(t -> t.name() + " from " + t.from()).toList();
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
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
