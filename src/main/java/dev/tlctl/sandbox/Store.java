package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The sandbox's state and the one lock around it: every request runs as one transaction (reload
 * the file if another process changed it, run, write the file atomically if anything changed).
 * Also the lookups and the low-level writes every operation shares.
 */
final class Store {
    /** One lock per state file for the whole JVM: two Stores on one file (two sandboxes, a token mint) take turns. */
    private static final java.util.concurrent.ConcurrentMap<java.nio.file.Path, ReentrantLock> FILE_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final ReentrantLock lock;
    private final Clock clock;
    private final SandboxConfig.Timing timing;
    private final StateFile file;
    private State state;
    private boolean dirty;
    /** The configEtags and config answers of unchanged configs ({@link ConfigCache}). Never persisted. */
    private final ConfigCache configs = new ConfigCache();
    /** The deployments by id and instance ({@link DeploymentIndex}), made again when the list changes. */
    private final DeploymentIndex deployments = new DeploymentIndex();
    /** Whether the configs' cache entries are made again after each write ({@link #readyReadsAfterWrites}). */
    private volatile boolean readyAfterWrites;
    /** Set while a making of them is queued and not begun: writes in a burst queue one. */
    private final java.util.concurrent.atomic.AtomicBoolean readyQueued = new java.util.concurrent.atomic.AtomicBoolean();
    /** The thread of the last such making begun ({@link #lastReadying}). */
    private volatile Thread lastReadying;
    /**
     * The environments whose config was written ({@link #touched}) since the last making began:
     * the only ones it makes (the others' entries, if any, are as they were). Under the lock.
     */
    private final java.util.Set<String> touchedSinceReady = new java.util.HashSet<>();
    /** Set when the state was replaced (a reload): the next making looks at every environment. */
    private boolean readyEvery = true;

    private Store(State state, StateFile file, Clock clock, SandboxConfig.Timing timing) {
        this.state = state;
        this.file = file;
        this.clock = clock;
        this.timing = timing;
        this.lock = file == null ? new ReentrantLock() : FILE_LOCKS.computeIfAbsent(file.path(), p -> new ReentrantLock());
    }

    /**
     * Opens the state file (a missing file is a fresh state), applies the given token, and saves;
     * under the same locks as every transaction, so that a sandbox starting beside another process
     * that writes the file never reads half a change.
     */
    static Store open(java.nio.file.Path path, String token, long seed, Clock clock) throws IOException {
        return open(path, token, seed, clock, SandboxConfig.Timing.railway());
    }

