package dev.tlctl.sandbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the sandbox knows, as one JSON document (the state file). Plain mutable records
 * with public fields so that Jackson reads and writes them without ceremony; only {@link Store}
 * changes them, always under its lock. Timestamps are ISO-8601 strings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
final class State {
    /** The change-set applies the state keeps; the oldest are dropped past this. */
    static final int MAX_CHANGE_SET_APPLIES = 200;
    /** The committed patches the state keeps per environment; the oldest are dropped past this. */
    static final int MAX_PATCHES = 50;

    /** The shape written now; {@link StateFile} upgrades older files when it reads them. */
    static final int FORMAT_VERSION = 2;

    /** Bumped when the shape changes incompatibly (2: usage entries, currentUsage null when derived). */
    public int formatVersion = FORMAT_VERSION;
    /** The seed the ids are drawn from, and how many were drawn: ids stay deterministic across restarts. */
    public long seed = 1;
    public long idsDrawn;

    public List<UserRec> users = new ArrayList<>();
    public List<WorkspaceRec> workspaces = new ArrayList<>();
    public List<TokenRec> tokens = new ArrayList<>();
    public List<ProjectRec> projects = new ArrayList<>();
    public List<EnvironmentRec> environments = new ArrayList<>();
    public List<ServiceRec> services = new ArrayList<>();
    public List<VolumeRec> volumes = new ArrayList<>();
    /** Buckets come only from the state file (the sandbox has no bucket mutation), as volumes do. */
    public List<BucketRec> buckets = new ArrayList<>();
    public List<DeploymentRec> deployments = new ArrayList<>();
    /** Change-set applies, oldest first, for environmentChangeSetApply to answer (at most {@link #MAX_CHANGE_SET_APPLIES}). */
    public List<ChangeSetApplyRec> changeSetApplies = new ArrayList<>();
    /** Usage, one entry per (project, environment, service, measurement): what usage and estimatedUsage answer. */
    public List<UsageRec> usage = new ArrayList<>();
    /**
     * When each creation quota was last used, as an ISO instant: {@code environment:<caller>} (a
     * user, or a workspace token) and {@code project:<workspaceId>}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public Map<String, String> lastCreations = new LinkedHashMap<>();
    /** Format 1 only: measurements by project id, then by MetricMeasurement name; read, then moved into usage. */
    public Map<String, Map<String, Double>> measurements;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class UserRec {
        public String id;
        public String name;
        public String email;
        public String username;
        public String createdAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class WorkspaceRec {
        public String id;
        public String name;
        public String plan = "HOBBY";
        /** The user whose personal workspace this is (root projects without workspaceId lists it); null: a team's. */
        public String personalOf;
        public List<String> memberIds = new ArrayList<>();
        /** Members whose role is not ADMIN (MEMBER or DEPLOYER), by user id: they cannot open restricted environments. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public Map<String, String> memberRoles = new LinkedHashMap<>();
        public CustomerRec customer;
        public String createdAt;
        public String updatedAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class CustomerRec {
        public String id;
        /** Dollars, as set directly; null: derived from the usage entries and Railway's prices. */
        public Double currentUsage;
        public String billingPeriodStart;
        public String billingPeriodEnd;
        /** Null: no usage limit. */
        public UsageLimitRec usageLimit;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class UsageLimitRec {
        public String id;
        public int softLimit;
        /** Null: no hard limit. */
        public Integer hardLimit;
    }

    /** The three kinds of Railway token. */
    enum TokenKind { ACCOUNT, WORKSPACE, PROJECT }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class TokenRec {
        public String id;
        public String token;
        public TokenKind kind;
        public String name;
        /** ACCOUNT: the user. */
        public String userId;
        /** WORKSPACE: the workspace. */
        public String workspaceId;
        /** PROJECT: the project and its one environment. */
        public String projectId;
        public String environmentId;
        public String createdAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ProjectRec {
        public String id;
        public String name;
        public String description;
        public String workspaceId;
        public boolean isPublic;
        public boolean prDeploys;
        public boolean botPrEnvironments;
        public boolean focusedPrEnvironments;
        public String baseEnvironmentId;
        public String createdAt;
        public String updatedAt;
        public String deletedAt;
        /** Users invited to this project alone (not members of its workspace): they reach it through externalWorkspaces. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<String> invitedUserIds = new ArrayList<>();
        /** Until this instant (ISO) the new project is missing from every list; null: listed. */
        public String listedAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class EnvironmentRec {
        public String id;
        public String projectId;
        public String name;
        /** Set: this environment is a fork of that one (created with sourceEnvironmentId). */
        public String sourceEnvironmentId;
        public boolean isEphemeral;
        public String createdAt;
        public String updatedAt;
        public String deletedAt;
        /**
         * The one store every read view derives from, shaped like Railway's EnvironmentConfig:
         * services.&lt;serviceId&gt;.{source, variables, build, deploy, ...}, sharedVariables, ...
         * A service has an instance here exactly when its id is a key of services.
         */
        public ObjectNode config = JsonNodeFactory.instance.objectNode();
        /** Bookkeeping the config has no room for, by service id: kept in step with config.services. */
        public Map<String, InstanceRec> instances = new LinkedHashMap<>();
        /** The staged patch (environmentStageChanges), or null when nothing is staged. */
        public StagedPatchRec staged;
        /** The patches committed here, oldest first (at most {@link #MAX_PATCHES}): what environmentPatches lists. */
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public List<PatchRec> patches = new ArrayList<>();
        /**
         * Instances a serviceCreate made that have not materialised yet, by service id: the config
         * they start with. They join {@code config.services} at the service's {@code instancesAt}.
         */
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        public Map<String, ObjectNode> pending = new LinkedHashMap<>();
        /** Railway's own PR environment: the pull request it was made for; null for any other. */
        public PullRequestRec pullRequest;
        /** Environment RBAC: only workspace admins may open it (docs: enterprise/environment-rbac). */
        public boolean restricted;
    }

    /** The pull request a PR environment was made for (Environment.meta). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class PullRequestRec {
        public int number;
        public String branch;
        public String baseBranch;
        public String repo;
        public String title;
    }

    /** Changes staged for an environment: an EnvironmentConfig patch, nulls (deletions) kept. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class StagedPatchRec {
        public String id;
        public ObjectNode patch;
        public String createdAt;
        public String updatedAt;
    }

    /**
     * A patch committed to an environment (environmentPatchCommit, environmentPatchCommitStaged,
     * environmentApplyChangeSet): its content as JSON text (text is a fraction of a tree's memory),
     * the commit message, and when it was made and applied.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class PatchRec {
        public String id;
        public String message;
        public String patch;
        public String createdAt;
        public String updatedAt;
        /** When it was (or will be: APPLYING until then) applied, on the sandbox's clock. */
        public String appliedAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class InstanceRec {
        public String id;
        public String createdAt;
        public String updatedAt;
        /** How this instance's next deployments fail ({@link Lifecycle.Failure}); null: they succeed. */
        public String failure;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ServiceRec {
        public String id;
        public String projectId;
        public String name;
        public String icon;
        public String createdAt;
        public String updatedAt;
        public String deletedAt;
        /** When the instances its serviceCreate made materialise (ISO); null once they have. */
        public String instancesAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class VolumeRec {
        public String id;
        public String projectId;
        public String name;
        public String createdAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class BucketRec {
        public String id;
        public String projectId;
        public String name;
        public String groupId;
        public String createdAt;
        public String updatedAt;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class DeploymentRec {
        public String id;
        public String projectId;
        public String environmentId;
        public String serviceId;
        /** The status now; {@link Lifecycle} moves it on the sandbox's clock. */
        public String status = "SUCCESS";
        public String createdAt;
        /** When the status last changed. */
        public String statusUpdatedAt;
        /** What Railway's Deployment.meta carries that the sandbox knows: reason, source, serviceManifest. */
        public ObjectNode meta;
        /**
         * When the build starts, the deploy starts, and the deployment ends (ISO); null on
         * deployments of state files written before deployments had a life (born SUCCESS).
         */
        public String buildAt;
        public String deployAt;
        public String doneAt;
        /** The status it ends in (SUCCESS, FAILED or CRASHED), decided when it is created. */
        public String outcome;
        /** Why it fails, for its logs ({@link Lifecycle.Failure} name); null when it succeeds. */
        public String failure;
        /** When it reached SUCCESS (ISO): only such a deployment's image is kept for a rollback. */
        public String succeededAt;
        /** When it goes to sleep (ISO): a service with sleepApplication, idle after its deploy. */
        public String sleepAt;
        /** The instance's variables when it was deployed: a rollback restores them (Railway's docs). */
        public ObjectNode variables;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class ChangeSetApplyRec {
        public String id;
        public String environmentId;
        public String createdAt;
        public String commitMessage;
        /** Until this instant (ISO) polls answer "applying"; null: final from the start. */
        public String finishedAt;
        /** The final ChangeSetApplyResult, as environmentChangeSetApply answers it. */
        public ObjectNode result;
    }

    /**
     * How much of one measurement a project (and, when set, one environment and one service of
     * it) used between two instants, spread evenly over them; a point when from equals to.
     * Values are in Railway's units (CPU_USAGE vCPU-minutes, MEMORY_USAGE_GB GB-minutes, ...).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class UsageRec {
        public String projectId;
        public String environmentId;
        public String serviceId;
        public String measurement;
        public double value;
        public String from;
        public String to;
    }
}
