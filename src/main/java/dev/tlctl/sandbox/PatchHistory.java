package dev.tlctl.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patches of an environment, as Railway's {@code environmentPatches(environmentId)},
 * {@code environmentPatch(id)} and {@code EnvironmentPatch} tell them: every commit of config
 * through Railway's patch flow leaves one (environmentPatchCommit, environmentPatchCommitStaged,
 * environmentApplyChangeSet), with its commit message; the staged patch is listed too, STAGED.
 * The direct writes (variableUpsert, variableCollectionUpsert, variableDelete,
 * serviceInstanceUpdate, volume and domain mutations) leave none: nothing in Railway's schema or
 * docs says they go through a patch, and a client must not count on seeing them. A patch is
 * APPLYING until its {@code appliedAt} (a change set applied in the background), then
 * COMMITTED. Listed oldest first: Railway does not document its order. The content is kept as
 * text and served masked like {@code config(decryptVariables)}.
 */
final class PatchHistory {
    static final String COMMITTED = "COMMITTED";
    static final String APPLYING = "APPLYING";

    private PatchHistory() {}

    /**
     * Records a patch committed to {@code environment} with {@code id} and {@code message};
     * {@code appliedAt} null: applied now.
     */
    static void record(Store store, State.EnvironmentRec environment, String id, ObjectNode patch, String message,
                       String createdAt, String appliedAt) {
        State.PatchRec rec = new State.PatchRec();
        rec.id = id;
        rec.message = message;
        try {
            rec.patch = Json.MAPPER.writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rec.createdAt = createdAt;
        rec.updatedAt = store.now();
        rec.appliedAt = appliedAt == null ? rec.updatedAt : appliedAt;
        environment.patches.add(rec);
        while (environment.patches.size() > State.MAX_PATCHES) {
            environment.patches.remove(0);
        }
        store.markDirty();
    }

    /** The views environmentPatches pages through: the committed patches and the staged one, oldest first. */
    static List<Map<String, Object>> list(Store store, State.EnvironmentRec environment) {
        List<Map<String, Object>> views = new ArrayList<>();
        environment.patches.forEach(p -> views.add(view(store, environment, p)));
        if (environment.staged != null) {
            Map<String, Object> staged = Staging.view(environment);
            int at = views.size();
            java.time.Instant stagedAt = java.time.Instant.parse(environment.staged.createdAt);
            while (at > 0 && java.time.Instant.parse((String) views.get(at - 1).get("createdAt")).isAfter(stagedAt)) {
                at--;
            }
            views.add(at, staged);
        }
        return views;
    }

    /** environmentPatch(id): a patch of an environment the caller may open. */
    static Map<String, Object> find(Wiring.Context c, String id) {
        for (State.EnvironmentRec environment : c.state().environments) {
            if (environment.deletedAt != null) {
                continue;
            }
            State.PatchRec rec = environment.patches.stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
            boolean staged = environment.staged != null && environment.staged.id.equals(id);
            if (rec != null || staged) {
                c.caller().requireEnvironment(c.state(), environment);
                return staged ? Staging.view(environment) : view(c.store(), environment, rec);
            }
        }
        throw new SandboxException("Environment patch not found");
    }

    /** The content of the patch {@code id} of an environment: the staged one, or a committed one. */
    static ObjectNode content(State.EnvironmentRec environment, String id) {
        if (environment.staged != null && environment.staged.id.equals(id)) {
            return environment.staged.patch;
        }
        for (State.PatchRec rec : environment.patches) {
            if (rec.id.equals(id)) {
                try {
                    return (ObjectNode) Json.MAPPER.readTree(rec.patch);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Staging.patch(environment); // the placeholder environmentStagedChanges answers
    }

    private static Map<String, Object> view(Store store, State.EnvironmentRec environment, State.PatchRec rec) {
        boolean applied = store.reached(rec.appliedAt);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rec.id);
        view.put("environmentId", environment.id);
        view.put("status", applied ? COMMITTED : APPLYING);
        view.put("createdAt", rec.createdAt);
        view.put("updatedAt", applied ? rec.appliedAt : rec.updatedAt);
        view.put("message", rec.message);
        view.put("lastAppliedError", null);
        view.put("appliedAt", applied ? rec.appliedAt : null);
        view.put("appliedBy", null);
        return view;
    }
}
