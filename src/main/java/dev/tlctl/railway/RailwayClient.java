package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The operations tlctl performs on Railway, each in as few requests as possible: independent
 * writes share one request (aliases), reads take one or two. Creates are never blindly repeated:
 * when a create's answer is lost, the client reads what exists and creates only what is missing.
 */
public final class RailwayClient implements ProjectWrites, AutoCloseable {
    private final RailwayTransport transport;
    private final ProjectReader reader;
    private final CreateBudget budget;

    public RailwayClient(RailwayTransport transport) {
        this.transport = transport;
        this.reader = new ProjectReader(transport);
        this.budget = new CreateBudget(transport.config());
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

    /** The current {@code configEtag} of each environment, by id, in one request. */
    @Override
    public Map<String, String> readEtags(List<String> environmentIds) {
        if (environmentIds.isEmpty()) {
            return Map.of();
        }
        BatchComposer batch = new BatchComposer("EnvironmentEtags");
        for (int i = 0; i < environmentIds.size(); i++) {
            batch.add("e" + i, Documents.load("EnvironmentEtag"), Map.of("id", environmentIds.get(i)));
        }
        DocumentBatch composed = batch.compose();
        JsonNode data = transport.execute(composed.request("re-read the config etags before writing", true));
        Map<String, String> etags = new LinkedHashMap<>();
        for (int i = 0; i < environmentIds.size(); i++) {
            etags.put(environmentIds.get(i), composed.result(data, "e" + i).path("configEtag").asText());
        }
        return etags;
    }

    /**
     * Creates the project with its default environment. If the answer is lost, finds the project
     * by name first and creates it only if it is still missing.
     */
    @Override
    public CreatedProject createProject(String name, String workspaceId, String defaultEnvironment) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("workspaceId", workspaceId);
        input.put("defaultEnvironmentName", defaultEnvironment);
        try {
            JsonNode project = transport.execute(Documents.request("ProjectCreate", "create project " + name,
                    Map.of("input", input), false)).path("projectCreate");
            String envName = null;
            String envId = null;
            for (JsonNode edge : project.path("environments").path("edges")) {
                JsonNode node = edge.path("node");
                if (envId == null || node.path("name").asText().equals(defaultEnvironment)) {
                    envName = node.path("name").asText();
                    envId = node.path("id").asText();
                }
            }
            return new CreatedProject(project.path("id").asText(), envName, envId);
        } catch (RailwayException e) {
            if (!e.outcomeUnknown()) {
                throw e;
            }
            ReadResult found = reader.read(ReadTarget.byName(name, workspaceId));
            LiveProject project = found.state().project();
            if (project == null) {
                budget.again("create project " + name, e);
                return createProject(name, workspaceId, defaultEnvironment);
            }
            LiveEnvironment env = project.environment(defaultEnvironment)
                    .orElse(project.environments().isEmpty() ? null : project.environments().get(0));
            return new CreatedProject(project.id(), env == null ? null : env.name(), env == null ? null : env.id());
        }
    }

