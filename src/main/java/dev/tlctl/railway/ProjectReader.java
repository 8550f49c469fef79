package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveUsage;
import dev.tlctl.live.LiveWorkspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the project and reads all of it in as few requests as the token allows: one with a known
 * project id; two by name with an account token (the user's workspaces and their projects, then
 * the project); four with a workspace token the first time ({@code me}, which fails for it; its
 * workspaces; their projects; the project), see {@link WorkspaceFinder}. Pages past Railway's
 * page size cost one request per extra page.
 */
final class ProjectReader {
    private final RailwayTransport transport;
    private final WorkspaceFinder workspaces;

    ProjectReader(RailwayTransport transport) {
        this.transport = transport;
        this.workspaces = new WorkspaceFinder(transport);
    }

    ReadResult read(ReadTarget target) {
        return read(target, false);
    }

    /**
     * Reads the project; with {@code usage}, in the same request as the project, its usage this
     * billing period and the period (null in the result when the token may not read billing, or
     * the project does not exist). A project token never reads usage.
     */
    ReadResult read(ReadTarget target, boolean usage) {
        Credentials credentials = transport.config().credentials();
        if (credentials != null && credentials.isProjectToken()) {
            return readWithProjectToken(target);
        }
        boolean stale = false;
        if (target.projectId() != null) {
            ReadResult found = readById(target.projectId(), target.projectName(), true, usage);
            if (found != null) {
                return found;
            }
            if (target.idOrigin() != null && target.projectName() == null) {
                throw new LookupException("Railway knows no project with id " + target.projectId() + " ("
                        + target.idOrigin() + ")", "This token finds no project with that id: it was deleted, it"
                        + " belongs to another workspace or account, or the id is mistyped.");
            }
            if (target.idOrigin() != null) {
                throw new LookupException("Railway knows no project " + target.projectName() + " with id "
                        + target.projectId() + " (" + target.idOrigin() + ")", "This token finds no project with that"
                        + " id and name: it was deleted, it belongs to another workspace or account, or the id is"
                        + " mistyped. Fix or remove " + target.idOrigin() + " (without an id, tlctl finds the project"
                        + " by name).");
            }
            stale = true;
        }
        WorkspaceFinder.Workspace workspace = workspaces.find(target.workspace(), target.projectName());
        String id = workspace.projectIdByName(target.projectName());
        if (id == null) {
            return new ReadResult(new LiveState(billing(workspace.id(), workspace.name()), null), stale, null);
        }
        ReadResult found = readById(id, target.projectName(), false, usage);
        return new ReadResult(found.state(), stale, null, found.usage());
    }

    /** Reads a project known to exist, by id (for recovering from a lost create). */
    LiveState readProjectById(String id) {
        JsonNode project = readProjectData("re-read project " + id, Map.of("id", id, "billing", false)).path("project");
        return new LiveState(null, mapProject(project, id));
    }

    /**
     * ReadProject's answer, in one request. When the token may not open some environment
     * (environment RBAC: {@code canAccess} false), Railway refuses its config, and as the field is
     * non-null the whole answer is lost; then the project is read without configs ($configs
     * false), and the configs of the environments the token may open are read apart, in one
     * request (EnvironmentConfig): the answer has the same shape, the others without config.
     */
    private JsonNode readProjectData(String action, Map<String, Object> variables) {
        try {
            return transport.execute(Documents.request("ReadProject", action, variables, true));
        } catch (RailwayException e) {
            if (!refusedConfig(e)) {
                throw e;
            }
        }
        Map<String, Object> withoutConfigs = new HashMap<>(variables);
        withoutConfigs.put("configs", false);
        ObjectNode data = transport.execute(Documents.request("ReadProject", action
                + " without the environments this token may not open", withoutConfigs, true)).deepCopy();
        List<ObjectNode> open = new ArrayList<>();
        for (JsonNode edge : data.path("project").path("environments").path("edges")) {
            if (edge.path("node").path("canAccess").asBoolean(false)) {
                open.add((ObjectNode) edge);
            }
        }
        if (!open.isEmpty()) {
            BatchComposer batch = new BatchComposer("EnvironmentConfigs");
            for (int i = 0; i < open.size(); i++) {
                batch.add("e" + i, Documents.load("EnvironmentConfig"), Map.of("id", open.get(i).path("node").path("id").asText()));
            }
            DocumentBatch composed = batch.compose();
            JsonNode configs = transport.execute(composed.request("read the environments this token may open", true));
            for (int i = 0; i < open.size(); i++) {
                open.get(i).set("node", composed.result(configs, "e" + i));
            }
        }
        return data;
    }

    /** Whether Railway refused an environment's config (environment RBAC), which nulls the whole read. */
    private static boolean refusedConfig(RailwayException e) {
        return e.kind() == RailwayException.Kind.AUTH && e.errors().stream().anyMatch(error -> error.path() != null
                && error.path().contains(".environments.") && (error.path().endsWith(".config")
                        || error.path().endsWith(".configEtag") || error.path().endsWith(".unmergedChangesCount")));
    }

    /** The workspace's billing, or a workspace marked unreadable when the token may not read it. */
    private LiveWorkspace billing(String workspaceId, String name) {
        try {
            JsonNode data = transport.execute(Documents.request("WorkspaceBilling",
                    "read the billing of workspace " + name, Map.of("workspaceId", workspaceId), true));
            return LiveMapper.workspace(data.path("workspace"));
        } catch (RailwayException e) {
            if (e.kind() == RailwayException.Kind.AUTH) {
                return LiveMapper.workspaceWithoutBilling(workspaceId, name);
            }
            throw e;
        }
    }

