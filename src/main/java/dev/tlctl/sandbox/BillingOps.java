package dev.tlctl.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage limits (Railway's rules, as errors) and usage measurements. Measurements are values the
 * state file holds per project (tests and people set them); usage and estimatedUsage answer them
 * as they are: startDate and endDate do not filter, and the estimate equals the stored value.
 */
final class BillingOps {
    static final int MIN_SOFT_LIMIT = 5;
    static final int MIN_HARD_LIMIT = 10;
    static final int MAX_LIMIT = 500_000;
    static final Set<String> MEASUREMENTS = Set.of("BACKUP_USAGE_GB", "CPU_LIMIT", "CPU_USAGE", "CPU_USAGE_2",
            "DISK_USAGE_GB", "EPHEMERAL_DISK_USAGE_GB", "MEASUREMENT_UNSPECIFIED", "MEMORY_LIMIT_GB",
            "MEMORY_USAGE_GB", "NETWORK_RX_GB", "NETWORK_TX_GB", "UNRECOGNIZED");

    private BillingOps() {}

    /**
     * isOverLimit: the current usage has reached the hard limit, or the soft limit when there is
     * no hard limit; a soft limit of 0 means none.
     */
    static boolean isOverLimit(State.CustomerRec customer) {
        State.UsageLimitRec limit = customer.usageLimit;
        if (limit == null) {
            return false;
        }
        Integer bound = limit.hardLimit != null ? limit.hardLimit : limit.softLimit > 0 ? limit.softLimit : null;
        return bound != null && customer.currentUsage >= bound;
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

    /** usage: per measurement the sum over the projects; grouped by PROJECT_ID, one entry per project with a value. */
    static List<Map<String, Object>> usage(Store store, List<State.ProjectRec> projects, List<String> measurements,
                                           List<String> groupBy) {
        boolean byProject = false;
        if (groupBy != null) {
            for (String tag : groupBy) {
                if (!tag.equals("PROJECT_ID")) {
                    throw new SandboxException("tlctl sandbox groups usage by PROJECT_ID only, not " + tag);
                }
                byProject = true;
            }
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (String measurement : measurements) {
            if (byProject) {
                for (State.ProjectRec project : projects) {
                    Double value = value(store, project, measurement);
                    if (value != null) {
                        result.add(aggregated(measurement, value, project.id));
                    }
                }
            } else {
                double sum = 0;
                for (State.ProjectRec project : projects) {
                    Double value = value(store, project, measurement);
                    sum += value == null ? 0 : value;
                }
                result.add(aggregated(measurement, sum, null));
            }
        }
        return result;
    }

    static List<Map<String, Object>> estimated(Store store, List<State.ProjectRec> projects, List<String> measurements) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (String measurement : measurements) {
            for (State.ProjectRec project : projects) {
                Double value = value(store, project, measurement);
                if (value != null) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("measurement", measurement);
                    entry.put("estimatedValue", value);
                    entry.put("projectId", project.id);
                    result.add(entry);
                }
            }
        }
        return result;
    }

    private static Double value(Store store, State.ProjectRec project, String measurement) {
        Map<String, Double> values = store.state().measurements.get(project.id);
        return values == null ? null : values.get(measurement);
    }

    private static Map<String, Object> aggregated(String measurement, double value, String projectId) {
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("projectId", projectId);
        tags.put("environmentId", null);
        tags.put("serviceId", null);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("measurement", measurement);
        entry.put("value", value);
        entry.put("tags", tags);
        return entry;
    }
}
