package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.railway.ProjectWrites.EnvironmentWrite;
import dev.tlctl.railway.ProjectWrites.Staged;
import dev.tlctl.railway.ProjectWrites.UsageLimitWrite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writing environments and the usage limit, as Railway's own CLI does: change sets are previewed
 * first (all in one request) and only what the preview keeps is applied; staged changes are
 * staged (or dropped) in one request and committed in the next, never in one document; then one
 * request commits every environment and the usage limit together. A change set is applied with
 * {@code waitForCompletion: false} and polled once a second while Railway answers "applying"
 * (railwayapp/cli src/iac/engine.rs), bounded. A commit of one environment that Railway refuses
 * while a deployment there builds is sent again once the build had time to end ({@link Building}).
 */
final class Commits {
    /** Polls of a change set Railway is still applying: 120, a second apart, as Railway's CLI. */
    static final int POLLS = 120;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final RailwayTransport transport;
    private final Waits waits;

    Commits(RailwayTransport transport) {
        this.transport = transport;
        this.waits = new Waits(transport.config());
    }

    Map<String, String> commit(List<EnvironmentWrite> given, UsageLimitWrite limit, String message) {
        List<EnvironmentWrite> writes = preview(given);
        stage(writes);
        BatchComposer batch = new BatchComposer("Commit");
        List<String> what = new ArrayList<>();
        Map<String, EnvironmentWrite> aliases = new LinkedHashMap<>();
        int i = 0;
        for (EnvironmentWrite write : writes) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("environmentId", write.environmentId());
            variables.put("commitMessage", message);
            String alias;
            if (write.staged() == Staged.INCLUDE) {
                alias = "k" + i++;
                batch.add(alias, Documents.load("EnvironmentPatchCommitStaged"), variables);
            } else if (write.changeSet() != null) {
                alias = "c" + i++;
                variables.put("input", write.changeSet().input());
                variables.put("baseConfigEtag", write.baseConfigEtag());
                variables.put("waitForCompletion", false);
                batch.add(alias, Documents.load("EnvironmentApplyChangeSet"), variables);
            } else {
                alias = "p" + i++;
                variables.put("patch", write.patch()); // it writes itself into the body (JsonSerializable)
                batch.add(alias, Documents.load("EnvironmentPatchCommit"), variables);
            }
            aliases.put(alias, write);
        }
        if (!writes.isEmpty()) {
            what.add("the config of " + (writes.size() == 1 ? "environment " : "environments ")
                    + String.join(", ", writes.stream().map(EnvironmentWrite::name).toList()));
        }
        if (limit != null) {
            if (limit.remove()) {
                batch.add("limit", Documents.load("UsageLimitRemove"), Map.of("input", Map.of("customerId", limit.customerId())));
                what.add("remove the usage limit");
            } else {
                Map<String, Object> input = new HashMap<>();
                input.put("customerId", limit.customerId());
                input.put("softLimitDollars", limit.softLimitDollars());
                input.put("hardLimitDollars", limit.hardLimitDollars());
                batch.add("limit", Documents.load("UsageLimitSet"), Map.of("input", input));
                what.add("set the usage limit");
            }
        }
        if (what.isEmpty()) {
            return Map.of();
        }
        // A change set is not sent again (its base etag would no longer match), nor a staged commit.
        boolean repeatable = writes.stream().allMatch(w -> w.changeSet() == null && w.staged() != Staged.INCLUDE);
        DocumentBatch composed = batch.compose();
        JsonNode data;
        try {
            GraphQLRequest request = composed.request("commit " + String.join(" and ", what), repeatable);
            // A refusal while a deployment builds wrote nothing; a batch's would hide what its other parts did.
            data = aliases.size() == 1 && limit == null
                    ? Building.retrying(waits, what.get(0), refusal -> recheck(aliases.values().iterator().next(), refusal),
                            () -> transport.execute(request))
                    : transport.execute(request);
        } catch (RailwayException e) {
            List<String> stale = new ArrayList<>();
            for (RailwayException.GraphQLError error : e.errors()) {
                if (StaleEnvironmentException.CODE.equals(error.code()) && error.path() != null) {
                    EnvironmentWrite write = aliases.get(error.path().split("\\.")[0]);
                    if (write != null) {
                        stale.add(write.name());
                    }
                }
            }
            if (!stale.isEmpty()) {
                throw new StaleEnvironmentException(stale, e);
            }
            throw e;
        }
        Map<EnvironmentWrite, JsonNode> answers = new LinkedHashMap<>();
        Map<String, String> patchIds = new LinkedHashMap<>();
        aliases.forEach((alias, write) -> {
            JsonNode answer = composed.result(data, alias);
            if (write.changeSet() != null && write.staged() != Staged.INCLUDE) {
                answers.put(write, answer);
            } else if (answer.isTextual()) {
                patchIds.put(write.name(), answer.asText());
            }
        });
        finish(answers);
        return patchIds;
    }

    /**
     * Before a refused patch is sent again: the etag the plan read must still be the environment's,
     * else another writer came in while tlctl waited (the refusal itself may be its deployment), and
     * sending the patch again would overwrite what it wrote unseen (the check before the first send,
     * apply's, is then out of date).
     */
    private void recheck(EnvironmentWrite write, RailwayException refusal) {
        if (write.changeSet() != null || write.baseConfigEtag() == null) {
            return;
        }
        JsonNode now = transport.execute(Documents.request("EnvironmentEtag",
                "re-read the config etag of environment " + write.name() + " before sending its changes again",
                Map.of("id", write.environmentId()), true));
        if (!write.baseConfigEtag().equals(now.path("environment").path("configEtag").asText(null))) {
            throw new StaleEnvironmentException(List.of(write.name()), refusal);
        }
    }

    /**
     * Previews every change set in one request and keeps, of each, the changes Railway's preview
     * kept (no-ops dropped), in the preview's order; a change set left empty is not applied. The
     * changes applied are tlctl's own, matched by kind and path: values Railway echoes are never
     * sent back, so secrets stay {@link dev.tlctl.secret.Secret}s until the request is written.
     */
    private List<EnvironmentWrite> preview(List<EnvironmentWrite> writes) {
        List<EnvironmentWrite> sets = writes.stream().filter(w -> w.changeSet() != null && w.staged() != Staged.INCLUDE)
                .toList();
        if (sets.isEmpty()) {
            return writes;
        }
        BatchComposer batch = new BatchComposer("PreviewChangeSets");
        for (int i = 0; i < sets.size(); i++) {
            batch.add("v" + i, Documents.load("EnvironmentPreviewChangeSet"),
                    Map.of("environmentId", sets.get(i).environmentId(), "input", sets.get(i).changeSet().input()));
        }
        DocumentBatch composed = batch.compose();
        JsonNode data = transport.execute(composed.request("preview the changes to "
                + String.join(", ", sets.stream().map(EnvironmentWrite::name).toList()), true));
        Map<EnvironmentWrite, ChangeSet> previewed = new HashMap<>();
        for (int i = 0; i < sets.size(); i++) {
            JsonNode changeSet = LiveMapper.config(composed.result(data, "v" + i).get("changeSet"));
            List<String> kept = new ArrayList<>();
            for (JsonNode change : changeSet == null ? List.<JsonNode>of() : changeSet.path("changes")) {
                kept.add(ChangeSet.key(change));
            }
            previewed.put(sets.get(i), sets.get(i).changeSet().keeping(kept));
        }
        List<EnvironmentWrite> out = new ArrayList<>();
        for (EnvironmentWrite write : writes) {
            ChangeSet set = previewed.get(write);
            if (set == null) {
                out.add(write);
            } else if (!set.isEmpty()) {
                out.add(new EnvironmentWrite(write.environmentId(), write.name(), write.patch(), set,
                        write.baseConfigEtag(), write.staged()));
            }
        }
        return out;
    }

    /**
     * Stages tlctl's patch on top of what is staged (--include-staged), or drops what is staged
     * (--discard-staged), for every such environment in one request, before the commit: the two
     * are sent apart, as Railway's CLI sends them (src/controllers/template_apply.rs stages, then
     * commits the staged patch), so that a commit that fails never hides whether the staging
     * landed.
     */
    private void stage(List<EnvironmentWrite> writes) {
        BatchComposer batch = new BatchComposer("StageChanges");
        Set<String> names = new LinkedHashSet<>();
        int i = 0;
        for (EnvironmentWrite write : writes) {
            if (write.staged() == Staged.DISCARD) {
                Map<String, Object> discard = new HashMap<>();
                discard.put("environmentId", write.environmentId());
                discard.put("input", ConfigCodec.newObject());
                discard.put("merge", false);
                batch.add("d" + i++, Documents.load("EnvironmentStageChanges"), discard);
                names.add(write.name());
            } else if (write.staged() == Staged.INCLUDE) {
                Map<String, Object> stage = new HashMap<>();
                stage.put("environmentId", write.environmentId());
                stage.put("input", write.patch());
                stage.put("merge", true);
                batch.add("s" + i++, Documents.load("EnvironmentStageChanges"), stage);
                names.add(write.name());
            }
        }
        if (i > 0) {
            // Staging the same patch again changes nothing more: safe to repeat after a lost answer.
            transport.execute(batch.compose().request("stage the changes to " + String.join(", ", names), true));
        }
    }

    /**
     * Polls the change sets Railway is still applying, as Railway's CLI polls one (src/iac/engine.rs
     * {@code wait_for_apply}): at once, then a second after each round in which one still says
     * "applying", {@value #POLLS} rounds at most; every change set still applying is polled in the
     * same request. Throws unless Railway applied all of each.
     */
    private void finish(Map<EnvironmentWrite, JsonNode> answers) {
        Map<EnvironmentWrite, JsonNode> applying = new LinkedHashMap<>();
        answers.forEach((write, answer) -> {
            if ("applying".equals(answer.path("status").asText())) {
                applying.put(write, answer);
            } else {
                outcome(write, answer);
            }
        });
        for (int round = 0; !applying.isEmpty(); round++) {
            List<EnvironmentWrite> writes = new ArrayList<>(applying.keySet());
            List<String> names = writes.stream().map(EnvironmentWrite::name).toList();
            if (round >= POLLS) {
                throw new ChangeSetFailedException(names, (names.size() == 1 ? "it was" : "they were")
                        + " still being applied after " + POLLS + " polls a second apart; the outcome is unknown. Run"
                        + " tlctl plan in a while to see where it stands");
            }
            if (round > 0) {
                waits.sleep("the changes to " + (names.size() == 1 ? "environment " : "environments ")
                        + String.join(", ", names), "Railway is still applying them", POLL_INTERVAL);
            }
            BatchComposer batch = new BatchComposer("ChangeSetApplies");
            for (int i = 0; i < writes.size(); i++) {
                batch.add("a" + i, Documents.load("EnvironmentChangeSetApply"), Map.of("environmentId",
                        writes.get(i).environmentId(), "id", applying.get(writes.get(i)).path("id").asText()));
            }
            DocumentBatch composed = batch.compose();
            JsonNode data = transport.execute(composed.request("wait for the changes to " + String.join(", ", names), true));
            for (int i = 0; i < writes.size(); i++) {
                JsonNode answer = composed.result(data, "a" + i);
                if (!"applying".equals(answer.path("status").asText())) {
                    applying.remove(writes.get(i));
                    outcome(writes.get(i), answer);
                }
            }
        }
    }

    /** Throws unless Railway applied all of the change set. */
    private static void outcome(EnvironmentWrite write, JsonNode answer) {
        String status = answer.path("status").asText();
        List<String> failed = new ArrayList<>();
        for (JsonNode change : answer.path("changes")) {
            if ("failed".equals(change.path("status").asText())) {
                failed.add(change.path("path").asText(change.path("kind").asText()));
            }
        }
        if (!"applied".equals(status) || !failed.isEmpty()) {
            throw new ChangeSetFailedException(List.of(write.name()), "Railway answered status \"" + status + "\""
                    + (failed.isEmpty() ? "" : " with failed changes " + String.join(", ", failed))
                    + ". Run tlctl plan to see what was applied");
        }
    }

    /** Deletes services (everywhere) and environments, in one request. */
    void delete(List<String> serviceIds, List<String> environmentIds, String what) {
        BatchComposer batch = new BatchComposer("Deletes");
        int i = 0;
        for (String id : serviceIds) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", id);
            batch.add("d" + i++, Documents.load("ServiceDelete"), variables);
        }
        for (String id : environmentIds) {
            batch.add("d" + i++, Documents.load("EnvironmentDelete"), Map.of("id", id));
        }
        if (i > 0) {
            transport.execute(batch.compose().request("delete " + what, true));
        }
    }
}
