package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Variables and the EnvironmentConfig store: every write shows in every read. */
class VariablesAndConfigTest extends SandboxTestBase {
    Project p;
    String api;
    String db;

    @BeforeEach
    void projectWithTwoServices() {
        p = project("demo");
        api = service(p.id(), "api");
        db = service(p.id(), "postgres");
    }

    private void upsert(String serviceId, String name, String value) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "name", name, "value", value));
        if (serviceId != null) {
            input.put("serviceId", serviceId);
        }
        assertTrue(gql.data(Docs.VARIABLE_UPSERT, "input", input).get("variableUpsert").asBoolean());
    }

    private Map<String, Object> collection(String serviceId, Map<String, String> variables) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "variables", variables));
        if (serviceId != null) {
            input.put("serviceId", serviceId);
        }
        return input;
    }

    @Test
    void registryCredentialsAreWriteOnlyAndEveryReadMasksThem() {
        // railwayapp/cli src/iac/change_set.rs: MASKED_CREDENTIAL_VALUE "*****", stripped before comparing.
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "run",
                "registryCredentials", Map.of("username", "bot", "password", "fake-registry-password"))))));
        for (boolean decrypt : List.of(false, true)) {
            JsonNode credentials = environmentView(p.productionId(), decrypt)
                    .at("/config/services/" + api + "/deploy/registryCredentials");
            assertEquals("*****", credentials.get("username").asText());
            assertEquals("*****", credentials.get("password").asText());
            assertFalse(credentials.toString().contains("fake-registry-password"));
        }
        assertEquals("run", environmentView(p.productionId(), true)
                .at("/config/services/" + api + "/deploy/startCommand").asText(), "the rest of deploy reads as written");
    }

    @Test
    void variablesRenderReferencesUnlessUnrendered() {
        upsert(db, "PGHOST", "db.internal");
        upsert(db, "DATABASE_URL", "postgres://${{PGHOST}}:5432");
        upsert(null, "DOMAIN", "example.com");
        upsert(api, "DATABASE_URL", "${{postgres.DATABASE_URL}}");
        upsert(api, "PUBLIC", "https://${{ shared.DOMAIN }}/x");
        upsert(api, "SELF", "${{PUBLIC}}!");
        upsert(api, "MISSING", "[${{nope.X}}][${{shared.NOPE}}][${{NOPE}}]");
        upsert(api, "LOOP", "${{LOOP}}");

        JsonNode rendered = variables(p.id(), p.productionId(), api, false);
        assertEquals("postgres://db.internal:5432", rendered.get("DATABASE_URL").asText());
        assertEquals("https://example.com/x", rendered.get("PUBLIC").asText());
        assertEquals("https://example.com/x!", rendered.get("SELF").asText());
        assertEquals("[][][]", rendered.get("MISSING").asText(), "unresolvable references render empty");
        assertEquals("", rendered.get("LOOP").asText());

        JsonNode literal = variables(p.id(), p.productionId(), api, true);
        assertEquals("${{postgres.DATABASE_URL}}", literal.get("DATABASE_URL").asText());
        assertEquals(5, literal.size());

        JsonNode shared = variables(p.id(), p.productionId(), null, true);
        assertEquals(Map.of("DOMAIN", "example.com"), Gql.MAPPER.convertValue(shared, Map.class));
    }

    @Test
    void aSealedVariableComesBackByNameWithoutItsValueNotEvenThroughAReference() {
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("variables", Map.of(
                "SECRET", Map.of("value", "s3cr3t", "isSealed", true),
                "URL", Map.of("value", "x://${{SECRET}}"),
                "PLAIN", Map.of("value", "p"))))));
        JsonNode rendered = variables(p.id(), p.productionId(), api, false);
        assertTrue(rendered.has("SECRET") && rendered.get("SECRET").isNull(), rendered.toString());
        assertTrue(rendered.get("URL").isNull(), "a value rendered from a sealed one is withheld too: " + rendered);
        assertEquals("p", rendered.get("PLAIN").asText());
        JsonNode unrendered = variables(p.id(), p.productionId(), api, true);
        assertTrue(unrendered.get("SECRET").isNull());
        assertEquals("x://${{SECRET}}", unrendered.get("URL").asText(), "the reference itself is not secret");
        assertFalse(rendered.toString().contains("s3cr3t"));
        JsonNode config = environmentView(p.productionId(), true).at("/config/services/" + api + "/variables");
        assertFalse(config.get("SECRET").has("value"));
        assertTrue(config.at("/SECRET/isSealed").asBoolean());
        assertEquals("x://${{SECRET}}", config.at("/URL/value").asText());
        JsonNode nodes = environmentView(p.productionId(), false).at("/variables/edges");
        boolean sealedListed = false;
        for (JsonNode edge : nodes) {
            if (edge.at("/node/name").asText().equals("SECRET")) {
                sealedListed = edge.at("/node/isSealed").asBoolean();
            }
        }
        assertTrue(sealedListed, "names of sealed variables are listed: " + nodes);
        // sealing is for good, and an upsert keeps the seal
        upsert(api, "SECRET", "rotated");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("variables", Map.of(
                "SECRET", Map.of("isSealed", false))))));
        assertTrue(environmentView(p.productionId(), true)
                .at("/config/services/" + api + "/variables/SECRET/isSealed").asBoolean());
        assertTrue(variables(p.id(), p.productionId(), api, false).get("URL").isNull());
    }

    @Test
    void configWithoutDecryptionCarriesNamesOnly() {
        upsert(api, "PORT", "3000");
        upsert(null, "SHARED", "yes");
        JsonNode masked = environmentView(p.productionId(), false).get("config");
        assertEquals(Map.of(), Gql.MAPPER.convertValue(masked.at("/services/" + api + "/variables/PORT"), Map.class));
        assertEquals(Map.of(), Gql.MAPPER.convertValue(masked.at("/sharedVariables/SHARED"), Map.class));
        JsonNode absent = gql.data("query Environment($id: String!) { environment(id: $id) { config } }",
                "id", p.productionId()).at("/environment/config");
        assertEquals(masked, absent, "decryptVariables absent = false");
        JsonNode plain = environmentView(p.productionId(), true).get("config");
        assertEquals("3000", plain.at("/services/" + api + "/variables/PORT/value").asText());
        assertEquals("yes", plain.at("/sharedVariables/SHARED/value").asText());
    }

    @Test
    void variableCollectionUpsertMergesOrReplacesAndCanSkipDeploys() {
        upsert(api, "OLD", "1");
        int before = sandbox.stats().deploymentsFor("production", "api");
        Map<String, Object> merge = collection(api, Map.of("A", "a", "B", "b"));
        merge.put("skipDeploys", true);
        gql.data(Docs.VARIABLE_COLLECTION_UPSERT, "input", merge);
        assertEquals(Map.of("OLD", "1", "A", "a", "B", "b"),
                Gql.MAPPER.convertValue(variables(p.id(), p.productionId(), api, true), Map.class));
        assertEquals(before, sandbox.stats().deploymentsFor("production", "api"), "skipDeploys");

        Map<String, Object> replace = collection(api, Map.of("C", "c"));
        replace.put("replace", true);
        gql.data(Docs.VARIABLE_COLLECTION_UPSERT, "input", replace);
        assertEquals(Map.of("C", "c"), Gql.MAPPER.convertValue(variables(p.id(), p.productionId(), api, true), Map.class));
        assertEquals(before + 1, sandbox.stats().deploymentsFor("production", "api"));

        int postgres = sandbox.stats().deploymentsFor("production", "postgres");
        Map<String, Object> reads = collection(api, Map.of("S1_REF", "${{shared.S1}}"));
        reads.put("skipDeploys", true);
        gql.data(Docs.VARIABLE_COLLECTION_UPSERT, "input", reads);
        gql.data(Docs.VARIABLE_COLLECTION_UPSERT, "input", collection(null, Map.of("S1", "x")));
        assertEquals("x", variables(p.id(), p.productionId(), null, true).get("S1").asText());
        assertEquals(before + 2, sandbox.stats().deploymentsFor("production", "api"),
                "a shared change deploys the instances that reference it");
        assertEquals(postgres, sandbox.stats().deploymentsFor("production", "postgres"), "and no other");
        gql.assertError("string value", Docs.VARIABLE_COLLECTION_UPSERT, "input",
                Map.of("projectId", p.id(), "environmentId", p.productionId(), "variables", Map.of("X", List.of(1))));
    }

    @Test
    void variableDeleteRemovesServiceOrSharedVariablesAndDeploys() {
        upsert(api, "PORT", "1");
        upsert(api, "READS_SHARED", "${{shared.SHARED}}");
        upsert(null, "SHARED", "1");
        int apiBefore = sandbox.stats().deploymentsFor("production", "api");
        gql.data(Docs.VARIABLE_DELETE, "input", Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "serviceId", api, "name", "PORT"));
        assertFalse(variables(p.id(), p.productionId(), api, true).has("PORT"));
        assertEquals(apiBefore + 1, sandbox.stats().deploymentsFor("production", "api"));
        gql.data(Docs.VARIABLE_DELETE, "input", Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "name", "SHARED"));
        assertEquals(0, variables(p.id(), p.productionId(), null, true).size());
        assertEquals(apiBefore + 2, sandbox.stats().deploymentsFor("production", "api"), "api references SHARED");
        assertFalse(environmentView(p.productionId(), true).at("/config/sharedVariables").has("SHARED"));
    }

    @Test
    void variableInputsAreChecked() {
        Project other = project("other");
        gql.assertError("Environment not found", Docs.VARIABLE_UPSERT, "input", Map.of("projectId", other.id(),
                "environmentId", p.productionId(), "name", "X", "value", "1"));
        gql.assertError("Service not found", Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(),
                "environmentId", p.productionId(), "serviceId", "nope", "name", "X", "value", "1"));
        gql.assertError("must not be blank", Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(),
                "environmentId", p.productionId(), "name", " ", "value", "1"));
        String empty = environment(p.id(), "empty");
        gql.assertError("ServiceInstance not found", Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(),
                "environmentId", empty, "serviceId", api, "name", "X", "value", "1"));
    }

    @Test
    void patchCommitDeepMergesAndNullDeletes() {
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of(
                "deploy", Map.of("startCommand", "a", "healthcheckPath", "/h"),
                "variables", Map.of("X", Map.of("value", "1"), "Y", Map.of("value", "2")))),
                "sharedVariables", Map.of("S", Map.of("value", "s"))));
        Map<String, Object> removals = new HashMap<>();
        removals.put("healthcheckPath", null);
        Map<String, Object> variableRemoval = new HashMap<>();
        variableRemoval.put("X", null);
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", removals,
                "variables", variableRemoval))));
        JsonNode config = environmentView(p.productionId(), true).at("/config/services/" + api);
        assertEquals("a", config.at("/deploy/startCommand").asText(), "untouched keys stay");
        assertTrue(config.at("/deploy/healthcheckPath").isMissingNode());
        assertFalse(config.get("variables").has("X"));
        assertEquals("2", config.at("/variables/Y/value").asText());
        assertEquals("nginx:1", config.at("/source/image").asText());
        assertEquals("s", variables(p.id(), p.productionId(), null, true).get("S").asText());
        assertEquals("a", instance(p.productionId(), api).get("startCommand").asText());
        assertTrue(instance(p.productionId(), api).get("healthcheckPath").isNull());
    }

    @Test
    void patchCommitAddsAndRemovesInstances() {
        String staging = environment(p.id(), "staging");
        assertEquals(List.of(), instanceServiceIds(staging));
        commit(staging, Map.of("services", Map.of(api, Map.of("isCreated", true,
                "source", Map.of("image", "nginx:2"), "variables", Map.of("PORT", Map.of("value", "80"))))));
        assertEquals(List.of(api), instanceServiceIds(staging));
        JsonNode config = environmentView(staging, true).at("/config/services/" + api);
        assertFalse(config.has("isCreated"), "the flag is an instruction, not config");
        assertEquals("80", variables(p.id(), staging, api, true).get("PORT").asText());
        assertEquals(1, sandbox.stats().deploymentsFor("staging", "api"));

        commit(staging, Map.of("services", Map.of(api, Map.of("isDeleted", true))));
        assertEquals(List.of(), instanceServiceIds(staging));
        Map<String, Object> nullService = new HashMap<>();
        nullService.put(db, null);
        commit(p.productionId(), Map.of("services", nullService));
        assertEquals(List.of(api), instanceServiceIds(p.productionId()));

        gql.assertError("Service nope not found", Docs.PATCH_COMMIT, "environmentId", staging,
                "patch", Map.of("services", Map.of("nope", Map.of("isCreated", true))));
        gql.assertError("add it with isCreated: true", Docs.PATCH_COMMIT, "environmentId", staging,
                "patch", Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "x")))));
        gql.assertError("must be a string", Docs.PATCH_COMMIT, "environmentId", p.productionId(),
                "patch", Map.of("services", Map.of(api, Map.of("variables", Map.of("X", Map.of("value", 1))))));
        gql.assertError("JSON object", Docs.PATCH_COMMIT, "environmentId", p.productionId(), "patch", List.of(1));
    }

    @Test
    void patchCommitAcceptsALiteralPatchAndReturnsAPatchId() {
        // GraphQL object keys are names, so a literal patch cannot key services by id; shared variables can
        String query = "mutation { environmentPatchCommit(environmentId: \"" + p.productionId() + "\", patch: {"
                + " sharedVariables: { REGION: { value: \"eu\" }, N: { value: \"1\" } }, privateNetworkDisabled: false },"
                + " commitMessage: \"literal\") }";
        String id = gql.data(query).get("environmentPatchCommit").asText();
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        assertEquals("eu", variables(p.id(), p.productionId(), null, true).get("REGION").asText());
        assertFalse(environmentView(p.productionId(), false).at("/config/privateNetworkDisabled").asBoolean(true));
        String again = gql.data(query).get("environmentPatchCommit").asText();
        assertNotEquals(id, again, "every commit has its own id");
    }

    @Test
    void configEtagChangesWithTheConfigAndOnlyThen() {
        String etag0 = environmentView(p.productionId(), false).get("configEtag").asText();
        upsert(api, "PORT", "1");
        String etag1 = environmentView(p.productionId(), false).get("configEtag").asText();
        assertNotEquals(etag0, etag1);
        upsert(api, "PORT", "1");
        assertEquals(etag1, environmentView(p.productionId(), false).get("configEtag").asText(), "a no-op write");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("numReplicas", 3)))));
        String etag2 = environmentView(p.productionId(), false).get("configEtag").asText();
        assertNotEquals(etag1, etag2);
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", Map.of("numReplicas", 4));
        assertNotEquals(etag2, environmentView(p.productionId(), false).get("configEtag").asText());
    }

    @Test
    void aWriteThroughAnyOperationShowsInEveryRead() {
        // variableUpsert -> config, variables, Environment.variables
        upsert(api, "PORT", "3000");
        JsonNode view = environmentView(p.productionId(), true);
        assertEquals("3000", view.at("/config/services/" + api + "/variables/PORT/value").asText());
        assertTrue(view.at("/variables/edges").findValuesAsText("name").contains("PORT"));
        // environmentPatchCommit -> variables, serviceInstance, Environment.serviceInstances
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("variables", Map.of("PORT", Map.of("value",
                "4000")), "deploy", Map.of("startCommand", "serve")))));
        assertEquals("4000", variables(p.id(), p.productionId(), api, false).get("PORT").asText());
        assertEquals("serve", instance(p.productionId(), api).get("startCommand").asText());
        assertTrue(environmentView(p.productionId(), false).at("/serviceInstances/edges")
                .findValuesAsText("startCommand").contains("serve"));
        // serviceInstanceUpdate and serviceInstanceLimitsUpdate -> config
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", Map.of("startCommand", "again"));
        gql.data(Docs.LIMITS_UPDATE, "input", Map.of("environmentId", p.productionId(), "serviceId", api,
                "vCPUs", 1.5));
        JsonNode deploy = environmentView(p.productionId(), false).at("/config/services/" + api + "/deploy");
        assertEquals("again", deploy.get("startCommand").asText());
        assertEquals(1.5, deploy.at("/limitOverride/containers/cpu").asDouble());
        // serviceConnect -> config and serviceInstance
        gql.data(Docs.SERVICE_CONNECT, "id", api, "input", Map.of("repo", "acme/api"));
        assertEquals("acme/api", environmentView(p.productionId(), false)
                .at("/config/services/" + api + "/source/repo").asText());
        assertEquals("acme/api", instance(p.productionId(), api).at("/source/repo").asText());
    }
}
