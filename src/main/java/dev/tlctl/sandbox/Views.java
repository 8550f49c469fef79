package dev.tlctl.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The GraphQL objects, as maps keyed by field name. A field present as a key (even with a null
 * value) is implemented; fields that need a lookup (connections, related objects) are wired as
 * data fetchers in {@link Wiring}, which find the record again by the map's id.
 */
final class Views {
    private Views() {}

    static Map<String, Object> user(State.UserRec user) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", user.id);
        view.put("name", user.name);
        view.put("email", user.email);
        view.put("username", user.username);
        view.put("createdAt", user.createdAt);
        AccountViews.user(user, view);
        return view;
    }

    static Map<String, Object> workspace(State.WorkspaceRec workspace) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.id);
        view.put("name", workspace.name);
        view.put("plan", workspace.plan);
        view.put("createdAt", workspace.createdAt);
        view.put("updatedAt", workspace.updatedAt);
        AccountViews.workspace(workspace, view);
        return view;
    }

    /** Workspace.customer: currentUsage set directly or derived from the usage entries ({@link Usage}). */
    static Map<String, Object> customer(Store store, State.WorkspaceRec workspace) {
        State.CustomerRec customer = workspace.customer;
        double currentUsage = Usage.currentUsage(store, workspace);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", customer.id);
        view.put("currentUsage", currentUsage);
        view.put("billingPeriod", Map.of("start", customer.billingPeriodStart, "end", customer.billingPeriodEnd));
        Map<String, Object> limit = null;
        if (customer.usageLimit != null) {
            limit = new LinkedHashMap<>();
            limit.put("id", customer.usageLimit.id);
            limit.put("customerId", customer.id);
            limit.put("softLimit", customer.usageLimit.softLimit);
            limit.put("hardLimit", customer.usageLimit.hardLimit);
            limit.put("isOverLimit", BillingOps.isOverLimit(customer, currentUsage));
            AccountViews.usageLimit(limit);
        }
        view.put("usageLimit", limit);
        AccountViews.customer(store.state(), workspace, currentUsage, view);
        return view;
    }

    /**
     * externalWorkspaces: "the workspaces the user doesn't belong to, but needs access (like when
     * invited to a project)" (Railway's schema), each with only the projects the account was
     * invited to; none for a workspace token (it has no user). With {@code projectId}, only the
     * workspace of that project.
     */
    static List<Map<String, Object>> externalWorkspaces(Store store, Caller caller, String projectId) {
        String userId = caller.token().userId;
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        if (caller.token().kind != State.TokenKind.ACCOUNT) {
            return out;
        }
        for (State.WorkspaceRec workspace : store.state().workspaces) {
            if (workspace.memberIds.contains(userId)) {
                continue;
            }
            List<Map<String, Object>> projects = store.state().projects.stream()
                    .filter(p -> p.workspaceId.equals(workspace.id) && p.deletedAt == null
                            && p.invitedUserIds.contains(userId) && Consistency.listed(store, p)
                            && (projectId == null || projectId.equals(p.id)))
                    .map(Views::project).toList();
            if (projects.isEmpty()) {
                continue;
            }
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", workspace.id);
            view.put("name", workspace.name);
            view.put("plan", workspace.plan);
            view.put("createdAt", workspace.createdAt);
            view.put("projects", projects);
            view.put("teamId", workspace.id);
            view.put("customerId", workspace.customer == null ? null : workspace.customer.id);
            view.put("customerState", "ACTIVE");
            view.put("currentSessionHasAccess", true);
            view.put("isTrialing", false);
            view.put("preferredRegion", null);
            view.put("avatar", null);
            view.put("banReason", null);
            view.put("discordRole", null);
            view.put("supportTierOverride", null);
            view.put("allowDeprecatedRegions", false);
            view.put("has2FAEnforcement", false);
            view.put("hasAutomaticDiagnosis", false);
            view.put("hasBAA", false);
            view.put("hasGuardrailsAccess", false);
            view.put("hasRBAC", false);
            view.put("hasSAML", false);
            view.put("redactedDueTo2FAPending", false);
            view.put("subscriptionPlanLimit", planLimit(workspace));
            out.add(view);
        }
        return out;
    }

    static Map<String, Object> apiTokenWorkspace(State.WorkspaceRec workspace) {
        return Map.of("id", workspace.id, "name", workspace.name);
    }

    static Map<String, Object> projectToken(State.TokenRec token) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", token.id);
        view.put("name", token.name);
        view.put("projectId", token.projectId);
        view.put("environmentId", token.environmentId);
        view.put("displayToken", token.token);
        view.put("createdAt", token.createdAt);
        return view;
    }

    static Map<String, Object> project(State.ProjectRec project) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", project.id);
        view.put("name", project.name);
        view.put("description", project.description);
        view.put("workspaceId", project.workspaceId);
        view.put("isPublic", project.isPublic);
        view.put("prDeploys", project.prDeploys);
        view.put("botPrEnvironments", project.botPrEnvironments);
        view.put("focusedPrEnvironments", project.focusedPrEnvironments);
        view.put("baseEnvironmentId", project.baseEnvironmentId);
        view.put("createdAt", project.createdAt);
        view.put("updatedAt", project.updatedAt);
        view.put("deletedAt", project.deletedAt);
        // Teams became workspaces; the sandbox has no temporary projects, no feature flags and no
        // notion of a primary environment beyond baseEnvironmentId.
        view.put("teamId", project.workspaceId);
        view.put("expiredAt", null);
        view.put("isTempProject", false);
        view.put("featureFlags", List.of());
        view.put("primaryEnvironmentId", null);
        return view;
    }

    static Map<String, Object> environment(State.EnvironmentRec environment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", environment.id);
        view.put("name", environment.name);
        view.put("projectId", environment.projectId);
        view.put("isEphemeral", environment.isEphemeral);
        view.put("createdAt", environment.createdAt);
        view.put("updatedAt", environment.updatedAt);
        view.put("deletedAt", environment.deletedAt);
        // canAccess and meta are wired (they depend on the caller and on the pull request); no canvas groups.
        view.put("canvasGroupRefs", Map.of());
        view.put("unmergedChangesCount", Staging.count(environment));
        return view;
    }

    /**
     * Environment.meta: for Railway's PR environment, the pull request it was made for (the
     * fields Railway's CLI reads: {@code prNumber}, {@code branch}; railwayapp/cli src/iac/engine.rs);
     * null for any other environment.
     */
    static Map<String, Object> environmentMeta(State.EnvironmentRec environment) {
        State.PullRequestRec pr = environment.pullRequest;
        if (pr == null) {
            return null;
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("prNumber", pr.number);
        view.put("branch", pr.branch);
        view.put("baseBranch", pr.baseBranch);
        view.put("prRepo", pr.repo);
        view.put("prTitle", pr.title);
        view.put("prCommentId", null);
        view.put("latestSuccessfulGitHubDeploymentId", null);
        view.put("skippedResourceIds", null);
        return view;
    }

    static Map<String, Object> service(State.ServiceRec service) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", service.id);
        view.put("name", service.name);
        view.put("icon", service.icon);
        view.put("projectId", service.projectId);
        view.put("createdAt", service.createdAt);
        view.put("updatedAt", service.updatedAt);
        view.put("deletedAt", service.deletedAt);
        // No canvas groups, templates, feature flags or restrictions in the sandbox.
        view.put("featureFlags", List.of());
        view.put("groupId", null);
        view.put("hasHiddenRegistryCredentialsFromTemplate", false);
        view.put("isRestricted", false);
        view.put("templateId", null);
        view.put("templateServiceId", null);
        view.put("templateThreadSlug", null);
        return view;
    }

    static Map<String, Object> volume(State.VolumeRec volume) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", volume.id);
        view.put("name", volume.name);
        view.put("projectId", volume.projectId);
        view.put("createdAt", volume.createdAt);
        return view;
    }

    static Map<String, Object> deployment(State.DeploymentRec deployment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", deployment.id);
        view.put("status", deployment.status);
        view.put("projectId", deployment.projectId);
        view.put("environmentId", deployment.environmentId);
        view.put("serviceId", deployment.serviceId);
        view.put("createdAt", deployment.createdAt);
        view.put("updatedAt", deployment.statusUpdatedAt != null ? deployment.statusUpdatedAt : deployment.createdAt);
        view.put("statusUpdatedAt", deployment.statusUpdatedAt != null ? deployment.statusUpdatedAt : deployment.createdAt);
        // The record's own tree (a deployment's meta is never written after it is made): the
        // DeploymentMeta scalar copies it when, and only when, an answer selects it.
        view.put("meta", deployment.meta);
        // A finished deployment that does not serve (REMOVED, FAILED, CRASHED, SKIPPED) has stopped.
        view.put("deploymentStopped", !Lifecycle.IN_PROGRESS.contains(deployment.status)
                && !"SUCCESS".equals(deployment.status) && !"SLEEPING".equals(deployment.status));
        // Not recorded: the sandbox runs nothing (staticUrl and url are wired from the domains).
        view.put("creator", null);
        view.put("diagnosis", null);
        view.put("snapshotId", null);
        view.put("sockets", List.of());
        view.put("suggestAddServiceDomain", false);
        return view;
    }

    static Map<String, Object> bucket(State.BucketRec bucket) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", bucket.id);
        view.put("name", bucket.name);
        view.put("projectId", bucket.projectId);
        view.put("groupId", bucket.groupId);
        view.put("createdAt", bucket.createdAt);
        view.put("updatedAt", bucket.updatedAt != null ? bucket.updatedAt : bucket.createdAt);
        return view;
    }

    /** Project.team: the project's workspace under its old name. */
    static Map<String, Object> team(State.WorkspaceRec workspace) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.id);
        view.put("name", workspace.name);
        view.put("avatar", null);
        view.put("preferredRegion", null);
        view.put("slackChannelId", null);
        view.put("createdAt", workspace.createdAt);
        view.put("updatedAt", workspace.updatedAt);
        AccountViews.team(view);
        return view;
    }

    /** The workspace's members as project members, each with its workspace role ({@link AccountViews#role}). */
    static List<Map<String, Object>> members(State state, State.WorkspaceRec workspace) {
        return state.users.stream().filter(u -> workspace.memberIds.contains(u.id)).map(user -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", user.id);
            view.put("name", user.name);
            view.put("email", user.email);
            view.put("avatar", null);
            view.put("role", AccountViews.role(workspace, user.id));
            return view;
        }).toList();
    }

    static List<Map<String, Object>> permissions(State state, State.WorkspaceRec workspace, String projectId) {
        return state.users.stream().filter(u -> workspace.memberIds.contains(u.id)).map(user -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", Ids.derived(projectId, user.id, "permission"));
            view.put("projectId", projectId);
            view.put("userId", user.id);
            view.put("role", AccountViews.role(workspace, user.id));
            return view;
        }).toList();
    }

    /**
     * Project.subscriptionPlanLimit, a JSON scalar whose shape Railway does not document: the
     * limits the sandbox enforces for the workspace's plan.
     */
    static Map<String, Object> planLimit(State.WorkspaceRec workspace) {
        InstanceRules.PlanLimits limits = InstanceRules.limits(workspace.plan);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("plan", workspace.plan);
        view.put("maxReplicas", limits.maxReplicas());
        view.put("maxVCPUsPerReplica", limits.maxVcpus());
        view.put("maxMemoryGBPerReplica", limits.maxMemoryGb());
        return view;
    }
}
