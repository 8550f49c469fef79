package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.railway.ProjectWrites.CreatedProject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creating projects, environments and services on Railway, which does not answer some of them at
 * once and refuses others inside its quotas. Projects and environments go one per request: a
 * failing part of a batched document nulls the whole answer, ids of the parts that worked
 * included, and the quota guarantees the second environment of a batch fails; environments are
 * spaced by Railway's window ({@link CreationQuota}). Services share a request: they have no
 * quota, and a batch that fails is read back by name before anything is sent again, so a failed
 * part never leaves a duplicate or a lost id. A create is never blindly repeated: when its answer
 * is lost, the project is read and only what is missing is created again ({@link CreateBudget}).
 * What was just created is waited for, bounded and announced, before anything writes to it: a new
 * service's instances, a new project in its workspace's list.
 */
final class Creations {
    private final RailwayTransport transport;
    private final ProjectReader reader;
    private final CreateBudget budget;
    private final CreationQuota quota;
    private final Waits waits;

    Creations(RailwayTransport transport, ProjectReader reader) {
        this.transport = transport;
        this.reader = reader;
        this.budget = new CreateBudget(transport.config());
        this.quota = new CreationQuota(transport.config().clock());
        this.waits = new Waits(transport.config());
    }

    CreatedProject createProject(String name, String workspaceId, String defaultEnvironment) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", name);
        input.put("workspaceId", workspaceId);
        input.put("defaultEnvironmentName", defaultEnvironment);
        for (int attempt = 1; ; attempt++) {
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
                if (CreationQuota.refused(e) && attempt < CreationQuota.ATTEMPTS) {
                    waits.sleep("project " + name, "Railway creates one project per workspace every 30 s",
                            CreationQuota.after(e));
                    // Someone created a project in this workspace a moment ago: another run, maybe of this
                    // very spec. Look before creating a twin.
                    LiveProject other = reader.read(ReadTarget.byName(name, workspaceId)).state().project();
                    if (other != null) {
                        LiveEnvironment env = defaultOf(other, defaultEnvironment);
                        return new CreatedProject(other.id(), env == null ? null : env.name(),
                                env == null ? null : env.id(), true);
                    }
                    continue;
                }
                if (!e.outcomeUnknown()) {
                    throw e;
                }
                LiveProject project = lookForLostProject(name, workspaceId);
                if (project == null) {
                    budget.again("create project " + name, e);
                    continue;
                }
                LiveEnvironment env = defaultOf(project, defaultEnvironment);
                return new CreatedProject(project.id(), env == null ? null : env.name(), env == null ? null : env.id());
            }
        }
    }

    /**
     * After a project create whose answer was lost: the project, if it exists. Lists show a new
     * project only a moment later, so the workspace's list is looked at until it shows one of that
     * name, bounded by {@link Waits#VISIBILITY} (one request a look); without a workspace id, one
     * read by name.
     */
    private LiveProject lookForLostProject(String name, String workspaceId) {
        if (workspaceId == null) {
            return reader.read(ReadTarget.byName(name, null)).state().project();
        }
        List<String> found = new ArrayList<>();
        waits.until("project " + name, "Railway lists a new project a moment after creating it", Waits.VISIBILITY,
                () -> {
                    found.clear();
                    found.addAll(projectsNamed(workspaceId, name));
                    return !found.isEmpty();
                });
        return found.isEmpty() ? null : reader.readProjectById(found.get(0)).project();
    }

    private static LiveEnvironment defaultOf(LiveProject project, String name) {
        return project.environment(name).orElse(project.environments().isEmpty() ? null : project.environments().get(0));
    }

    /**
     * One request per environment, sent at once; after Railway refused one for its quota, each
     * later one spaced from the previous by the window.
     */
    Map<String, String> createEnvironments(String projectId, List<String> names) {
        Map<String, String> created = new LinkedHashMap<>();
        for (String name : names) {
            created.put(name, createEnvironment(projectId, name, false, null));
        }
        return created;
    }

    /**
     * Creates one environment, empty (nothing copied) or, with {@code sourceId}, a copy of that one
     * (Railway's fork: its services, settings and variables, deployed); {@code ephemeral} marks it as
     * Railway marks its pull request environments ({@code isEphemeral}).
     */
    String createEnvironment(String projectId, String name, boolean ephemeral, String sourceId) {
        Map<String, Object> input = new LinkedHashMap<>(Map.of("projectId", projectId, "name", name));
        if (ephemeral) {
            input.put("ephemeral", true);
        }
        if (sourceId != null) {
            input.put("sourceEnvironmentId", sourceId);
        }
        String subject = "environment " + name;
        String reason = "Railway creates one environment per user every 30 s";
        Duration spacing = quota.untilNextEnvironment();
        if (!spacing.isZero()) {
            waits.sleep(subject, reason, spacing);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                JsonNode env = transport.execute(Documents.request("EnvironmentCreate", "create environment " + name,
                        Map.of("input", input), false)).path("environmentCreate");
                quota.environmentCreated();
                return env.path("id").asText();
            } catch (RailwayException e) {
                if (CreationQuota.refused(e) && attempt < CreationQuota.ATTEMPTS) {
                    quota.environmentRefused();
                    waits.sleep(subject, reason, CreationQuota.after(e));
                    continue;
                }
                if (!e.outcomeUnknown()) {
                    throw e;
                }
                Optional<String> found = reader.readProjectById(projectId).project().environment(name)
                        .map(LiveEnvironment::id);
                if (found.isPresent()) {
                    quota.environmentCreated();
                    return found.get();
                }
                budget.again("create environment " + name, e);
            }
        }
    }

    /**
     * Creates services without a source (so nothing deploys yet), in one request; returns their
     * ids by name. If the request fails, reads the project by name first and creates only the
     * missing ones, and only when Railway's answer was lost (a create it refused is reported).
     */
    Map<String, String> createServices(String projectId, List<String> names) {
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
            return recoverServices(e, projectId, names);
        }
    }

    /**
     * Waits until every expected instance (service ids by environment id) is in its environment's
     * config, reading all the environments in one request per check, bounded by
     * {@link Waits#VISIBILITY}; returns them as read. A new service's instances "materialise a
     * moment later" and a write to one before then is "ServiceInstance not found"
     * (micah5/terraform-provider-railway-next, {@code waitForServiceInstance}).
     */
    Map<String, Map<String, LiveServiceInstance>> awaitInstances(Map<String, Set<String>> expected,
            Map<String, String> environmentNames) {
        Map<String, Map<String, LiveServiceInstance>> seen = new LinkedHashMap<>();
        if (expected.isEmpty()) {
            return seen;
        }
        List<String> ids = new ArrayList<>(expected.keySet());
        String subject = "the new services' instances in " + String.join(", ",
                ids.stream().map(id -> environmentNames.getOrDefault(id, id)).toList());
        boolean visible = waits.until(subject, "Railway makes a new service's instances visible a moment after"
                + " creating it", Waits.VISIBILITY, () -> {
                    BatchComposer batch = new BatchComposer("EnvironmentInstances");
                    for (int i = 0; i < ids.size(); i++) {
                        batch.add("e" + i, Documents.load("EnvironmentInstances"), Map.of("id", ids.get(i)));
                    }
                    DocumentBatch composed = batch.compose();
                    JsonNode data = transport.execute(composed.request("look for the new services' instances", true));
                    boolean all = true;
                    for (int i = 0; i < ids.size(); i++) {
                        JsonNode config = LiveMapper.config(composed.result(data, "e" + i).get("config"));
                        Map<String, LiveServiceInstance> instances = ConfigCodec.readInstances(config);
                        instances.keySet().retainAll(expected.get(ids.get(i)));
                        seen.put(ids.get(i), instances);
                        all &= instances.keySet().containsAll(expected.get(ids.get(i)));
                    }
                    return all;
                });
        if (!visible) {
            throw new WaitGaveUpException("Railway did not make " + subject + " visible within "
                    + Waits.total(Waits.VISIBILITY).toSeconds() + " s of creating the services; they were created."
                    + " Run tlctl apply again in a minute to finish.");
        }
        return seen;
    }

    /**
     * The ids of the workspace's live projects named {@code name}, oldest first (by creation time,
     * then id), once project {@code created} is among them: a new project is missing from lists
     * for a few seconds, and a list without it cannot tell whether another run made a twin at the
     * same moment. Bounded by {@link Waits#VISIBILITY}.
     */
    List<String> projectsNamed(String workspaceId, String name, String created) {
        List<List<String>> found = new ArrayList<>();
        boolean listed = waits.until("project " + name, "Railway lists a new project a moment after creating it",
                created == null ? List.of() : Waits.VISIBILITY, () -> {
                    List<String> ids = projectsNamed(workspaceId, name);
                    found.clear();
                    found.add(ids);
                    return created == null || ids.contains(created);
                });
        if (!listed) {
            throw new WaitGaveUpException("Railway does not list project " + name + " (" + created + ") "
                    + Waits.total(Waits.VISIBILITY).toSeconds() + " s after creating it, so tlctl cannot check that"
                    + " no other run created one at the same moment. The project was created; run tlctl apply again"
                    + " in a minute: it finds the project by name.");
        }
        return found.get(0);
    }

    private List<String> projectsNamed(String workspaceId, String name) {
        record Found(String id, Instant createdAt) {}
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
        found.sort(Comparator.comparing(Found::createdAt).thenComparing(Found::id));
        return found.stream().map(Found::id).toList();
    }

    /** An ISO-8601 date-time; one that cannot be read sorts last. */
    private static Instant instant(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.MAX;
        }
    }

    /**
     * After a batch of service creates failed: reads the project, keeps the services that exist,
     * and creates only those still missing, and only when an answer may have been lost. A create
     * Railway refused is reported, never retried.
     */
    private Map<String, String> recoverServices(RailwayException e, String projectId, List<String> requested) {
        if (!e.outcomeUnknown() && e.partialData().isEmpty()) {
            throw e;
        }
        LiveProject project = reader.readProjectById(projectId).project();
        Map<String, String> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : requested) {
            project.service(name).map(LiveService::id).ifPresentOrElse(id -> found.put(name, id), () -> missing.add(name));
        }
        if (!e.outcomeUnknown() && !missing.isEmpty()) {
            throw e; // Railway refused some: report it rather than retry a refused create
        }
        if (!missing.isEmpty()) {
            budget.again("create " + (missing.size() == 1 ? "service " : "services ") + String.join(", ", missing), e);
            found.putAll(createServices(projectId, missing));
        }
        return found;
    }
}
