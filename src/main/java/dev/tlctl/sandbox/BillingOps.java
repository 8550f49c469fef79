package dev.tlctl.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Usage limits (Railway's rules, as errors) and the projects a usage question is about; figures are {@link Usage}'s. */
final class BillingOps {
    static final int MIN_SOFT_LIMIT = 5;
    static final int MIN_HARD_LIMIT = 10;
    static final int MAX_LIMIT = 500_000;

    private BillingOps() {}

    /**
     * isOverLimit: the current usage has reached the hard limit, where Railway stops the
     * workloads. The soft limit is only an e-mail alert (docs pricing/cost-control.md: emails at
     * 75/90/100 % of the limit, workloads stop at the hard limit), so it never sets it; without
     * a hard limit nothing is over.
     */
    static boolean isOverLimit(State.CustomerRec customer, double currentUsage) {
        State.UsageLimitRec limit = customer.usageLimit;
        return limit != null && limit.hardLimit != null && limit.hardLimit > 0 && currentUsage >= limit.hardLimit;
    }

    static State.WorkspaceRec workspaceOfCustomer(Store store, Caller caller, String customerId) {
        caller.requireBearer();
        State.WorkspaceRec workspace = store.state().workspaces.stream()
                .filter(w -> w.customer != null && w.customer.id.equals(customerId)).findFirst()
                .orElseThrow(() -> new SandboxException("Customer not found"));
        caller.requireWorkspace(store.state(), workspace.id);
        return workspace;
    }

    /** usageLimitSet: soft 0 or at least 5; hard null/0 (none) or at least 10; both at most 500000; hard >= soft. */
    static boolean setLimit(Store store, Caller caller, Map<String, Object> input) {
        State.WorkspaceRec workspace = workspaceOfCustomer(store, caller, (String) input.get("customerId"));
        int soft = (Integer) input.get("softLimitDollars");
        Integer hard = (Integer) input.get("hardLimitDollars");
        if (hard != null && hard == 0) {
            hard = null;
        }
        if (soft != 0 && soft < MIN_SOFT_LIMIT) {
            throw new SandboxException("Soft limit must be 0 or at least $" + MIN_SOFT_LIMIT);
        }
        if (hard != null && hard < MIN_HARD_LIMIT) {
            throw new SandboxException("Hard limit must be at least $" + MIN_HARD_LIMIT);
        }
        if (soft > MAX_LIMIT || (hard != null && hard > MAX_LIMIT)) {
            throw new SandboxException("Usage limits must be at most $" + MAX_LIMIT);
        }
        if (hard != null && hard < soft) {
            throw new SandboxException("Hard limit must be greater than or equal to the soft limit");
        }
        State.CustomerRec customer = workspace.customer;
        if (customer.usageLimit == null) {
            customer.usageLimit = new State.UsageLimitRec();
            customer.usageLimit.id = store.newId();
        }
        customer.usageLimit.softLimit = soft;
        customer.usageLimit.hardLimit = hard;
        store.markDirty();
        return true;
    }

    static boolean removeLimit(Store store, Caller caller, Map<String, Object> input) {
        State.WorkspaceRec workspace = workspaceOfCustomer(store, caller, (String) input.get("customerId"));
        workspace.customer.usageLimit = null;
        store.markDirty();
        return true;
    }

    /** The projects usage questions are about: one project, one workspace's, or every reachable one. */
    static List<State.ProjectRec> scope(Store store, Caller caller, String projectId, String workspaceId,
                                        boolean includeDeleted) {
        caller.requireBearer();
        State state = store.state();
        List<State.ProjectRec> projects = new ArrayList<>();
        if (projectId != null) {
            State.ProjectRec project = includeDeleted ? store.projectAny(projectId) : store.project(projectId);
            if (project == null) {
                throw new SandboxException("Project not found");
            }
            caller.requireProjectRead(state, project);
            projects.add(project);
        } else {
            List<String> workspaceIds;
            if (workspaceId != null) {
                caller.requireWorkspace(state, workspaceId);
                workspaceIds = List.of(workspaceId);
            } else {
                workspaceIds = caller.workspaces(state).stream().map(w -> w.id).toList();
            }
            for (State.ProjectRec project : state.projects) {
                if (workspaceIds.contains(project.workspaceId) && (includeDeleted || project.deletedAt == null)) {
                    projects.add(project);
                }
            }
        }
        return projects;
    }
}
