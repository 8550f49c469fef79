package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveServiceInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The operations tlctl performs on Railway, each in as few requests as possible: independent
 * writes share one request (aliases), reads take one or two. Creates ({@link Creations}) are
 * never blindly repeated, respect Railway's quotas and wait for what Railway makes visible late;
 * commits ({@link Commits}) preview change sets and stage before committing, as Railway's CLI.
 */
public final class RailwayClient implements ProjectWrites, AutoCloseable {
    private final RailwayTransport transport;
    private final ProjectReader reader;
    private final Creations creations;
    private final Commits commits;
    private final Waits waits;
    private final RuntimeCalls runtime;
    private final DeploymentPoller poller;

    public RailwayClient(RailwayTransport transport) {
        this.transport = transport;
        this.reader = new ProjectReader(transport);
        this.creations = new Creations(transport, reader);
        this.commits = new Commits(transport);
        this.waits = new Waits(transport.config());
        this.runtime = new RuntimeCalls(transport);
        this.poller = new DeploymentPoller(transport);
    }

    /** Deployments, domains and volumes: the calls that act on what runs. */
    public RuntimeCalls runtime() {
        return runtime;
    }

    /** Follows deployments until they end, one request per round for the whole project. */
    public DeploymentPoller deployments() {
        return poller;
    }

    /** HTTP requests sent so far, retries included. */
    public int requestCount() {
        return transport.requestCount();
    }

    public Optional<RateLimitStatus> lastRateLimit() {
        return transport.lastRateLimit();
    }

    /** Whether the token is a project token (one environment of one project, no billing). */
    public boolean projectToken() {
        Credentials credentials = transport.config().credentials();
        return credentials != null && credentials.isProjectToken();
    }

    /** Finds and reads the project; see {@link ProjectReader}. */
    public ReadResult read(ReadTarget target) {
        return reader.read(target);
    }

    /**
     * Finds and reads the project and, in the same request, its usage this billing period
     * ({@link ReadResult#usage()}: null when the token may not read billing or the project does
     * not exist); as many requests as {@link #read}.
     */
    public ReadResult readWithUsage(ReadTarget target) {
        return reader.read(target, true);
    }

    /** How many patches are read at each end of an environment's list. */
    static final int PATCH_WINDOW = 10;

    /**
     * The current {@code configEtag} of each environment and the patches at both ends of its
     * list, by id, in one request. If Railway refuses the patches (and only them), the etags are
     * read alone, and the heads come without patches: the lineage check is then not possible.
     */
    @Override
    public Map<String, EnvironmentHead> readHeads(List<String> environmentIds) {
        if (environmentIds.isEmpty()) {
            return Map.of();
        }
        try {
            return readHeads(environmentIds, true);
        } catch (RailwayException e) {
            if (e.errors().isEmpty() || !e.errors().stream().allMatch(error -> error.path() != null
                    && error.path().startsWith("p"))) {
                throw e;
            }
            return readHeads(environmentIds, false);
        }
    }

    private Map<String, EnvironmentHead> readHeads(List<String> environmentIds, boolean patches) {
        BatchComposer batch = new BatchComposer("EnvironmentEtags");
        for (int i = 0; i < environmentIds.size(); i++) {
            batch.add("e" + i, Documents.load("EnvironmentEtag"), Map.of("id", environmentIds.get(i)));
            if (patches) {
                batch.add("p" + i, Documents.load("EnvironmentPatches"), patchVariables(environmentIds.get(i)));
            }
        }
        DocumentBatch composed = batch.compose();
        JsonNode data = transport.execute(composed.request("re-read the config etags before writing", true));
        Map<String, EnvironmentHead> heads = new LinkedHashMap<>();
        for (int i = 0; i < environmentIds.size(); i++) {
            heads.put(environmentIds.get(i), new EnvironmentHead(composed.result(data, "e" + i).path("configEtag").asText(),
                    patches ? PatchRecord.of(composed.data(data, "p" + i)) : null));
        }
        return heads;
    }

    /**
     * The patches at both ends of each environment's list, by id, in one request: after an
     * unguarded write, what apply compares with what {@link #readHeads} read before it.
     */
    public Map<String, List<PatchRecord>> readPatches(List<String> environmentIds) {
        if (environmentIds.isEmpty()) {
            return Map.of();
        }
        BatchComposer batch = new BatchComposer("EnvironmentPatches");
        for (int i = 0; i < environmentIds.size(); i++) {
            batch.add("p" + i, Documents.load("EnvironmentPatches"), patchVariables(environmentIds.get(i)));
        }
        DocumentBatch composed = batch.compose();
        JsonNode data = transport.execute(composed.request("read the newest patches of the environments written", true));
        Map<String, List<PatchRecord>> patches = new LinkedHashMap<>();
        for (int i = 0; i < environmentIds.size(); i++) {
            patches.put(environmentIds.get(i), PatchRecord.of(composed.data(data, "p" + i)));
        }
        return patches;
    }

    private static Map<String, Object> patchVariables(String environmentId) {
        return Map.of("environmentId", environmentId, "window", PATCH_WINDOW);
    }

