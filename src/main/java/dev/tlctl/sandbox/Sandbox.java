package dev.tlctl.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embedded emulator of the part of Railway's public GraphQL API that tlctl uses, served on
 * loopback at {@code POST /graphql/v2}, with Railway's auth, rate limits and error shapes, a
 * JSON state file, injected faults and request statistics. Start one, point a client at
 * {@link #graphqlUrl()} with {@link #accountToken()}, close it when done.
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

    private final SandboxConfig config;
    private final Store store;
    private final Stats stats = new Stats();
    private final RateLimiter limiter;
    private final Faults faults;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Sandbox(SandboxConfig config, Store store) throws IOException {
        this.config = config;
        this.store = store;
        this.limiter = new RateLimiter(config.perHour(), config.perSecond(), config.clock());
        this.faults = Faults.parse(config.faults(), config.seed());
        HttpFront front = new HttpFront(this, store, GraphqlEngine.standard(), stats, limiter, faults);
        this.server = HttpServer.create(new InetSocketAddress(LOOPBACK, config.port()), 64);
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "tlctl-sandbox-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext(HttpFront.GRAPHQL_PATH, front::graphql);
        server.createContext("/_sandbox/", front::admin);
        server.createContext("/", front::admin);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts a sandbox on 127.0.0.1: loads the state file (a missing file is a fresh state), makes
     * {@code config.token()} its account token when given, and saves the file at once, so a
     * generated token survives a restart.
     */
    public static Sandbox start(SandboxConfig config) throws IOException {
        GraphqlEngine.standard();
        Store store = Store.open(config.stateFile(), config.token(), config.seed(), config.clock());
        return new Sandbox(config, store);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/graphql/v2}. */
    public URI graphqlUrl() {
        return baseUrl().resolve(HttpFront.GRAPHQL_PATH.substring(1));
    }

    /** {@code http://127.0.0.1:<port>/}. */
    public URI baseUrl() {
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

    /** Sets the default workspace's customer.currentUsage, in dollars. */
    public void setCurrentUsage(double dollars) {
        store.transaction(() -> {
            store.state().workspaces.get(0).customer.currentUsage = dollars;
            store.markDirty();
        });
    }

    /** Sets a usage measurement (a MetricMeasurement name such as CPU_USAGE) of a project, by name. */
    public void setMeasurement(String projectName, String measurement, double value) {
        if (!BillingOps.MEASUREMENTS.contains(measurement)) {
            throw new IllegalArgumentException("Unknown measurement " + measurement + "; expected one of "
                    + new java.util.TreeSet<>(BillingOps.MEASUREMENTS));
        }
        store.transaction(() -> {
            State.ProjectRec project = store.state().projects.stream()
                    .filter(p -> p.deletedAt == null && p.name.equals(projectName)).findFirst()
                    .orElseThrow(() -> new SandboxException("No project named " + projectName + " in the sandbox state"));
            store.state().measurements.computeIfAbsent(project.id, k -> new java.util.TreeMap<>()).put(measurement, value);
            store.markDirty();
        });
    }

    /** Stops serving (once; later calls do nothing); the state file already holds every change. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
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
