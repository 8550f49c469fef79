package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Railway's change-set API (environmentApplyChangeSet, environmentChangeSetApply,
 * environmentPreviewChangeSet). A change set is simulated change by change on a copy of the
 * environment's config ({@link ChangeSetSimulation}); apply commits the copy only when every
 * change went through, so a change set applies whole or not at all.
 */
final class ChangeSets {
    static final String STALE_MESSAGE = "The environment changed since this plan was computed."
            + " Re-run plan and review the changes before applying.";
    static final String STALE_CODE = "STALE_ENVIRONMENT_BASE";
    static final String APPLIED = "applied";
    static final String APPLYING = "applying";

    private ChangeSets() {}

    /**
     * environmentApplyChangeSet. The etag check, the simulation and the commit run in one store
     * transaction (the request's), so no other write can land between them. With
     * waitForCompletion false the answer says "applying" although the change is made at once:
     * clients must poll environmentChangeSetApply for the final result.
     */
    static Map<String, Object> apply(Store store, Caller caller, State.EnvironmentRec environment, Object input,
                                     String baseConfigEtag, String commitMessage, Boolean waitForCompletion) {
        if (baseConfigEtag != null && !baseConfigEtag.equals(store.configEtag(environment))) {
            throw new SandboxException(STALE_MESSAGE, STALE_CODE);
        }
        ChangeSetSimulation simulation = ChangeSetSimulation.run(store, caller, environment, input);
        if (simulation.changesAnything()) {
            // Refused before anything is written, services included.
            Lifecycle.requireNotBuilding(store, environment, Patches.deployTargets(store, environment,
                    environment.config, simulation.config()));
        }
        String applyId = store.newId();
        Map<String, String> created = simulation.createServices();
        List<String> deploymentIds = new ArrayList<>();
        boolean background = Boolean.FALSE.equals(waitForCompletion);
        java.time.Duration delay = store.timing().applyDelay();
        String finishedAt = background && !delay.isZero() ? store.clock().instant().plus(delay).toString() : null;
        if (simulation.changesAnything()) {
            ObjectNode before = environment.config;
            Patches.install(store, environment, simulation.config(), true).forEach(d -> deploymentIds.add(d.id));
            // Railway applies a change set as a patch of the environment: listed, APPLYING until it is done.
            PatchHistory.record(store, environment, store.newId(), Patches.diff(before, environment.config),
                    commitMessage, store.now(), finishedAt);
        }
        ObjectNode result = Json.MAPPER.createObjectNode();
        result.put("id", applyId);
        result.put("status", APPLIED);
        ArrayNode changes = result.putArray("changes");
        for (ChangeSetSimulation.Step step : simulation.steps()) {
            ObjectNode change = changes.addObject();
            change.put("kind", step.kind());
            change.put("path", step.path());
            change.put("summary", step.summary());
            change.put("status", step.noop() ? "noop" : APPLIED);
            String serviceId = step.createdName() == null ? null : created.get(step.createdName());
            if (serviceId != null) {
                change.putObject("outputs").put("serviceId", serviceId);
            } else {
                change.putNull("outputs");
            }
        }
        if (deploymentIds.isEmpty()) {
            result.putNull("deploymentId");
        } else {
            result.put("deploymentId", deploymentIds.get(0));
        }
        result.putNull("stagedPatchId");
        result.putArray("diagnostics");
        remember(store, environment, applyId, commitMessage, result, finishedAt);

        ObjectNode answer = result.deepCopy();
        if (background) {
            answer.put("status", APPLYING);
        }
        return toMap(answer);
    }

    /**
     * environmentChangeSetApply: the result of an apply of this environment; "applying" until the
     * apply's {@link SandboxConfig.Timing#applyDelay()} has passed on the sandbox's clock, then the
     * final result. Railway's CLI polls it once a second while the status is "applying"
     * (railwayapp/cli src/iac/engine.rs {@code wait_for_apply}).
     */
    static Map<String, Object> poll(Store store, State.EnvironmentRec environment, String id) {
        return store.state().changeSetApplies.stream()
                .filter(a -> a.id.equals(id) && a.environmentId.equals(environment.id))
                .findFirst()
                .map(a -> {
                    ObjectNode answer = a.result.deepCopy();
                    if (!store.reached(a.finishedAt)) {
                        answer.put("status", APPLYING);
                    }
                    return toMap(answer);
                })
                .orElseThrow(() -> new SandboxException("ChangeSet apply " + id + " not found in environment "
                        + environment.name));
    }

    /**
     * environmentPreviewChangeSet: no side effects. The change set comes back with its no-op
     * changes dropped (compared with the stored, decrypted values), no diagnostics, and effects
     * {deploys, creates, deletes}: the addresses whose instance would get a deployment, be
     * created and be removed.
     */
    static Map<String, Object> preview(Store store, Caller caller, State.EnvironmentRec environment, Object input) {
        ChangeSetSimulation simulation = ChangeSetSimulation.run(store, caller, environment, input);
        ObjectNode changeSet = ((ObjectNode) Json.toTree(input)).deepCopy();
        ArrayNode kept = changeSet.putArray("changes");
        ObjectNode effects = Json.MAPPER.createObjectNode();
        ArrayNode creates = effects.putArray("creates");
        ArrayNode deletes = effects.putArray("deletes");
        for (ChangeSetSimulation.Step step : simulation.steps()) {
            if (step.noop()) {
                continue;
            }
            kept.add(step.change().deepCopy());
            if (step.kind().equals("resource.create")) {
                creates.add(step.address());
            } else if (step.kind().equals("resource.delete")) {
                deletes.add(step.address());
            }
        }
        ArrayNode deploys = effects.putArray("deploys");
        simulation.deployedAddresses(environment.config).forEach(deploys::add);
        ObjectNode preview = Json.MAPPER.createObjectNode();
        preview.set("changeSet", changeSet);
        preview.putArray("diagnostics");
        preview.set("effects", effects);
        return toMap(preview);
    }

    private static void remember(Store store, State.EnvironmentRec environment, String id, String commitMessage,
                                 ObjectNode result, String finishedAt) {
        State.ChangeSetApplyRec record = new State.ChangeSetApplyRec();
        record.finishedAt = finishedAt;
        record.id = id;
        record.environmentId = environment.id;
        record.createdAt = store.now();
        record.commitMessage = commitMessage;
        record.result = result;
        List<State.ChangeSetApplyRec> applies = store.state().changeSetApplies;
        applies.add(record);
        while (applies.size() > State.MAX_CHANGE_SET_APPLIES) {
            applies.remove(0);
        }
        store.markDirty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(ObjectNode node) {
        return (Map<String, Object>) Objects.requireNonNull(Json.toJava(node));
    }
}