    /**
     * Creates services without a source (so nothing deploys yet), in one request; returns their
     * ids by name. Without an environment id, Railway adds them to every environment that is not
     * a fork. If the answer is lost, reads the project and creates only the missing ones.
     */
    @Override
    public Map<String, String> createServices(String projectId, List<String> names) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return ids;
        }
        BatchComposer batch = new BatchComposer("ServiceCreates");
        for (int i = 0; i < names.size(); i++) {
            batch.add("s" + i, Documents.load("ServiceCreate"),
                    Map.of("input", Map.of("projectId", projectId, "name", names.get(i))));
        }
        DocumentBatch composed = batch.compose();
        try {
            JsonNode data = transport.execute(composed.request("create services " + String.join(", ", names), false));
            for (int i = 0; i < names.size(); i++) {
                ids.put(names.get(i), composed.result(data, "s" + i).path("id").asText());
            }
            return ids;
        } catch (RailwayException e) {
            return recoverCreates(e, projectId, names, name -> name,
                    (project, name) -> project.service(name).map(LiveService::id),
                    missing -> createServices(projectId, missing));
        }
    }

    /**
     * Creates empty environments in one request (never from a source: a copy would hold another
     * environment's secrets until the next commit). If the answer is lost, reads the project and
     * creates only the missing ones.
     */
    @Override
    public Map<String, String> createEnvironments(String projectId, List<String> names) {
        Map<String, String> created = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return created;
        }
        BatchComposer batch = new BatchComposer("EnvironmentCreates");
        for (int i = 0; i < names.size(); i++) {
            batch.add("n" + i, Documents.load("EnvironmentCreate"),
                    Map.of("input", Map.of("projectId", projectId, "name", names.get(i))));
        }
        DocumentBatch composed = batch.compose();
        try {
            JsonNode data = transport.execute(composed.request("create environment " + String.join(", ", names), false));
            for (int i = 0; i < names.size(); i++) {
                created.put(names.get(i), composed.result(data, "n" + i).path("id").asText());
            }
            return created;
        } catch (RailwayException e) {
            return recoverCreates(e, projectId, names, name -> name,
                    (project, name) -> project.environment(name).map(LiveEnvironment::id),
                    missing -> createEnvironments(projectId, missing));
        }
    }

    /**
     * Writes every environment (one patch or one change set each) and the usage limit, all in one
     * request: they are independent. Patches are safe to repeat; a change set is not sent again
     * after a lost answer (its base etag would no longer match), and a change set Railway is still
     * applying is polled until it ends.
     */
    @Override
    public void commit(List<EnvironmentWrite> writes, UsageLimitWrite limit, String message) {
        BatchComposer batch = new BatchComposer("Commit");
        List<String> what = new ArrayList<>();
        Map<String, EnvironmentWrite> aliases = new LinkedHashMap<>();
        int i = 0;
        for (EnvironmentWrite write : writes) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("environmentId", write.environmentId());
            variables.put("commitMessage", message);
            String alias;
            if (write.staged() == Staged.DISCARD) {
                Map<String, Object> discard = new HashMap<>();
                discard.put("environmentId", write.environmentId());
                discard.put("input", ConfigCodec.newObject());
                discard.put("merge", false);
                batch.add("d" + i, Documents.load("EnvironmentStageChanges"), discard);
            }
            if (write.staged() == Staged.INCLUDE) {
                Map<String, Object> stage = new HashMap<>();
                stage.put("environmentId", write.environmentId());
                stage.put("input", write.patch().json());
                stage.put("merge", true);
                batch.add("s" + i, Documents.load("EnvironmentStageChanges"), stage);
                alias = "k" + i++;
                batch.add(alias, Documents.load("EnvironmentPatchCommitStaged"), variables);
            } else if (write.changeSet() != null) {
                alias = "c" + i++;
                variables.put("input", write.changeSet().input());
                variables.put("baseConfigEtag", write.baseConfigEtag());
                variables.put("waitForCompletion", true);
                batch.add(alias, Documents.load("EnvironmentApplyChangeSet"), variables);
            } else {
                alias = "p" + i++;
                variables.put("patch", write.patch().json());
                batch.add(alias, Documents.load("EnvironmentPatchCommit"), variables);
            }
            aliases.put(alias, write);
        }
        if (!writes.isEmpty()) {
            what.add("the config of " + (writes.size() == 1 ? "environment " : "environments ")
                    + String.join(", ", writes.stream().map(EnvironmentWrite::name).toList()));
        }
        if (limit != null) {
            if (limit.remove()) {
                batch.add("limit", Documents.load("UsageLimitRemove"), Map.of("input", Map.of("customerId", limit.customerId())));
                what.add("remove the usage limit");
            } else {
                Map<String, Object> input = new HashMap<>();
                input.put("customerId", limit.customerId());
                input.put("softLimitDollars", limit.softLimitDollars());
                input.put("hardLimitDollars", limit.hardLimitDollars());
                batch.add("limit", Documents.load("UsageLimitSet"), Map.of("input", input));
                what.add("set the usage limit");
            }
        }
        if (what.isEmpty()) {
            return;
        }
        // A change set is not sent again (its base etag would no longer match), nor a staged commit.
        boolean repeatable = writes.stream().allMatch(w -> w.changeSet() == null && w.staged() != Staged.INCLUDE);
        DocumentBatch composed = batch.compose();
        JsonNode data;
        try {
            data = transport.execute(composed.request("commit " + String.join(" and ", what), repeatable));
        } catch (RailwayException e) {
            List<String> stale = new ArrayList<>();
            for (RailwayException.GraphQLError error : e.errors()) {
                if (StaleEnvironmentException.CODE.equals(error.code()) && error.path() != null) {
                    EnvironmentWrite write = aliases.get(error.path().split("\\.")[0]);
                    if (write != null) {
                        stale.add(write.name());
                    }
                }
            }
            if (!stale.isEmpty()) {
                throw new StaleEnvironmentException(stale, e);
            }
            throw e;
        }
        aliases.forEach((alias, write) -> {
            if (write.changeSet() != null) {
                finish(write, composed.result(data, alias));
            }
        });
    }

    /** How long to wait for a change set Railway applies in the background: 60 polls, a second apart. */
    private static final int POLLS = 60;

    /** Waits for a change set to end; throws unless Railway applied all of it. */
    private void finish(EnvironmentWrite write, JsonNode result) {
        JsonNode answer = result;
        for (int poll = 0; "applying".equals(answer.path("status").asText()); poll++) {
            if (poll >= POLLS) {
                throw new ChangeSetFailedException(write.name(), "it was still being applied after " + POLLS
                        + " seconds; its outcome is unknown. Run tlctl plan in a while to see where it stands");
            }
            try {
                transport.config().sleeper().sleep(java.time.Duration.ofSeconds(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChangeSetFailedException(write.name(), "interrupted while Railway was still applying it");
            }
            answer = transport.execute(Documents.request("EnvironmentChangeSetApply", "wait for the changes to environment "
                    + write.name(), Map.of("environmentId", write.environmentId(), "id", result.path("id").asText()), true))
                    .path("environmentChangeSetApply");
        }
        String status = answer.path("status").asText();
        List<String> failed = new ArrayList<>();
        for (JsonNode change : answer.path("changes")) {
            if ("failed".equals(change.path("status").asText())) {
                failed.add(change.path("path").asText(change.path("kind").asText()));
            }
        }
        if (!"applied".equals(status) || !failed.isEmpty()) {
            throw new ChangeSetFailedException(write.name(), "Railway answered status \"" + status + "\""
                    + (failed.isEmpty() ? "" : " with failed changes " + String.join(", ", failed))
                    + ". Run tlctl plan to see what was applied");
        }
    }

    /** Deletes services (everywhere) and environments, in one request. */
    @Override
    public void delete(List<String> serviceIds, List<String> environmentIds, String what) {
        BatchComposer batch = new BatchComposer("Deletes");
        int i = 0;
        for (String id : serviceIds) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", id);
            batch.add("d" + i++, Documents.load("ServiceDelete"), variables);
        }
        for (String id : environmentIds) {
            batch.add("d" + i++, Documents.load("EnvironmentDelete"), Map.of("id", id));
        }
        if (i > 0) {
            transport.execute(batch.compose().request("delete " + what, true));
        }
    }

    @Override
    public List<String> projectsNamed(String workspaceId, String name) {
        record Found(String id, java.time.Instant createdAt) {}
        List<Found> found = new ArrayList<>();
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("workspaceId", workspaceId);
            variables.put("after", after);
            JsonNode projects = transport.execute(Documents.request("ProjectTwins", "look for another project named "
                    + name, variables, true)).path("workspace").path("projects");
            for (JsonNode edge : projects.path("edges")) {
                JsonNode node = edge.path("node");
                if (node.path("name").asText().equals(name) && node.path("deletedAt").isNull()) {
                    found.add(new Found(node.path("id").asText(), instant(node.path("createdAt").asText())));
                }
            }
            JsonNode page = projects.path("pageInfo");
            after = page.path("hasNextPage").asBoolean(false) ? page.path("endCursor").asText() : null;
        } while (after != null);
        // Ties fall to the id, so that every client running this picks the same one.
        found.sort(java.util.Comparator.comparing(Found::createdAt).thenComparing(Found::id));
        return found.stream().map(Found::id).toList();
    }

    /** An ISO-8601 date-time; one that cannot be read sorts last. */
    private static java.time.Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.MAX;
        }
    }

    @Override
    public void deleteProject(String id, String name) {
        transport.execute(Documents.request("ProjectDelete", "delete the duplicate project " + name + " (" + id + ")",
                Map.of("id", id), true));
    }

    /**
     * After a batch of creates failed: if an answer may have been lost (or some parts succeeded),
     * reads the project, keeps what exists, and creates only what is still missing. A create
     * Railway refused is reported, never retried.
     */
    private <T, R> Map<String, R> recoverCreates(RailwayException e, String projectId, List<T> requested,
            Function<T, String> nameOf, BiFunction<LiveProject, String, Optional<R>> existing,
            Function<List<T>, Map<String, R>> create) {
        if (!e.outcomeUnknown() && e.partialData().isEmpty()) {
            throw e;
        }
        LiveProject project = readProject(projectId);
        Map<String, R> found = new LinkedHashMap<>();
        List<T> missing = new ArrayList<>();
        for (T item : requested) {
            String name = nameOf.apply(item);
            existing.apply(project, name).ifPresentOrElse(r -> found.put(name, r), () -> missing.add(item));
        }
        if (!e.outcomeUnknown() && !missing.isEmpty()) {
            throw e; // Railway refused some: report it rather than retry a refused create
        }
        if (!missing.isEmpty()) {
            budget.again("create " + String.join(", ", missing.stream().map(nameOf).toList()), e);
            found.putAll(create.apply(missing));
        }
        return found;
    }

    private LiveProject readProject(String projectId) {
        LiveState state = reader.readProjectById(projectId);
        return state.project();
    }

    @Override
    public void close() {
        transport.close();
    }
}
