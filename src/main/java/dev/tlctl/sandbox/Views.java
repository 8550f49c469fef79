package dev.tlctl.sandbox;

import java.util.LinkedHashMap;
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
        return view;
    }

    static Map<String, Object> workspace(State.WorkspaceRec workspace) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", workspace.id);
        view.put("name", workspace.name);
        view.put("plan", workspace.plan);
        view.put("createdAt", workspace.createdAt);
        view.put("updatedAt", workspace.updatedAt);
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
        }
        view.put("usageLimit", limit);
        return view;
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
        view.put("updatedAt", deployment.createdAt);
        view.put("statusUpdatedAt", deployment.createdAt);
        return view;
    }
}
