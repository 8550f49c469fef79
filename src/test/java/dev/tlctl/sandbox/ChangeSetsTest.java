package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** environmentApplyChangeSet, environmentChangeSetApply and environmentPreviewChangeSet, as CHANGESETS.md describes them. */
class ChangeSetsTest extends SandboxTestBase {
    Project p;
    String api;
    String db;

    @BeforeEach
    void projectWithTwoServices() {
        p = project("demo");
        api = service(p.id(), "api");
        db = service(p.id(), "db");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of(
                "deploy", Map.of("startCommand", "node server.js",
                        "multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 1))),
                "variables", Map.of("FEATURE_X", Map.of("value", "off"))))));
    }

    static Map<String, Object> changeSet(Object... changes) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("version", 1);
        set.put("changes", Arrays.asList(changes));
        set.put("diagnostics", List.of());
        return set;
    }

    static Map<String, Object> setLiteral(String service, String name, String value) {
        return Map.of("kind", "variable.set", "address", "service." + service, "variable", name,
                "after", Map.of("type", "literal", "value", value),
                "path", "resources.service." + service + ".variables." + name,
                "summary", "Set variable " + service + "." + name, "severity", "safe", "deployEffect", "deploy");
    }

    static Map<String, Object> update(String service, String field, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", "resource.update");
        change.put("address", "service." + service);
        change.put("field", field);
        change.put("after", after);
        return change;
    }

    String etag(String environmentId) {
        return gql.data(Docs.CONFIG_ETAG, "id", environmentId).at("/environment/configEtag").asText();
    }

    JsonNode config(String environmentId) {
        return gql.data(Docs.CONFIG_ETAG, "id", environmentId).at("/environment/config");
    }

    JsonNode apply(String environmentId, Map<String, Object> set, String base) {
        return gql.data(Docs.CHANGE_SET_APPLY, "environmentId", environmentId, "input", set, "baseConfigEtag", base,
                "commitMessage", "tlctl: test").get("environmentApplyChangeSet");
    }

    /** Asserts the apply fails with exactly this message and changes nothing. */
    void assertRefused(String message, Map<String, Object> set) {
        String before = etag(p.productionId());
        int deployments = sandbox.stats().totalDeployments();
        assertEquals(List.of(message), gql.errors(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(),
                "input", set));
        assertEquals(before, etag(p.productionId()), "nothing applied");
        assertEquals(deployments, sandbox.stats().totalDeployments());
        assertEquals(List.of(message), gql.errors(Docs.CHANGE_SET_PREVIEW, "environmentId", p.productionId(),
                "input", set), "the preview refuses it the same way");
    }

    @Test
    void theWorkedExampleAppliesVariablesAndAWholeDeployField() {
        String base = etag(p.productionId());
        int before = sandbox.stats().deploymentsFor("production", "api");
        JsonNode result = apply(p.productionId(), changeSet(
                setLiteral("api", "LOG_LEVEL", "debug"),
                Map.of("kind", "variable.set", "address", "service.api", "variable", "FEATURE_X",
                        "before", Map.of("type", "literal", "value", "off"),
                        "after", Map.of("type", "literal", "value", "on")),
                update("api", "deploy", Map.of("startCommand", "node server.js",
                        "multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 3))))), base);

        assertEquals("applied", result.get("status").asText());
        assertTrue(result.get("stagedPatchId").isNull());
        assertEquals(0, result.get("diagnostics").size());
        assertEquals(List.of("applied", "applied", "applied"), statuses(result));
        assertEquals("Set variable api.LOG_LEVEL", result.at("/changes/0/summary").asText(), "the change's summary");
        assertEquals("resources.service.api.variables.FEATURE_X", result.at("/changes/1/path").asText(), "derived");
        assertEquals("Update variable api.FEATURE_X", result.at("/changes/1/summary").asText());
        assertEquals("Update api deploy", result.at("/changes/2/summary").asText());
        assertTrue(result.at("/changes/0/outputs").isNull());

        JsonNode instance = config(p.productionId()).at("/services/" + api);
        assertEquals("debug", instance.at("/variables/LOG_LEVEL/value").asText());
        assertEquals("on", instance.at("/variables/FEATURE_X/value").asText());
        assertEquals(3, instance.at("/deploy/multiRegionConfig/us-west2/numReplicas").asInt());
        assertEquals(3, instance(p.productionId(), api).get("numReplicas").asInt());
        assertEquals(before + 1, sandbox.stats().deploymentsFor("production", "api"), "one deployment for api");
        assertEquals(1, sandbox.stats().deploymentsFor("production", "db"), "db untouched (its create only)");
        String latest = gql.data(Docs.DEPLOYMENTS, "input", Map.of("serviceId", api, "environmentId", p.productionId()))
                .at("/deployments/edges/0/node/id").asText();
        assertEquals(latest, result.get("deploymentId").asText());
        assertNotEquals(base, etag(p.productionId()));
    }

    @Test
    void resourceUpdateIsASparsePatchOfTheFieldWhereNullRemovesAKey() {
        apply(p.productionId(), changeSet(update("api", "deploy", Map.of("healthcheckPath", "/health")),
                update("api", "build", Map.of("builder", "RAILPACK", "buildCommand", "make")),
                update("api", "source", Map.of("type", "image", "image", "nginx:2"))), null);
        JsonNode instance = config(p.productionId()).at("/services/" + api);
        assertEquals("node server.js", instance.at("/deploy/startCommand").asText(), "a key after leaves out stays");
        assertEquals("/health", instance.at("/deploy/healthcheckPath").asText());
        assertEquals(Map.of("image", "nginx:2"), Gql.MAPPER.convertValue(instance.get("source"), Map.class),
                "source.type is the graph's derived key, not written");
        Map<String, Object> moved = new LinkedHashMap<>();
        moved.put("us-west2", null);
        moved.put("europe-west4-drams3a", Map.of("numReplicas", 2));
        Map<String, Object> deploy = new LinkedHashMap<>();
        deploy.put("healthcheckPath", null);
        deploy.put("multiRegionConfig", moved);
        apply(p.productionId(), changeSet(update("api", "deploy", deploy)), null);
        JsonNode after = config(p.productionId()).at("/services/" + api + "/deploy");
        assertTrue(after.get("healthcheckPath") == null, "null removes the key");
        assertEquals(Map.of("europe-west4-drams3a", Map.of("numReplicas", 2)),
                Gql.MAPPER.convertValue(after.get("multiRegionConfig"), Map.class), "the old region named with null goes");
        apply(p.productionId(), changeSet(update("api", "deploy", Map.of("multiRegionConfig",
                Map.of("us-west2", Map.of("numReplicas", 1))))), null);
        assertEquals(2, config(p.productionId()).at("/services/" + api + "/deploy/multiRegionConfig").size(),
                "a region move without the old region's null keeps both");
        assertEquals(List.of("noop"), statuses(apply(p.productionId(), changeSet(update("api", "build", null)), null)),
                "after: null changes nothing");
    }

    @Test
    void aSourceKeepsRepoAndBranchOnlyForTypeGithubAndImageOnlyForTypeImage() {
        apply(p.productionId(), changeSet(update("api", "source", Map.of("type", "github", "repo", "acme/api",
                "branch", "main", "image", "ignored:1", "rootDirectory", "/app"))), null);
        JsonNode source = config(p.productionId()).at("/services/" + api + "/source");
        assertEquals("acme/api", source.get("repo").asText());
        assertEquals("main", source.get("branch").asText());
        assertEquals("/app", source.get("rootDirectory").asText());
        assertTrue(source.get("image") != null, "the earlier image stays: a sparse patch never names it");
        JsonNode typeless = apply(p.productionId(), changeSet(update("api", "source", Map.of("repo", "acme/api",
                "branch", "develop"))), null);
        assertEquals(List.of("noop"), statuses(typeless), "without type, repo and branch are dropped: nothing moves");
        assertEquals("main", config(p.productionId()).at("/services/" + api + "/source/branch").asText());
        apply(p.productionId(), changeSet(update("api", "source", Map.of("type", "github", "repo", "acme/api",
                "branch", "develop"))), null);
        assertEquals("develop", config(p.productionId()).at("/services/" + api + "/source/branch").asText());
    }

    @Test
    void aPreDeployCommandOfTwoFailsTheWholeChangeSet() {
        // Issue 16, item 9: Railway runs one pre-deploy command; a list of two fails the whole commit.
        assertRefused("Error in preDeployCommand - Invalid input", changeSet(setLiteral("api", "LOG_LEVEL", "debug"),
                update("api", "deploy", Map.of("preDeployCommand", List.of("python -m migrate", "python -m seed")))));
    }

    @Test
    void aVariableDeleteWithoutItsPreviousValueIsRefused() {
        assertRefused("changes[0] (variable.delete service.api): previous is missing (the variable's value before the"
                + " delete, which Railway's change-set type requires); nothing was applied",
                changeSet(Map.of("kind", "variable.delete", "address", "service.api", "variable", "FEATURE_X")));
        JsonNode result = apply(p.productionId(), changeSet(Map.of("kind", "variable.delete", "address", "service.api",
                "variable", "FEATURE_X", "previous", Map.of("type", "literal", "value", "off"))), null);
        assertEquals(List.of("applied"), statuses(result));
    }

    @Test
    void eachValueTypeIsWrittenAsRailwayWritesIt() {
        commit(p.productionId(), Map.of("sharedVariables", Map.of("DOMAIN", Map.of("value", "example.com"))));
        JsonNode result = apply(p.productionId(), changeSet(
                Map.of("kind", "variable.set", "address", "service.api", "variable", "DB_URL",
                        "after", Map.of("type", "reference", "resource", "service.db", "output", "DATABASE_URL")),
                Map.of("kind", "variable.set", "address", "service.api", "variable", "PG",
                        "after", Map.of("type", "reference", "resource", "database.db", "output", "PGHOST")),
                Map.of("kind", "variable.set", "address", "service.api", "variable", "HOST",
                        "after", Map.of("type", "sharedReference", "name", "DOMAIN")),
                Map.of("kind", "variable.set", "address", "service.api", "variable", "TOKEN",
                        "after", Map.of("type", "raw", "value", Map.of("value", "t0k", "isSealed", true))),
                Map.of("kind", "variable.set", "address", "service.api", "variable", "KEPT",
                        "after", Map.of("type", "literal", "value", "v", "isSealed", false, "description", "d")),
                Map.of("kind", "variable.set", "address", "service.api", "variable", "FEATURE_X",
                        "after", Map.of("type", "preserve"))), null);
        assertEquals(List.of("applied", "applied", "applied", "applied", "applied", "noop"), statuses(result));
        JsonNode variables = config(p.productionId()).at("/services/" + api + "/variables");
        assertEquals("${{db.DATABASE_URL}}", variables.at("/DB_URL/value").asText());
        assertEquals("${{db.PGHOST}}", variables.at("/PG/value").asText());
        assertEquals("${{shared.DOMAIN}}", variables.at("/HOST/value").asText());
        assertTrue(variables.at("/TOKEN/isSealed").asBoolean());
        assertEquals("d", variables.at("/KEPT/description").asText());
        assertEquals("off", variables.at("/FEATURE_X/value").asText(), "preserve is never written");
        assertTrue(variables(p.id(), p.productionId(), api, false).get("TOKEN").isNull(), "sealed on read");
    }

    @Test
    void changesThatChangeNothingAreNoopsWithoutDeploymentsAndKeepTheEtag() {
        String base = etag(p.productionId());
        int deployments = sandbox.stats().totalDeployments();
        JsonNode result = apply(p.productionId(), changeSet(setLiteral("api", "FEATURE_X", "off"),
                Map.of("kind", "variable.delete", "address", "service.api", "variable", "NOT_THERE",
                        "previous", Map.of("type", "preserve")),
                update("api", "deploy", Map.of("startCommand", "node server.js",
                        "multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 1))))), base);
        assertEquals("applied", result.get("status").asText());
        assertEquals(List.of("noop", "noop", "noop"), statuses(result));
        assertTrue(result.get("deploymentId").isNull());
        assertEquals(base, etag(p.productionId()));
        assertEquals(deployments, sandbox.stats().totalDeployments());
        JsonNode empty = apply(p.productionId(), changeSet(), base);
        assertEquals("applied", empty.get("status").asText());
        assertEquals(0, empty.get("changes").size());
    }

    @Test
    void aStaleBaseEtagIsRefusedWithRailwaysCodeAndNothingIsApplied() {
        String base = etag(p.productionId());
        apply(p.productionId(), changeSet(setLiteral("api", "A", "1")), base);
        String now = etag(p.productionId());

        Gql.Response response = gql.post(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(),
                "input", changeSet(setLiteral("api", "B", "2")), "baseConfigEtag", base);
        JsonNode errors = response.json().get("errors");
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("The environment changed since this plan was computed. Re-run plan and review the changes"
                + " before applying.", errors.at("/0/message").asText());
        assertEquals("STALE_ENVIRONMENT_BASE", errors.at("/0/extensions/code").asText());
        assertEquals(now, etag(p.productionId()), "nothing applied");
        assertFalse(config(p.productionId()).at("/services/" + api + "/variables").has("B"));

        apply(p.productionId(), changeSet(setLiteral("api", "B", "2")), null);
        assertTrue(config(p.productionId()).at("/services/" + api + "/variables").has("B"), "no etag: no check");
    }

    @Test
    void anythingOutsideTheSupportedVocabularyIsRefusedAndNothingIsHalfApplied() {
        Map<String, Object> set = changeSet();
        set.put("version", 2);
        assertRefused("Unsupported change set version 2: the tlctl sandbox applies version 1 only", set);
        assertRefused("changes[1] (variable.set service.nope): unknown address service.nope: no service named nope"
                + " in this project", changeSet(setLiteral("api", "A", "1"), setLiteral("nope", "A", "1")));
        assertRefused("changes[1] (domain.create service.api): the tlctl sandbox does not apply domain.create changes"
                        + " (it applies variable.set, variable.delete, resource.create, resource.update and"
                        + " resource.delete of services); nothing was applied",
                changeSet(setLiteral("api", "A", "1"), Map.of("kind", "domain.create", "address", "service.api",
                        "domain", "x.example.com", "targetPort", 8080)));
        assertRefused("changes[0] (variable.set shared): unsupported address shared: the tlctl sandbox addresses"
                        + " services only, as service.<name>; nothing was applied",
                changeSet(Map.of("kind", "variable.set", "address", "shared", "variable", "A",
                        "after", Map.of("type", "literal", "value", "1"))));
        assertRefused("changes[0] (resource.update volume.data): unsupported address volume.data: the tlctl sandbox"
                        + " addresses services only, as service.<name>; nothing was applied",
                changeSet(Map.of("kind", "resource.update", "address", "volume.data", "field", "config",
                        "after", Map.of("sizeMB", 5000))));
        assertRefused("changes[0] (resource.update service.api): the tlctl sandbox updates the fields source, build and"
                        + " deploy only, not networking; nothing was applied",
                changeSet(update("api", "networking", Map.of())));
        assertRefused("changes[0] (resource.create database.pg): the tlctl sandbox creates service nodes only, not"
                        + " database; nothing was applied",
                changeSet(Map.of("kind", "resource.create", "address", "database.pg",
                        "resource", Map.of("address", "database.pg", "type", "database", "engine", "postgres"))));
        assertRefused("changes[0] (variable.set service.api): unknown value type secret (expected literal, reference,"
                        + " sharedReference, raw or preserve)",
                changeSet(Map.of("kind", "variable.set", "address", "service.api", "variable", "A",
                        "after", Map.of("type", "secret"))));
        assertRefused("The change set carries an error diagnostic at resources.service.api: bad. Fix it, then plan"
                + " again.", Map.of("version", 1, "changes", List.of(setLiteral("api", "A", "1")),
                "diagnostics", List.of(Map.of("severity", "error", "path", "resources.service.api", "message", "bad"))));
        assertRefused("changes[0] (resource.create service.api): service.api already exists in environment production",
                changeSet(Map.of("kind", "resource.create", "address", "service.api",
                        "resource", Map.of("address", "service.api", "type", "service", "name", "api"))));
    }

    @Test
    void withoutWaitingTheAnswerIsApplyingAndThePollGivesTheFinalResult() {
        Map<String, Object> set = changeSet(setLiteral("api", "A", "1"), setLiteral("api", "FEATURE_X", "off"));
        JsonNode started = gql.data(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(), "input", set,
                "waitForCompletion", false).get("environmentApplyChangeSet");
        assertEquals("applying", started.get("status").asText());
        JsonNode done = gql.data(Docs.CHANGE_SET_POLL, "environmentId", p.productionId(), "id",
                started.get("id").asText()).get("environmentChangeSetApply");
        assertEquals("applied", done.get("status").asText());
        assertEquals(started.get("id"), done.get("id"));
        assertEquals(List.of("applied", "noop"), statuses(done));
        assertEquals(started.get("deploymentId"), done.get("deploymentId"));

        String staging = environment(p.id(), "staging");
        assertEquals(List.of("ChangeSet apply " + started.get("id").asText() + " not found in environment staging"),
                gql.errors(Docs.CHANGE_SET_POLL, "environmentId", staging, "id", started.get("id").asText()));
        assertEquals(List.of("ChangeSet apply nope not found in environment production"),
                gql.errors(Docs.CHANGE_SET_POLL, "environmentId", p.productionId(), "id", "nope"));
    }

    @Test
    void resourceCreateAddsAnInstanceOrANewServiceHereOnlyAndResourceDeleteRemovesTheInstanceHereOnly() {
        String staging = environment(p.id(), "staging");
        assertEquals(List.of(), instanceServiceIds(staging), "a new environment without a source has no instances");
        JsonNode result = apply(staging, changeSet(
                Map.of("kind", "resource.create", "address", "service.api", "resource", Map.of(
                        "address", "service.api", "type", "service", "name", "api", "kind", "docker-image",
                        "source", Map.of("type", "image", "image", "nginx:1"),
                        "deploy", Map.of("startCommand", "run"),
                        "variables", Map.of("A", Map.of("type", "literal", "value", "1")))),
                Map.of("kind", "resource.create", "address", "service.worker", "resource", Map.of(
                        "address", "service.worker", "type", "service", "name", "worker",
                        "source", Map.of("type", "image", "image", "busybox"), "networking", Map.of())),
                setLiteral("worker", "QUEUE", "jobs")), null);
        assertEquals(List.of("applied", "applied", "applied"), statuses(result));
        String worker = result.at("/changes/1/outputs/serviceId").asText();
        assertTrue(result.at("/changes/0/outputs").isNull(), "api existed: no new service");
        assertEquals(List.of(api, worker), instanceServiceIds(staging));
        assertEquals("worker", gql.data(Docs.SERVICE, "id", worker).at("/service/name").asText());
        assertFalse(instanceServiceIds(p.productionId()).contains(worker), "created in this environment only");
        JsonNode config = config(staging);
        assertEquals("nginx:1", config.at("/services/" + api + "/source/image").asText());
        assertEquals("1", config.at("/services/" + api + "/variables/A/value").asText());
        assertEquals("jobs", config.at("/services/" + worker + "/variables/QUEUE/value").asText());
        assertEquals(1, sandbox.stats().deploymentsFor("staging", "api"));
        assertEquals(1, sandbox.stats().deploymentsFor("staging", "worker"));

        JsonNode deleted = apply(staging, changeSet(Map.of("kind", "resource.delete", "address", "service.api",
                "previous", Map.of())), null);
        assertEquals(List.of("applied"), statuses(deleted));
        assertEquals(List.of(worker), instanceServiceIds(staging));
        assertTrue(instanceServiceIds(p.productionId()).contains(api), "other environments keep theirs");
        assertEquals(List.of("noop"), statuses(apply(staging, changeSet(Map.of("kind", "resource.delete",
                "address", "service.api")), null)));
    }

    @Test
    void thePreviewHasNoSideEffectsAndDropsNoops() {
        String base = etag(p.productionId());
        int deployments = sandbox.stats().totalDeployments();
        Map<String, Object> create = Map.of("kind", "resource.create", "address", "service.new",
                "resource", Map.of("address", "service.new", "type", "service", "name", "new",
                        "source", Map.of("type", "image", "image", "redis")));
        Map<String, Object> set = changeSet(setLiteral("api", "FEATURE_X", "off"), setLiteral("api", "NEW", "1"),
                create, Map.of("kind", "resource.delete", "address", "service.db"));
        set.put("partial", "kept as sent");
        JsonNode preview = gql.data(Docs.CHANGE_SET_PREVIEW, "environmentId", p.productionId(), "input", set)
                .get("environmentPreviewChangeSet");
        JsonNode changes = preview.at("/changeSet/changes");
        assertEquals(3, changes.size(), "the no-op FEATURE_X is dropped");
        assertEquals("NEW", changes.at("/0/variable").asText());
        assertEquals("safe", changes.at("/0/severity").asText(), "changes come back as sent");
        assertEquals(1, preview.at("/changeSet/version").asInt());
        assertEquals("kept as sent", preview.at("/changeSet/partial").asText());
        assertEquals(0, preview.get("diagnostics").size());
        assertEquals(Map.of("deploys", List.of("service.api", "service.new"), "creates", List.of("service.new"),
                "deletes", List.of("service.db")), Gql.MAPPER.convertValue(preview.get("effects"), Map.class));

        assertEquals(base, etag(p.productionId()));
        assertEquals(deployments, sandbox.stats().totalDeployments());
        assertEquals(2, gql.data(Docs.PROJECT, "id", p.id()).at("/project/services/edges").size(), "no service made");
    }

    @Test
    void projectTokensApplyToTheirOwnEnvironmentOnly() {
        String staging = environment(p.id(), "staging");
        Gql scoped = gql.withProjectToken(sandbox.mintProjectToken("demo", "production"));
        assertEquals("applied", scoped.data(Docs.CHANGE_SET_APPLY, "environmentId", p.productionId(),
                "input", changeSet(setLiteral("api", "A", "1"))).at("/environmentApplyChangeSet/status").asText());
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.CHANGE_SET_APPLY, "environmentId", staging,
                "input", changeSet()));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.CHANGE_SET_PREVIEW, "environmentId", staging,
                "input", changeSet()));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.CHANGE_SET_APPLY, "environmentId",
                p.productionId(), "input", changeSet(Map.of("kind", "resource.create", "address", "service.x",
                        "resource", Map.of("type", "service", "name", "x")))), "a new project service needs Bearer");
    }

    private static List<String> statuses(JsonNode result) {
        List<String> statuses = new ArrayList<>();
        result.get("changes").forEach(change -> statuses.add(change.get("status").asText()));
        return statuses;
    }
}
