package dev.tlctl.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded emulator of the part of Railway's public GraphQL API that tlctl uses, served on
 * loopback at {@code POST /graphql/v2}, with Railway's auth, rate limits and error shapes, a
 * JSON state file, injected faults and request statistics. Start one, point a client at
 * {@link #graphqlUrl()} with {@link #accountToken()}, close it when done. One started
 * {@link #startInProcess in process} listens on no port: its {@link #handler()} serves the same
 * requests, through the same code, to a client in the same JVM.
 */
public final class Sandbox implements AutoCloseable {
    static {
        // The JDK server writes a response's headers and body in separate packets; with Nagle's
        // algorithm and delayed ACKs every keep-alive request then waits ~40 ms. Read once, when
        // the JDK's server configuration loads, so it is set before the first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** 127.0.0.1, never a wildcard or a public address. */
    private static final InetAddress LOOPBACK = loopback();

    /** Whether {@link #warmUp} has started (once per JVM). */
    private static final AtomicBoolean WARMED = new AtomicBoolean();

    private final SandboxConfig config;
    private final Store store;
    private final Stats stats = new Stats();
    private final RateLimiter limiter;
    private final Faults faults;
    private final HttpFront front;
    /** The loopback server and its threads; null in process. */
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(SandboxConfig config, Store store, boolean listen) throws IOException {
        this.config = config;
        this.store = store;
        this.limiter = new RateLimiter(config.perHour(), config.perSecond(), config.clock());
        this.faults = Faults.parse(config.faults(), config.seed());
        this.front = new HttpFront(this, store, GraphqlEngine::standard, stats, limiter, faults);
        if (!listen) {
            this.server = null;
            this.executor = null;
            return;
        }
        this.server = HttpServer.create(new InetSocketAddress(LOOPBACK, config.port()), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "tlctl-sandbox-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", this::route);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a sandbox on 127.0.0.1: loads the state file (a missing file is a fresh state), makes
     * {@code config.token()} its account token when given, and saves the file at once, so a
     * generated token survives a restart.
     */
    public static Sandbox start(SandboxConfig config) throws IOException {
        return open(config, true);
    }

    /**
     * Starts a sandbox in this process that listens on no port (its {@code config.port()} unused):
     * a client in the same JVM sends it requests through {@link #handler()}. Everything else is as
     * {@link #start}: the state file, the token, and the same handling of each request (auth, rate
     * limits, faults, statistics, error shapes).
     */
    public static Sandbox startInProcess(SandboxConfig config) throws IOException {
        return open(config, false);
    }

    private static Sandbox open(SandboxConfig config, boolean listen) throws IOException {
        warmUp();
        if (listen) {
            GraphqlEngine.warmUp(); // a server: its idle time is free, and any client may come
        }
        Store store = Store.open(config.stateFile(), config.token(), config.seed(), config.clock(), config.timing());
        if (listen) {
            store.readyReadsAfterWrites(); // a server: its idle time between requests is free
        }
        return new Sandbox(config, store, listen);
    }

    /**
     * What serves each HTTP exchange, on loopback or in process: {@code /graphql/v2} (and longer
     * paths, refused as not found) the API, anything else the admin endpoints. An exchange after
     * {@link #close} fails as a closed server's connection would: with an IOException, unanswered.
     */
    public HttpHandler handler() {
        return exchange -> {
            if (closed.get()) {
                exchange.close();
                throw new IOException("Connection refused: the tlctl sandbox is closed");
            }
            route(exchange);
        };
    }

    /** The routes the loopback server had as contexts: the longest matching prefix wins. */
    private void route(HttpExchange exchange) {
        if (exchange.getRequestURI().getPath().startsWith(HttpFront.GRAPHQL_PATH)) {
            front.graphql(exchange);
        } else {
            front.admin(exchange);
        }
    }

    /**
     * Starts readying, in the background (once per JVM), what a sandbox's first reads need: the
     * state file's reader ({@link StateReader}), then the answers to tlctl's first documents
     * ({@link DirectAnswer}, no GraphQL schema). Call it as soon as a sandbox is known to be
     * needed, so that the work overlaps other start-up work. graphql-java's engine is built when a
     * document needs it.
     */
    public static void warmUp() {
        if (!WARMED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Json.MAPPER.getFactory(); // the sandbox's mapper, which the state's reading needs first
                StateReader.warmUp();
                DirectAnswer.warmUp();
            } catch (RuntimeException e) {
                // met again where the work is needed, which falls back or reports it
            }
        }, "tlctl-sandbox-warm");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * As {@link #warmUp()}, and also starts building graphql-java's engine in the background: for
     * a client that will send documents the direct answers do not cover (writes: mutations).
     */
    public static void warmUpForWrites() {
        warmUp();
        GraphqlEngine.warmUp();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/graphql/v2}. */
    /** The store, for tests of this package. */
    Store store() {
        return store;
    }

    public URI graphqlUrl() {
        return baseUrl().resolve(HttpFront.GRAPHQL_PATH.substring(1));
    }

    /** {@code http://127.0.0.1:<port>/}; in process there is none (an IllegalStateException). */
    public URI baseUrl() {
        if (server == null) {
            throw new IllegalStateException("a sandbox started in process listens on no port: use handler()");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** The account token ({@code Authorization: Bearer}) this sandbox accepts. */
    public String accountToken() {
        return store.transaction(() -> FreshState.accountToken(store.state()).token);
    }

    /** Mints a workspace token (Bearer) for the named workspace (null: the default one); saved in the state. */
    public String mintWorkspaceToken(String workspaceNameOrNull) {
        return store.transaction(() -> Tokens.mintWorkspace(store, workspaceNameOrNull));
    }

    /**
     * Mints a project token ({@code Project-Access-Token}) for one environment of a project, both
     * by name; saved in the state. A missing project or environment is a {@link SandboxException}.
     */
    public String mintProjectToken(String projectName, String environmentName) {
        return store.transaction(() -> Tokens.mintProject(store, projectName, environmentName));
    }

    /** Requests, mutations, operations and fields since start or reset, and deployments per instance. */
    public SandboxStats stats() {
        return store.transaction(() -> stats.snapshot(store));
    }

    /**
     * A fresh state that keeps the account token; clears the counters and the rate-limit
     * windows, re-arms the once faults and restarts the fault stream from the seed.
     */
    public void reset() {
        store.reset(config.seed());
        stats.reset();
        limiter.reset();
        faults.reset();
    }

    /**
     * Sets the default workspace's customer.currentUsage, in dollars, overriding the figure
     * derived from the usage entries; {@link #useDerivedCurrentUsage()} undoes it.
     */
    public void setCurrentUsage(double dollars) {
        store.transaction(() -> Usage.setCurrentUsage(store, dollars));
    }

    /** Derives customer.currentUsage from the usage entries and Railway's list prices again (the default). */
    public void useDerivedCurrentUsage() {
        store.transaction(() -> Usage.setCurrentUsage(store, null));
    }

    /** Sets the default workspace's billing period (start inclusive, end exclusive). */
    public void setBillingPeriod(Instant start, Instant end) {
        store.transaction(() -> Usage.setBillingPeriod(store, start, end));
    }

    /**
     * Sets the usage of one measurement (a MetricMeasurement name such as CPU_USAGE, in Railway's
     * units: CPU_USAGE in vCPU-minutes, MEMORY_USAGE_GB and DISK_USAGE_GB in GB-minutes,
     * NETWORK_TX_GB in GB) for a project, or for one environment and/or service of it (null: not
     * that level), all by name; accrued evenly from the start of the billing period to now.
     * Replaces the entry with the same names and measurement.
     */
    public void setUsage(String project, String environment, String service, String measurement, double value) {
        setUsage(project, environment, service, measurement, value, null, null);
    }

    /** As {@link #setUsage(String, String, String, String, double)}, accrued evenly from {@code from} to {@code to}. */
    public void setUsage(String project, String environment, String service, String measurement, double value,
                         Instant from, Instant to) {
        store.transaction(() -> Usage.set(store, project, environment, service, measurement, value, from, to));
    }

    /**
     * Sets the default workspace's plan (FREE, HOBBY or PRO): Railway's per-plan limits on
     * replicas, vCPUs and memory follow it.
     */
    public void setWorkspacePlan(String plan) {
        if (!InstanceRules.PLANS.containsKey(plan)) {
            throw new IllegalArgumentException("Unknown plan " + plan + "; expected FREE, HOBBY or PRO");
        }
        store.transaction(() -> {
            store.state().workspaces.get(0).plan = plan;
            store.markDirty();
        });
    }

    /**
     * Railway makes the environment of a pull request opened on the project's repository
     * ({@code <project>-pr-<number>}, ephemeral, copied from the base environment), turning PR
     * environments on when they are off; returns its name. See {@link PullRequests}.
     */
    public String openPullRequest(String projectName, int number, String branch) {
        return store.transaction(() -> PullRequests.open(store, projectName, number, branch));
    }

    /** The pull request merged or closed: Railway deletes its environment; returns its name. */
    public String closePullRequest(String projectName, int number) {
        return store.transaction(() -> PullRequests.close(store, projectName, number));
    }

    /** A team workspace the sandbox's user does not belong to; returns its owner's account token. */
    public String addWorkspace(String name) {
        return store.transaction(() -> Members.addWorkspace(store, name));
    }

    /** Invites the sandbox's user to a project of another workspace (Railway's externalWorkspaces). */
    public void invite(String projectName) {
        store.transaction(() -> Members.invite(store, projectName));
    }

    /**
     * A new member of the sandbox's workspace with a role (ADMIN, MEMBER or DEPLOYER); returns
     * their account token. Members and deployers cannot open restricted environments.
     */
    public String addMember(String name, String role) {
        return store.transaction(() -> Members.addMember(store, name, role));
    }

    /** Marks an environment restricted (environment RBAC) or not, by names. */
    public void restrictEnvironment(String projectName, String environmentName, boolean restricted) {
        store.transaction(() -> Members.restrict(store, projectName, environmentName, restricted));
    }

    /**
     * Makes the next deployments of a service's instance fail, by names: {@code build} (FAILED
     * when the build ends), {@code crash} (CRASHED once deployed), {@code healthcheck} (FAILED
     * after {@code healthcheckTimeout} when a healthcheck path is set); {@code none} or null: they
     * succeed again. Deployments already made keep their fate.
     */
    public void failDeployments(String projectName, String environmentName, String serviceName, String failure) {
        Lifecycle.Failure parsed = Lifecycle.failure(failure);
        store.transaction(() -> Lifecycle.fail(store, projectName, environmentName, serviceName, parsed));
    }

    /** A project-level usage figure: {@code setUsage(project, null, null, measurement, value)}. */
    public void setMeasurement(String projectName, String measurement, double value) {
        setUsage(projectName, null, null, measurement, value);
    }

    /** Stops serving (once; later calls do nothing); the state file already holds every change. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (server == null) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
