package dev.tlctl.apply;

import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.railway.ProjectWrites;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A fake Railway for the applier: records every write as one line (patches with secrets masked),
 * answers with deterministic ids, and fails a chosen call.
 */
final class RecordingWrites implements ProjectWrites {
    final List<String> calls = new ArrayList<>();
    final Map<String, String> etags = new LinkedHashMap<>();
    private Function<String, RuntimeException> failure = call -> null;

    /** Makes the first call whose line starts with {@code prefix} throw {@code error}. */
    RecordingWrites failOn(String prefix, RuntimeException error) {
        boolean[] done = {false};
        failure = call -> !done[0] && call.startsWith(prefix) && (done[0] = true) ? error : null;
        return this;
    }

    private void record(String call) {
        calls.add(call);
        RuntimeException error = failure.apply(call);
        if (error != null) {
            throw error;
        }
    }

    @Override
    public CreatedProject createProject(String name, String workspaceId, String defaultEnvironment) {
        record("createProject " + name + " in " + workspaceId + " with " + defaultEnvironment);
        return new CreatedProject("prj-new", defaultEnvironment, "env-" + defaultEnvironment);
    }

    @Override
    public Map<String, String> createEnvironments(String projectId, List<String> names) {
        record("createEnvironments " + projectId + " " + names);
        Map<String, String> ids = new LinkedHashMap<>();
        names.forEach(n -> ids.put(n, "env-" + n));
        return ids;
    }

    @Override
    public dev.tlctl.live.LivePullRequestSettings updatePullRequests(String projectId, String projectName,
            dev.tlctl.railway.PullRequestSettingsWrite write) {
        record("updatePullRequests " + projectId + " " + write);
        return new dev.tlctl.live.LivePullRequestSettings(Boolean.TRUE.equals(write.enabled()), write.baseEnvironmentId(),
                Boolean.TRUE.equals(write.focused()), Boolean.TRUE.equals(write.bots()));
    }

    @Override
    public String createEphemeralEnvironment(String projectId, String name) {
        record("createEphemeralEnvironment " + projectId + " " + name);
        return "env-" + name;
    }

    @Override
    public Map<String, String> createServices(String projectId, List<String> names) {
        record("createServices " + projectId + " " + names);
        Map<String, String> ids = new LinkedHashMap<>();
        names.forEach(n -> ids.put(n, "svc-" + n));
        return ids;
    }

    /** What {@link #readHeads} lists as each environment's patches (by id); none by default. */
    final Map<String, List<dev.tlctl.railway.PatchRecord>> patches = new LinkedHashMap<>();
    /** The message of every commit, in order. */
    final List<String> messages = new ArrayList<>();

    @Override
    public Map<String, EnvironmentHead> readHeads(List<String> environmentIds) {
        record("readEtags " + environmentIds);
        Map<String, EnvironmentHead> out = new LinkedHashMap<>();
        environmentIds.forEach(id -> out.put(id, new EnvironmentHead(etags.getOrDefault(id,
                "etag-" + id.substring("env-".length())), patches.getOrDefault(id, List.of()))));
        return out;
    }

    @Override
    public Map<String, String> commit(List<EnvironmentWrite> writes, UsageLimitWrite limit, String message) {
        messages.add(message);
        StringBuilder line = new StringBuilder("commit");
        for (EnvironmentWrite w : writes) {
            line.append(' ').append(w.name()).append('=').append(w.patch() != null ? w.patch().masked()
                    : "changeSet@" + w.baseConfigEtag() + w.changeSet().masked());
        }
        if (limit != null) {
            line.append(" limit=").append(limit);
        }
        record(line.toString());
        Map<String, String> ids = new LinkedHashMap<>();
        writes.stream().filter(w -> w.patch() != null).forEach(w -> ids.put(w.name(), "patch-" + w.name()));
        return ids;
    }

    @Override
    public void delete(List<String> serviceIds, List<String> environmentIds, String what) {
        record("delete services " + serviceIds + " environments " + environmentIds);
    }

    /** What {@link #projectsNamed} answers: by default, only the project this apply created. */
    final List<String> twins = new ArrayList<>(List.of("prj-new"));

    @Override
    public List<String> projectsNamed(String workspaceId, String name, String created) {
        record("projectsNamed " + workspaceId + " " + name + " listing " + created);
        return List.copyOf(twins);
    }

    /** What {@link #awaitInstances} answers, by environment id then service id: by default nothing Railway filled in. */
    final Map<String, Map<String, LiveServiceInstance>> shown = new LinkedHashMap<>();

    @Override
    public Map<String, Map<String, LiveServiceInstance>> awaitInstances(Map<String, Set<String>> expected,
            Map<String, String> environmentNames) {
        record("awaitInstances " + expected);
        Map<String, Map<String, LiveServiceInstance>> out = new LinkedHashMap<>();
        expected.forEach((env, services) -> {
            Map<String, LiveServiceInstance> instances = new LinkedHashMap<>();
            services.forEach(id -> instances.put(id, shown.getOrDefault(env, Map.of()).getOrDefault(id,
                    new LiveServiceInstance(id, new java.util.TreeMap<>(), Map.of()))));
            out.put(env, instances);
        });
        return out;
    }

    @Override
    public void deleteProject(String id, String name) {
        record("deleteProject " + id);
    }

    @Override
    public void createDomain(String projectId, String environmentId, String serviceId, String customName, Integer port,
            String what) {
        record("createDomain " + environmentId + " " + serviceId + " " + (customName == null ? "railway" : customName)
                + " port " + port);
    }

    @Override
    public void updateDomain(String domainId, boolean custom, String domain, String environmentId, String serviceId,
            Integer port, String what) {
        record("updateDomain " + domainId + " " + domain + " port " + port);
    }

    @Override
    public void deleteDomain(String domainId, boolean custom, String domain, String what) {
        record("deleteDomain " + domainId + " " + domain);
    }

    @Override
    public String createVolume(String projectId, String environmentId, String serviceId, String mountPath, String what) {
        record("createVolume " + environmentId + " " + serviceId + " " + mountPath);
        return "volume-" + environmentId + "-" + serviceId;
    }
}