    /**
     * Reads the project by id (with {@code usage}, its usage too); null when it does not exist, is
     * deleted or (for a cached id) has another name, so that the caller falls back to finding it
     * by name.
     */
    private ReadResult readById(String id, String expectedName, boolean mayBeStale, boolean usage) {
        JsonNode project;
        LiveWorkspace workspace;
        LiveUsage used = null;
        try {
            // Without usage the variables are what they always were: $usage defaults to false.
            Map<String, Object> variables = usage ? Map.of("id", id, "billing", true, "usage", true)
                    : Map.of("id", id, "billing", true);
            JsonNode data = readProjectData("read project " + (expectedName == null ? id : expectedName)
                    + (usage ? " and its usage" : ""), variables);
            project = data.path("project");
            workspace = LiveMapper.workspace(project.path("workspace"));
            if (usage) {
                used = LiveMapper.usage(data, project.path("workspace").path("customer").path("billingPeriod"));
            }
        } catch (RailwayException e) {
            if (e.kind() != RailwayException.Kind.AUTH) {
                if (mayBeStale && isMissing(e)) {
                    return null;
                }
                throw e;
            }
            // The project may be readable while the workspace's billing (and usage) is not: only if
            // the project alone is refused too is a cached id stale.
            try {
                JsonNode data = readProjectData("read project " + (expectedName == null ? id : expectedName),
                        Map.of("id", id, "billing", false));
                project = data.path("project");
            } catch (RailwayException again) {
                if (mayBeStale && isMissing(again)) {
                    return null;
                }
                throw again;
            }
            workspace = LiveMapper.workspaceWithoutBilling(LiveMapper.text(project, "workspaceId"), null);
        }
        if (project.isMissingNode() || project.isNull() || !project.path("deletedAt").isNull()
                || (mayBeStale && expectedName != null && !project.path("name").asText().equals(expectedName))) {
            return null;
        }
        return new ReadResult(new LiveState(workspace, mapProject(project, id)), false, null, used);
    }

    private static boolean isMissing(RailwayException e) {
        String message = e.railwayMessage() == null ? "" : e.railwayMessage().toLowerCase(java.util.Locale.ROOT);
        return message.contains("not found") || e.kind() == RailwayException.Kind.AUTH;
    }

    private LiveProject mapProject(JsonNode project, String id) {
        List<LiveEnvironment> environments = new ArrayList<>(LiveMapper.environments(project.path("environments")));
        JsonNode page = project.path("environments").path("pageInfo");
        while (page.path("hasNextPage").asBoolean(false)) {
            JsonNode more = transport.execute(Documents.request("ProjectEnvironmentsPage", "read the environments of project "
                    + project.path("name").asText(), Map.of("id", id, "after", page.path("endCursor").asText()), true))
                    .path("project").path("environments");
            environments.addAll(LiveMapper.environments(more));
            page = more.path("pageInfo");
        }
        List<LiveService> services = new ArrayList<>(LiveMapper.services(project.path("services")));
        page = project.path("services").path("pageInfo");
        while (page.path("hasNextPage").asBoolean(false)) {
            JsonNode more = transport.execute(Documents.request("ProjectServicesPage", "read the services of project "
                    + project.path("name").asText(), Map.of("id", id, "after", page.path("endCursor").asText()), true))
                    .path("project").path("services");
            services.addAll(LiveMapper.services(more));
            page = more.path("pageInfo");
        }
        return new LiveProject(project.path("id").asText(), project.path("name").asText(),
                LiveMapper.text(project, "workspaceId"), environments, services,
                LiveMapper.volumes(project.path("volumes")), RuntimeMapper.runtime(project.path("environments")),
                LiveMapper.pullRequests(project));
    }

    private ReadResult readWithProjectToken(ReadTarget target) {
        JsonNode scope = transport.execute(Documents.request("ProjectTokenScope", "resolve the project token",
                Map.of(), true)).path("projectToken");
        String projectName = scope.path("project").path("name").asText();
        if (target.projectName() != null && !target.projectName().equals(projectName)) {
            throw new LookupException("the project token (RAILWAY_TOKEN) belongs to project " + projectName
                    + ", not " + target.projectName(), "A project token reaches one environment of one project."
                    + " Use a token of project " + target.projectName() + ", or an account or workspace token (RAILWAY_API_TOKEN).");
        }
        String id = scope.path("projectId").asText();
        // Its one environment only, never the project's list (whether Railway lists the others to a
        // project token is not documented; their configs it refuses).
        JsonNode data = transport.execute(Documents.request("ReadProject", "read project " + projectName,
                Map.of("id", id, "billing", false, "environments", false, "one", true,
                        "environmentId", scope.path("environmentId").asText()), true));
        ObjectNode project = data.path("project").deepCopy();
        project.putObject("environments").putArray("edges").addObject().set("node", data.path("environment"));
        LiveWorkspace workspace = LiveMapper.workspaceWithoutBilling(LiveMapper.text(project, "workspaceId"), null);
        return new ReadResult(new LiveState(workspace, mapProject(project, id)), false,
                scope.path("environment").path("name").asText());
    }
}
