package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the workspace that holds a project, by name, in as few requests as the token allows. An
 * account token: one ({@code me} with each workspace's projects, and {@code externalWorkspaces}
 * with the projects the user was invited to elsewhere). A workspace token, for which {@code me}
 * fails: its workspaces ({@code apiToken}), then their projects asked of each workspace in one
 * request: root {@code projects} without a workspace lists personal projects only, which a
 * workspace token has none of (docs guides/manage-projects; railwayapp/docs issue #867). Without a
 * workspace named, the one that holds the project wins; when none does, the token's only own
 * workspace (where it will be created).
 */
final class WorkspaceFinder {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final RailwayTransport transport;

    WorkspaceFinder(RailwayTransport transport) {
        this.transport = transport;
    }

    /** A workspace and the ids of its projects by name (deleted ones left out). */
    record Workspace(String id, String name, Map<String, List<String>> projects) {
        String projectIdByName(String projectName) {
            List<String> ids = projects.getOrDefault(projectName, List.of());
            if (ids.size() > 1) {
                throw new LookupException("workspace " + name + " has " + ids.size() + " projects named " + projectName,
                        "Set project.id in the spec (or pass --project) to choose one of: " + String.join(", ", ids) + ".");
            }
            return ids.isEmpty() ? null : ids.get(0);
        }
    }

    /** A workspace the token reaches: a member's own, or (external) one it was invited into a project of. */
    private record Candidate(String id, String name, boolean own, Map<String, List<String>> projects, boolean morePages) {
        String label() {
            return name + " (" + id + ")";
        }
    }

    Workspace find(String wanted, String projectName) {
        if (wanted != null && UUID.matcher(wanted).matches()) {
            return pages(wanted, null, new HashMap<>(), null);
        }
        List<Candidate> candidates = candidates(projectName);
        if (wanted != null) {
            for (Candidate c : candidates) {
                if (wanted.equals(c.name()) || wanted.equals(c.id())) {
                    return load(List.of(c)).get(0);
                }
            }
            throw new LookupException("this token reaches no workspace named " + wanted, "It reaches: "
                    + String.join(", ", candidates.stream().map(Candidate::label).toList())
                    + ". Fix project.workspace in the spec or --workspace.");
        }
        if (candidates.isEmpty()) {
            throw new LookupException("this token reaches no workspace",
                    "Check the token: an account or workspace token is needed to find project " + projectName + ".");
        }
        List<Workspace> loaded = load(candidates);
        List<Workspace> holders = loaded.stream().filter(w -> w.projects().containsKey(projectName)).toList();
        if (holders.size() == 1) {
            return holders.get(0);
        }
        if (holders.size() > 1) {
            throw new LookupException("project " + projectName + " exists in " + holders.size() + " workspaces",
                    "Set project.workspace in the spec, or pass --workspace, with one of: " + String.join(", ",
                            holders.stream().map(w -> w.name() + " (" + w.id() + ")").toList()) + ".");
        }
        List<Candidate> own = candidates.stream().filter(Candidate::own).toList();
        if (own.size() == 1) {
            return loaded.get(candidates.indexOf(own.get(0)));
        }
        throw new LookupException("this token reaches " + own.size() + " workspaces; which one holds " + projectName + "?",
                "Set project.workspace in the spec, or pass --workspace, with one of: "
                        + String.join(", ", own.stream().map(Candidate::label).toList()) + ".");
    }

    /** The token's workspaces: with their projects for an account token, without for a workspace token. */
    private List<Candidate> candidates(String projectName) {
        List<Candidate> out = new ArrayList<>();
        try {
            JsonNode data = transport.execute(Documents.request("MyWorkspaces", "find project " + projectName,
                    Map.of(), true));
            for (JsonNode w : data.path("me").path("workspaces")) {
                JsonNode projects = w.path("projects");
                out.add(new Candidate(w.path("id").asText(), w.path("name").asText(), true, byName(projects.path("edges"), true),
                        projects.path("pageInfo").path("hasNextPage").asBoolean(false)));
            }
            for (JsonNode w : data.path("externalWorkspaces")) {
                out.add(new Candidate(w.path("id").asText(), w.path("name").asText(), false,
                        byName(w.path("projects"), false), false));
            }
        } catch (RailwayException e) {
            if (e.kind() != RailwayException.Kind.AUTH) {
                throw e;
            }
            // A workspace token: `me` fails; apiToken answers with its workspaces, not their projects.
            JsonNode data = transport.execute(Documents.request("TokenWorkspaces", "find the token's workspaces",
                    Map.of(), true));
            for (JsonNode w : data.path("apiToken").path("workspaces")) {
                out.add(new Candidate(w.path("id").asText(), w.path("name").asText(), true, null, false));
            }
        }
        return out;
    }

    /** The candidates with all their projects: those not read yet asked of their workspace, in one request. */
    private List<Workspace> load(List<Candidate> candidates) {
        List<Candidate> missing = candidates.stream().filter(c -> c.projects() == null).toList();
        Map<String, JsonNode> firstPages = new HashMap<>();
        if (!missing.isEmpty()) {
            BatchComposer batch = new BatchComposer("WorkspacesProjects");
            for (int i = 0; i < missing.size(); i++) {
                Map<String, Object> variables = new HashMap<>();
                variables.put("workspaceId", missing.get(i).id());
                variables.put("after", null);
                batch.add("w" + i, Documents.load("WorkspaceProjects"), variables);
            }
            DocumentBatch composed = batch.compose();
            JsonNode data = transport.execute(composed.request("list the projects of workspace "
                    + String.join(", ", missing.stream().map(Candidate::name).toList()), true));
            for (int i = 0; i < missing.size(); i++) {
                firstPages.put(missing.get(i).id(), composed.result(data, "w" + i));
            }
        }
        List<Workspace> out = new ArrayList<>();
        for (Candidate c : candidates) {
            JsonNode page = firstPages.get(c.id());
            if (page != null) {
                JsonNode projects = page.path("projects");
                Map<String, List<String>> byName = byName(projects.path("edges"), true);
                out.add(projects.path("pageInfo").path("hasNextPage").asBoolean(false)
                        ? pages(c.id(), c.name(), byName, projects.path("pageInfo").path("endCursor").asText())
                        : new Workspace(c.id(), c.name(), byName));
            } else if (c.morePages()) {
                out.add(pages(c.id(), c.name(), new HashMap<>(), null));
            } else {
                out.add(new Workspace(c.id(), c.name(), c.projects()));
            }
        }
        return out;
    }

    /** Reads a workspace's projects page by page from {@code after} (null: the first page) into {@code projects}. */
    private Workspace pages(String workspaceId, String name, Map<String, List<String>> projects, String after) {
        String workspaceName = name;
        String cursor = after;
        boolean first = after == null;
        while (first || cursor != null) {
            first = false;
            Map<String, Object> variables = new HashMap<>();
            variables.put("workspaceId", workspaceId);
            variables.put("after", cursor);
            JsonNode workspace = transport.execute(Documents.request("WorkspaceProjects",
                    "list the projects of workspace " + (name == null ? workspaceId : name), variables, true)).path("workspace");
            workspaceName = workspace.path("name").asText(workspaceName);
            byName(workspace.path("projects").path("edges"), true)
                    .forEach((k, v) -> projects.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
            JsonNode page = workspace.path("projects").path("pageInfo");
            cursor = page.path("hasNextPage").asBoolean(false) ? page.path("endCursor").asText() : null;
        }
        return new Workspace(workspaceId, workspaceName, projects);
    }

    /** Project ids by name, deleted ones left out, from connection edges ({@code edges}) or a plain list. */
    private static Map<String, List<String>> byName(JsonNode items, boolean edges) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode item : items) {
            JsonNode n = edges ? item.path("node") : item;
            if (n.path("deletedAt").isNull() || n.path("deletedAt").isMissingNode()) {
                out.computeIfAbsent(n.path("name").asText(), k -> new ArrayList<>()).add(n.path("id").asText());
            }
        }
        return out;
    }
}
