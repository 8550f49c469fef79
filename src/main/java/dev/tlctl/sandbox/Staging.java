package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Staged changes: one EnvironmentConfig patch per environment waiting to be committed, as
 * Railway's dashboard and CLI keep them (environmentStageChanges, environmentStagedChanges,
 * environmentPatchCommitStaged, Environment.unmergedChangesCount). Staging changes nothing of
 * the environment's config, its configEtag or its deployments; only a commit of the staged
 * patch does. Every other write (environmentPatchCommit, a change set, variable and instance
 * mutations) leaves the staged patch as it is.
 */
final class Staging {
    static final String STAGED = "STAGED";

    private Staging() {}

    /**
     * environmentStageChanges: {@code merge} true deep-merges the input into the staged patch
     * (a null stays, as the deletion it stages); otherwise the input replaces it. The result
     * must be a patch that would commit now, or nothing is staged.
     */
    static Map<String, Object> stage(Store store, State.EnvironmentRec environment, Object input, Boolean merge) {
        ObjectNode patch = Patches.patchObject(input);
        State.StagedPatchRec staged = environment.staged;
        ObjectNode candidate = Boolean.TRUE.equals(merge) && staged != null
                ? mergeKeepingNulls(staged.patch.deepCopy(), patch) : patch.deepCopy();
        Patches.merged(store, environment, environment.config, candidate);
        if (staged == null) {
            staged = new State.StagedPatchRec();
            staged.id = store.newId();
            staged.createdAt = store.now();
            environment.staged = staged;
        }
        staged.patch = candidate;
        staged.updatedAt = store.now();
        store.markDirty();
        return view(environment);
    }

    /**
     * environmentPatchCommitStaged: commits the whole staged patch, as environmentPatchCommit
     * would, deploying what it changes unless skipDeploys; the environment then has nothing
     * staged, and the patch is listed as committed with {@code message}. Returns the staged patch's id. With nothing staged it is an error.
     */
    static String commit(Store store, State.EnvironmentRec environment, Boolean skipDeploys, String message) {
        State.StagedPatchRec staged = environment.staged;
        if (staged == null || count(environment) == 0) {
            throw new SandboxException("There are no staged changes to commit in environment " + environment.name);
        }
        Patches.install(store, environment, Patches.merged(store, environment, environment.config, staged.patch),
                !Boolean.TRUE.equals(skipDeploys));
        // The staged patch becomes a committed one: same id, now with the commit's message.
        PatchHistory.record(store, environment, staged.id, staged.patch, message, staged.createdAt, null);
        environment.staged = null;
        store.markDirty();
        return staged.id;
    }

    /** Stages a whole config for a new environment: what environmentCreate(stageInitialChanges) leaves to commit. */
    static void stageInitial(Store store, State.EnvironmentRec environment, ObjectNode config) {
        ObjectNode patch = config.deepCopy();
        ObjectNode services = Json.at(patch, "services");
        if (services != null) {
            services.forEach(service -> ((ObjectNode) service).put("isCreated", true));
        }
        State.StagedPatchRec staged = new State.StagedPatchRec();
        staged.id = store.newId();
        staged.createdAt = store.now();
        staged.updatedAt = staged.createdAt;
        staged.patch = patch;
        environment.staged = staged;
        store.markDirty();
    }

    /**
     * The EnvironmentPatch that environmentStagedChanges answers: the staged one, or (as Railway
     * does when nothing is staged) an empty placeholder with a stable id.
     */
    static Map<String, Object> view(State.EnvironmentRec environment) {
        State.StagedPatchRec staged = environment.staged;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", staged != null ? staged.id : Ids.derived(environment.id, "staged"));
        view.put("environmentId", environment.id);
        view.put("status", STAGED);
        view.put("createdAt", staged != null ? staged.createdAt : environment.createdAt);
        view.put("updatedAt", staged != null ? staged.updatedAt : environment.createdAt);
        view.put("message", null);
        view.put("lastAppliedError", null);
        view.put("appliedAt", null);
        view.put("appliedBy", null);
        return view;
    }

    /** The staged patch (an empty object when nothing is staged). */
    static ObjectNode patch(State.EnvironmentRec environment) {
        return environment.staged == null ? Json.MAPPER.createObjectNode() : environment.staged.patch;
    }

    /**
     * unmergedChangesCount: how many changes the staged patch holds; each variable (set or
     * removed), each service added or removed, and each other setting (a leaf of the patch)
     * counts one. 0 when nothing is staged.
     */
    static int count(State.EnvironmentRec environment) {
        return environment.staged == null ? 0 : leaves(environment.staged.patch, null);
    }

    private static int leaves(JsonNode node, String key) {
        if (key != null && (key.equals("variables") || key.equals("sharedVariables")) && node instanceof ObjectNode) {
            return node.size();
        }
        if (!(node instanceof ObjectNode object)) {
            return 1;
        }
        int count = 0;
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            count += leaves(entry.getValue(), entry.getKey());
        }
        return count;
    }

    /** Deep merge that keeps nulls: in a staged patch a null is a deletion to commit later. */
    static ObjectNode mergeKeepingNulls(ObjectNode target, ObjectNode patch) {
        for (Map.Entry<String, JsonNode> entry : patch.properties()) {
            JsonNode value = entry.getValue();
            if (value instanceof ObjectNode object && target.get(entry.getKey()) instanceof ObjectNode existing) {
                mergeKeepingNulls(existing, object);
            } else {
                target.set(entry.getKey(), value.deepCopy());
            }
        }
        return target;
    }
}
