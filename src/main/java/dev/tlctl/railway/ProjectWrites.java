package dev.tlctl.railway;

import dev.tlctl.live.LiveServiceInstance;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The writes an apply makes, each in one request: what {@link RailwayClient} does against
 * Railway, and what tests of the applier fake. Creates are never blindly repeated: when a create's
 * answer is lost, the implementation reads what exists and creates only what is missing.
 */
public interface ProjectWrites {

    /**
     * A project just created: its id and its default environment's name and id. {@code byOther}:
     * Railway refused this create for its quota and the project exists now all the same: another
     * run made it at the same moment, and this one made nothing.
     */
    record CreatedProject(String id, String defaultEnvironment, String defaultEnvironmentId, boolean byOther) {
        public CreatedProject(String id, String defaultEnvironment, String defaultEnvironmentId) {
            this(id, defaultEnvironment, defaultEnvironmentId, false);
        }
    }

    /** A usage-limit write: set (soft, hard) or remove. */
    record UsageLimitWrite(String customerId, Integer softLimitDollars, Integer hardLimitDollars, boolean remove) {}

    /**
     * Waits until each expected instance (service ids by environment id) is visible in its
     * environment, and returns them as read: Railway makes a new service's instances visible a
     * moment after creating it. {@code environmentNames} (by id) name them in waits and errors.
     */
    Map<String, Map<String, LiveServiceInstance>> awaitInstances(Map<String, Set<String>> expected,
            Map<String, String> environmentNames);

    /** Creates the project with its default environment. */
    CreatedProject createProject(String name, String workspaceId, String defaultEnvironment);

    /** Creates empty environments (no source: nothing is copied); returns their ids by name. */
    Map<String, String> createEnvironments(String projectId, List<String> names);

    /** Sets the project's pull request environment settings (a null field is left as it is), in one request. */
    dev.tlctl.live.LivePullRequestSettings updatePullRequests(String projectId, String projectName,
            PullRequestSettingsWrite write);

    /** Creates one empty environment marked ephemeral (a preview, nothing copied); returns its id. */
    String createEphemeralEnvironment(String projectId, String name);

    /**
     * Creates services without a source (so that nothing deploys yet); Railway adds each to every
     * environment of the project that is not a fork. Returns their ids by name.
     */
    Map<String, String> createServices(String projectId, List<String> names);

    /**
     * An environment just before an unguarded write: its {@code configEtag}, and the patches at
     * both ends of Railway's list of its patches (null when Railway would not list them).
     */
    record EnvironmentHead(String configEtag, List<PatchRecord> patches) {}

    /** The current {@code configEtag} and newest patches of each environment, by id, in one request. */
    Map<String, EnvironmentHead> readHeads(List<String> environmentIds);

    /**
     * One environment's write: a change set guarded by the {@code configEtag} the plan read, or,
     * when that cannot carry the changes (shared variables, an environment just created), a patch.
     */
    record EnvironmentWrite(String environmentId, String name, EnvironmentPatch patch, ChangeSet changeSet,
            String baseConfigEtag, Staged staged) {
        public static EnvironmentWrite patch(String environmentId, String name, EnvironmentPatch patch) {
            return new EnvironmentWrite(environmentId, name, patch, null, null, Staged.NONE);
        }

        /**
         * A patch of an environment whose {@code configEtag} the plan read: a patch carries no guard to
         * Railway, but a patch sent again after a refusal is sent only while the etag is still this one.
         */
        public static EnvironmentWrite patch(String environmentId, String name, EnvironmentPatch patch, String etag) {
            return new EnvironmentWrite(environmentId, name, patch, null, etag, Staged.NONE);
        }

        public static EnvironmentWrite guarded(String environmentId, String name, ChangeSet changeSet, String etag) {
            return new EnvironmentWrite(environmentId, name, null, changeSet, etag, Staged.NONE);
        }

        /** The same write, doing this with what is staged in the environment. */
        public EnvironmentWrite staged(Staged value) {
            return new EnvironmentWrite(environmentId, name, patch, changeSet, baseConfigEtag, value);
        }
    }

    /**
     * Changes staged in the environment: none to mind, drop them before the write, or commit them
     * with it (the patch is staged on top of them and the whole staged patch committed).
     */
    enum Staged { NONE, DISCARD, INCLUDE }

    /**
     * Writes every environment and the usage limit (may be null). Returns, by environment name,
     * what Railway answered to each patch committed (environmentPatchCommit and
     * environmentPatchCommitStaged answer a {@code String}: the patch's id, as far as Railway
     * says); none for a change set.
     */
    Map<String, String> commit(List<EnvironmentWrite> writes, UsageLimitWrite limit, String message);

    /** Deletes services (everywhere) and environments. */
    void delete(List<String> serviceIds, List<String> environmentIds, String what);

    /**
     * The ids of the workspace's live projects named {@code name}, oldest first (by creation time,
     * then id), once the project {@code created} (null: none) is listed among them.
     */
    List<String> projectsNamed(String workspaceId, String name, String created);

    /** Deletes a project (only one this apply just created, empty, and found to have an older twin). */
    void deleteProject(String id, String name);

    /**
     * Creates a domain for an instance: Railway's generated one ({@code customName} null) or the
     * owner's; routed to {@code port} (null: the port Railway detects). Never re-sent.
     */
    void createDomain(String projectId, String environmentId, String serviceId, String customName, Integer port,
            String what);

    /** Routes the domain of that id to {@code port} (null: the port Railway detects). */
    void updateDomain(String domainId, boolean custom, String domain, String environmentId, String serviceId,
            Integer port, String what);

    /** Deletes the domain of that id. */
    void deleteDomain(String domainId, boolean custom, String domain, String what);

    /**
     * Creates a volume mounted at {@code mountPath} on the instance (Railway redeploys it) and
     * returns its id. Never re-sent.
     */
    String createVolume(String projectId, String environmentId, String serviceId, String mountPath, String what);
}