    @Override
    public CreatedProject createProject(String name, String workspaceId, String defaultEnvironment) {
        return creations.createProject(name, workspaceId, defaultEnvironment);
    }

    @Override
    public Map<String, String> createServices(String projectId, List<String> names) {
        return creations.createServices(projectId, names);
    }

    @Override
    public Map<String, Map<String, LiveServiceInstance>> awaitInstances(Map<String, Set<String>> expected,
            Map<String, String> environmentNames) {
        return creations.awaitInstances(expected, environmentNames);
    }

    @Override
    public Map<String, String> createEnvironments(String projectId, List<String> names) {
        return creations.createEnvironments(projectId, names);
    }

    /**
     * Creates one empty environment marked ephemeral (a preview), spaced and retried under
     * Railway's creation quota like every environment create; returns its id.
     */
    @Override
    public String createEphemeralEnvironment(String projectId, String name) {
        return creations.createEnvironment(projectId, name, true, null);
    }

    /**
     * Creates environment {@code name} as an ephemeral copy of {@code sourceId} (Railway's
     * {@code environmentCreate} with {@code sourceEnvironmentId}: services, settings and variables
     * copied, sealed ones excepted, and deployed), under the creation quota; returns its id.
     */
    public String copyEnvironment(String projectId, String name, String sourceId) {
        return creations.createEnvironment(projectId, name, true, sourceId);
    }

    /** Deletes one environment (its instances, variables and volumes go with it), in one request. */
    public void deleteEnvironment(String environmentId, String name) {
        commits.delete(List.of(), List.of(environmentId), "environment " + name);
    }

    /** Sets the project's pull request environment settings in one request; returns them as Railway has them now. */
    @Override
    public dev.tlctl.live.LivePullRequestSettings updatePullRequests(String projectId, String projectName,
            PullRequestSettingsWrite write) {
        JsonNode project = transport.execute(Documents.request("ProjectUpdate", "set the pull request environments of"
                + " project " + projectName, Map.of("id", projectId, "input", write.input()), true)).path("projectUpdate");
        return LiveMapper.pullRequests(project);
    }

    @Override
    public Map<String, String> commit(List<EnvironmentWrite> writes, UsageLimitWrite limit, String message) {
        return commits.commit(writes, limit, message);
    }

    @Override
    public void delete(List<String> serviceIds, List<String> environmentIds, String what) {
        commits.delete(serviceIds, environmentIds, what);
    }

    @Override
    public List<String> projectsNamed(String workspaceId, String name, String created) {
        return creations.projectsNamed(workspaceId, name, created);
    }

    @Override
    public void deleteProject(String id, String name) {
        transport.execute(Documents.request("ProjectDelete", "delete the duplicate project " + name + " (" + id + ")",
                Map.of("id", id), true));
    }

    /**
     * Reads the project back after an apply until {@code differences} finds nothing, bounded: a
     * read, then again after 2 and 4 seconds while something differs (Railway may not show a
     * commit it has just made: its writes are eventually consistent); returns what differs at the
     * last read ({@code ["project"]} when the project is gone). Each wait is announced.
     */
    public List<String> readBack(String projectName, String projectId, Function<LiveProject, List<String>> differences) {
        List<List<String>> last = new ArrayList<>();
        waits.until("the read-back of project " + projectName, "Railway may not show a commit it has just made yet",
                READ_BACK, () -> {
                    LiveProject after = reader.read(new ReadTarget(projectName, projectId, null, null)).state().project();
                    last.clear();
                    last.add(after == null ? List.of("project") : differences.apply(after));
                    return last.get(0).isEmpty();
                });
        return last.get(0);
    }

    /** The waits between read-backs that still differ. */
    static final List<Duration> READ_BACK = List.of(Duration.ofSeconds(2), Duration.ofSeconds(4));

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public void createDomain(String projectId, String environmentId, String serviceId, String customName, Integer port,
            String what) {
        if (customName == null) {
            runtime.createServiceDomain(environmentId, serviceId, port, what);
        } else {
            runtime.createCustomDomain(projectId, environmentId, serviceId, customName, port, what);
        }
    }

    @Override
    public void updateDomain(String domainId, boolean custom, String domain, String environmentId, String serviceId,
            Integer port, String what) {
        runtime.updateDomainPort(reference(domainId, custom, domain), environmentId, serviceId, port, what);
    }

    @Override
    public void deleteDomain(String domainId, boolean custom, String domain, String what) {
        runtime.deleteDomain(reference(domainId, custom, domain), what);
    }

    private static dev.tlctl.live.LiveDomain reference(String id, boolean custom, String domain) {
        return new dev.tlctl.live.LiveDomain(id, custom ? dev.tlctl.live.LiveDomain.Kind.CUSTOM
                : dev.tlctl.live.LiveDomain.Kind.RAILWAY, domain, null, !custom, List.of());
    }

    @Override
    public String createVolume(String projectId, String environmentId, String serviceId, String mountPath, String what) {
        return runtime.createVolume(projectId, environmentId, serviceId, mountPath, what);
    }
}