    static Store open(java.nio.file.Path path, String token, long seed, Clock clock, SandboxConfig.Timing timing)
            throws IOException {
        StateFile file = path == null ? null : new StateFile(path);
        Store store = new Store(null, file, clock, timing);
        try {
            store.transaction(() -> {
                State loaded = null;
                if (file != null) {
                    try {
                        loaded = file.load();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (loaded == null) {
                    store.state = FreshState.create(seed, token, clock);
                    store.dirty = true;
                } else {
                    store.state = loaded;
                    State.TokenRec account = FreshState.accountToken(loaded);
                    if (token != null && (account == null || !token.equals(account.token))) {
                        FreshState.useAccountToken(loaded, token, clock.instant());
                        store.dirty = true;
                    }
                    // Written back only when upgraded or changed: reopening costs no write of the whole file.
                    store.dirty |= file.upgradedOnLoad();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return store;
    }

    /**
     * Runs {@code work} alone, on the newest state; persists what it changed. "Alone" holds across
     * threads (one lock per state file, shared by every Store of this JVM on that file) and across
     * processes (an OS lock on a file beside the state file), so a read-check-write such as
     * baseConfigEtag's compare-and-swap is atomic against every other write to the state.
     */
    <T> T transaction(Supplier<T> work) {
        boolean wrote = false;
        lock.lock();
        try (StateFile.ProcessLock ignored = file != null && lock.getHoldCount() == 1 ? file.lockAcrossProcesses() : null) {
            refreshFromDisk();
            try {
                if (state != null) {
                    Consistency.materialise(this);
                    Lifecycle.advance(this);
                }
                return work.get();
            } finally {
                wrote = dirty;
                persistIfDirty();
            }
        } finally {
            lock.unlock();
            if (wrote && readyAfterWrites && !lock.isHeldByCurrentThread()) {
                readyReads();
            }
        }
    }

    /**
     * For a sandbox that serves for long ({@code sandbox serve}, {@link Sandbox#start}): after each
     * write, the configEtag and {@code config(decryptVariables: true)} answer of every environment
     * written since the last making (of every one after the state is reloaded) are made on a
     * thread of their own once the write has been answered, as a server stores an etag with the
     * row it writes, so that the read that follows (a plan after an apply) finds them made. They
     * are kept and checked as any {@link ConfigCache} entry is: a config changed since, by
     * whatever write, is made again at its read. The state itself is not touched.
     */
    void readyReadsAfterWrites() {
        readyAfterWrites = true;
    }

    /** The thread of the last {@link #readyReadsAfterWrites} making begun; null when none. For tests. */
    Thread lastReadying() {
        return lastReadying;
    }

    /** Whether the environment's configEtag and decrypted config answer are made for its config as it is now. */
    boolean readied(String environmentId) {
        lock.lock();
        try {
            State.EnvironmentRec environment = environmentAny(environmentId);
            return environment != null && configs.holdsMade(environment);
        } finally {
            lock.unlock();
        }
    }

    private void readyReads() {
        if (!readyQueued.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            readyQueued.set(false);
            lock.lock();
            try {
                if (state != null) {
                    boolean every = readyEvery;
                    readyEvery = false;
                    for (State.EnvironmentRec environment : state.environments) {
                        if (environment.config == null || environment.deletedAt != null
                                || !(every || touchedSinceReady.contains(environment.id))) {
                            continue; // nothing a read can ask for, or nothing written since
                        }
                        ConfigCache.Read read = new ConfigCache.Read();
                        configs.etag(environment, read);
                        configs.masked(environment, true, read);
                    }
                    touchedSinceReady.clear();
                }
            } finally {
                lock.unlock();
            }
        }, "tlctl-sandbox-ready-reads");
        thread.setDaemon(true);
        lastReadying = thread;
        thread.start();
    }

    void transaction(Runnable work) {
        transaction(() -> {
            work.run();
            return null;
        });
    }

    /** Replaces the state with a fresh one that keeps the account token. */
    void reset(long seed) {
        transaction(() -> {
            State.TokenRec account = FreshState.accountToken(state);
            state = FreshState.create(seed, account == null ? null : account.token, clock);
            configs.clear();
            dirty = true;
        });
    }

    private void refreshFromDisk() {
        if (file != null && state != null && file.changedOnDisk()) {
            try {
                State loaded = file.load();
                if (loaded != null) {
                    state = loaded;
                    configs.clear();
                    readyEvery = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void persistIfDirty() {
        if (!dirty) {
            return;
        }
        dirty = false;
        if (file != null) {
            try {
                file.save(state);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write the sandbox state " + file.path(), e);
            }
        }
    }

    State state() {
        return state;
    }

    Clock clock() {
        return clock;
    }

    SandboxConfig.Timing timing() {
        return timing;
    }

    /** Whether the instant (ISO text; null: long ago) has come on the sandbox's clock. */
    boolean reached(String instant) {
        return instant == null || !clock.instant().isBefore(java.time.Instant.parse(instant));
    }

    void markDirty() {
        dirty = true;
    }

    /** The state's deployments by id and by instance, as the list is now. */
    DeploymentIndex deployments() {
        return deployments.of(state.deployments);
    }

    /** The environment's configEtag ({@link Patches#etag}), computed once per change of its config ({@link ConfigCache}). */
    String configEtag(State.EnvironmentRec environment) {
        return configs.etag(environment, new ConfigCache.Read());
    }

    /** {@link #configEtag(State.EnvironmentRec)} within one read of the environment ({@link ConfigCache.Read}). */
    String configEtag(State.EnvironmentRec environment, ConfigCache.Read read) {
        return configs.etag(environment, read);
    }

    /** The environment's config as {@code config(decryptVariables)} answers it, within one read of it ({@link ConfigCache}). */
    MaskedConfig maskedConfig(State.EnvironmentRec environment, boolean decrypt, ConfigCache.Read read) {
        return configs.masked(environment, decrypt, read);
    }

    String newId() {
        dirty = true;
        return Ids.next(state);
    }

    String now() {
        return clock.instant().toString();
    }

    // ---- lookups: "not found" for missing or deleted records ----

    State.WorkspaceRec workspace(String id) {
        return state.workspaces.stream().filter(w -> w.id.equals(id)).findFirst()
                .orElseThrow(() -> new SandboxException("Workspace not found"));
    }

    State.ProjectRec project(String id) {
        State.ProjectRec project = projectAny(id);
        if (project == null || project.deletedAt != null) {
            throw new SandboxException("Project not found");
        }
        return project;
    }

    State.ProjectRec projectAny(String id) {
        return state.projects.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
    }

    State.EnvironmentRec environment(String id) {
        State.EnvironmentRec environment = environmentAny(id);
        if (environment == null || environment.deletedAt != null
                || projectAny(environment.projectId) == null || projectAny(environment.projectId).deletedAt != null) {
            throw new SandboxException("Environment not found");
        }
        return environment;
    }

    State.EnvironmentRec environmentAny(String id) {
        if (id != null) {
            // A loop, not a stream: looked up for every field of every instance of a project read.
            for (State.EnvironmentRec environment : state.environments) {
                if (environment.id.equals(id)) {
                    return environment;
                }
            }
        }
        return null;
    }

    State.ServiceRec service(String id) {
        State.ServiceRec service = serviceAny(id);
        if (service == null || service.deletedAt != null) {
            throw new SandboxException("Service not found");
        }
        return service;
    }

    State.ServiceRec serviceAny(String id) {
        if (id != null) {
            for (State.ServiceRec service : state.services) {
                if (service.id.equals(id)) {
                    return service;
                }
            }
        }
        return null;
    }

    /** The live project of that name, for the sandbox's own commands (a SandboxException when there is none). */
    State.ProjectRec projectNamed(String name) {
        return state.projects.stream().filter(p -> p.deletedAt == null && p.name.equals(name)).findFirst()
                .orElseThrow(() -> new SandboxException("No project named " + name + " in the sandbox state"));
    }

    /** The live environment of that project with that name (a SandboxException when there is none). */
    State.EnvironmentRec environmentNamed(State.ProjectRec project, String name) {
        return environmentsOf(project.id).stream().filter(e -> e.name.equals(name)).findFirst()
                .orElseThrow(() -> new SandboxException("Project " + project.name + " has no environment named " + name));
    }

    /** The live service of that project with that name, or null. */
    State.ServiceRec serviceNamed(String projectId, String name) {
        return state.services.stream()
                .filter(s -> s.deletedAt == null && s.projectId.equals(projectId) && s.name.equals(name))
                .findFirst().orElse(null);
    }

    List<State.EnvironmentRec> environmentsOf(String projectId) {
        return state.environments.stream()
                .filter(e -> e.deletedAt == null && e.projectId.equals(projectId)).toList();
    }

    List<State.ServiceRec> servicesOf(String projectId) {
        return state.services.stream().filter(s -> s.deletedAt == null && s.projectId.equals(projectId)).toList();
    }

    static boolean isFork(State.EnvironmentRec environment) {
        return environment.sourceEnvironmentId != null;
    }

    // ---- service instances: a key of config.services ----

    /** The service ids with an instance in the environment, in the order the services were created. */
    List<String> instanceServiceIds(State.EnvironmentRec environment) {
        ObjectNode services = Json.at(environment.config, "services");
        List<String> ids = new ArrayList<>(Json.fieldNames(services));
        java.util.Map<String, Integer> order = new java.util.HashMap<>();
        for (int i = 0; i < state.services.size(); i++) {
            order.putIfAbsent(state.services.get(i).id, i);
        }
        ids.sort(Comparator.comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE)));
        return ids;
    }

    boolean hasInstance(State.EnvironmentRec environment, String serviceId) {
        return serviceConfig(environment, serviceId) != null;
    }

    /** The config of the service's instance in the environment, or null when it has none. */
    ObjectNode serviceConfig(State.EnvironmentRec environment, String serviceId) {
        return Json.at(environment.config, "services", serviceId);
    }

    /** The service's instance config, which must exist: "ServiceInstance not found" otherwise. */
    ObjectNode requireInstance(State.EnvironmentRec environment, String serviceId) {
        ObjectNode config = serviceConfig(environment, serviceId);
        if (config == null) {
            throw new SandboxException("ServiceInstance not found");
        }
        return config;
    }

    /**
     * The instance of a live service of the environment's project: "Service not found" when the
     * service is deleted or of another project, "ServiceInstance not found" when the environment
     * has no instance of it.
     */
    ObjectNode instanceOf(State.EnvironmentRec environment, String serviceId) {
        if (!service(serviceId).projectId.equals(environment.projectId)) {
            throw new SandboxException("Service not found");
        }
        return requireInstance(environment, serviceId);
    }

    /** Adds the service's instance to the environment (an empty config) unless it is there. */
    ObjectNode ensureInstance(State.EnvironmentRec environment, String serviceId) {
        ObjectNode services = Json.child(environment.config, "services");
        JsonNode existing = services.get(serviceId);
        if (existing instanceof ObjectNode object) {
            return object;
        }
        ObjectNode created = services.putObject(serviceId);
        syncInstances(environment);
        return created;
    }

    void removeInstance(State.EnvironmentRec environment, String serviceId) {
        ObjectNode services = Json.at(environment.config, "services");
        if (services != null) {
            services.remove(serviceId);
        }
        touched(environment);
    }

    /** After any write to an environment's config: bookkeeping follows the config, and the state is saved. */
    void touched(State.EnvironmentRec environment) {
        touchedSinceReady.add(environment.id);
        environment.updatedAt = now();
        syncInstances(environment);
        dirty = true;
    }

    private void syncInstances(State.EnvironmentRec environment) {
        List<String> ids = Json.fieldNames(Json.at(environment.config, "services"));
        environment.instances.keySet().retainAll(ids);
        for (String serviceId : ids) {
            if (!environment.instances.containsKey(serviceId)) {
                State.InstanceRec instance = new State.InstanceRec();
                instance.id = newId();
                instance.createdAt = now();
                instance.updatedAt = instance.createdAt;
                environment.instances.put(serviceId, instance);
            }
        }
        dirty = true;
    }

    /**
     * The deployment a change causes: one (reason "deploy") when the instance has a source to
     * build; null, and nothing recorded, when it has none (a service without a source deploys
     * nothing). Callers refuse the write first while the instance builds
     * ({@link Lifecycle#requireNotBuilding}).
     */
    State.DeploymentRec deploy(State.EnvironmentRec environment, String serviceId) {
        if (!ServiceOps.hasSource(serviceConfig(environment, serviceId))) {
            return null;
        }
        return deploy(environment, serviceId, "deploy", null);
    }

    /**
     * Starts one deployment of the instance ({@link Lifecycle}), with its meta: the reason, the
     * source's repo, branch, image and rootDirectory, the commit, and serviceManifest (the
     * instance's source, build and deploy at that moment, as Railway's CLI reads it back).
     */
    State.DeploymentRec deploy(State.EnvironmentRec environment, String serviceId, String reason, String commitSha) {
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("reason", reason);
        ObjectNode instance = serviceConfig(environment, serviceId);
        ObjectNode source = Json.at(instance, "source");
        for (String key : List.of("repo", "branch", "image", "rootDirectory")) {
            if (source != null && source.get(key) != null && source.get(key).isTextual()) {
                meta.put(key, source.get(key).asText());
            }
        }
        if (commitSha != null) {
            meta.put("commitHash", commitSha);
        }
        ObjectNode manifest = meta.putObject("serviceManifest");
        for (String part : List.of("source", "build", "deploy")) {
            ObjectNode value = Json.at(instance, part);
            if (value != null) {
                manifest.set(part, value.deepCopy());
            }
        }
        return Lifecycle.start(this, environment, serviceId, meta);
    }
}
