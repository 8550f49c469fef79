package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One deployment per affected service instance, as Railway records them, and the deployments query. */
class DeploymentsTest extends SandboxTestBase {

    private int deployments(String environment, String service) {
        return sandbox.stats().deploymentsFor(environment, service);
    }

    @Test
    void serviceCreateDeploysOnlyWithASource() {
        Project p = project("demo");
        environment(p.id(), "staging");
        gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "bare"));
        service(p.id(), "api");
        assertEquals(0, deployments("production", "bare"));
        assertEquals(1, deployments("production", "api"));
        assertEquals(1, deployments("staging", "api"));
        assertEquals(2, sandbox.stats().totalDeployments());
    }

    @Test
    void aForkDeploysEachCopiedInstanceUnlessSkipInitialDeploys() {
        Project p = project("demo");
        service(p.id(), "api");
        service(p.id(), "worker");
        fork(p.id(), "pr-1", p.productionId(), false);
        fork(p.id(), "pr-2", p.productionId(), true);
        assertEquals(1, deployments("pr-1", "api"));
        assertEquals(1, deployments("pr-1", "worker"));
        assertEquals(0, deployments("pr-2", "api"));
        assertEquals(0, deployments("pr-2", "worker"));
    }

    @Test
    void patchCommitDeploysChangedInstancesOnceAndThoseReadingAChangedSharedVariable() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        String worker = service(p.id(), "worker");
        String web = service(p.id(), "web");
        // api: source + deploy + variables changed in one commit: one deployment; worker: build; web: untouched
        commit(p.productionId(), Map.of("services", Map.of(
                api, Map.of("source", Map.of("image", "nginx:2"), "deploy", Map.of("startCommand", "x"),
                        "variables", Map.of("A", Map.of("value", "1"))),
                worker, Map.of("build", Map.of("buildCommand", "make")),
                web, Map.of("networking", Map.of("serviceDomains", Map.of("web.example.com", Map.of("port", 80)))))));
        assertEquals(2, deployments("production", "api"));
        assertEquals(2, deployments("production", "worker"));
        assertEquals(1, deployments("production", "web"), "networking is not a deployed part");
        // the same values again: nothing changed, nothing deployed
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "x")))));
        assertEquals(2, deployments("production", "api"));
        // worker reads the shared S through a reference (a variables change: one deployment)
        commit(p.productionId(), Map.of("services", Map.of(worker, Map.of("variables",
                Map.of("S", Map.of("value", "${{ shared.S }}"))))));
        assertEquals(3, deployments("production", "worker"));
        // a shared variable: the instances that reference it, once each even when changed too; not web
        commit(p.productionId(), Map.of("sharedVariables", Map.of("S", Map.of("value", "1")),
                "services", Map.of(api, Map.of("deploy", Map.of("startCommand", "y")))));
        assertEquals(3, deployments("production", "api"));
        assertEquals(4, deployments("production", "worker"));
        assertEquals(1, deployments("production", "web"), "web does not reference S: a service sees it only so");
    }

    @Test
    void variableWritesDeployUnlessSkipDeploys() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        service(p.id(), "worker");
        Map<String, Object> input = new HashMap<>(Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "serviceId", api, "name", "A", "value", "1"));
        gql.data(Docs.VARIABLE_UPSERT, "input", input);
        assertEquals(2, deployments("production", "api"));
        input.put("skipDeploys", true);
        gql.data(Docs.VARIABLE_UPSERT, "input", input);
        assertEquals(2, deployments("production", "api"));
        assertEquals(1, deployments("production", "worker"));
        input.remove("serviceId");
        input.remove("skipDeploys");
        gql.data(Docs.VARIABLE_UPSERT, "input", input);
        assertEquals(2, deployments("production", "api"), "nothing references the shared A yet");
        assertEquals(1, deployments("production", "worker"));
        input.put("serviceId", api);
        input.put("name", "READS_A");
        input.put("value", "${{shared.A}}");
        gql.data(Docs.VARIABLE_UPSERT, "input", input);
        input.remove("serviceId");
        input.put("name", "A");
        input.put("value", "2");
        gql.data(Docs.VARIABLE_UPSERT, "input", input);
        assertEquals(4, deployments("production", "api"), "api reads A: one for its own write, one for A's");
        assertEquals(1, deployments("production", "worker"), "worker does not read A");
    }

    @Test
    void deploymentsListsAServiceInstancesDeploymentsNewestFirst() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String api = service(p.id(), "api");
        for (String command : List.of("a", "b", "c")) {
            gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                    "input", Map.of("startCommand", command));
        }
        JsonNode all = gql.data(Docs.DEPLOYMENTS, "input", Map.of("projectId", p.id())).at("/deployments/edges");
        assertEquals(8, all.size(), "1 create + 3 updates, in two environments");
        JsonNode prod = gql.data(Docs.DEPLOYMENTS, "input", Map.of("environmentId", p.productionId(),
                "serviceId", api), "first", 3).get("deployments");
        assertEquals(3, prod.get("edges").size());
        assertTrue(prod.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode newest = prod.at("/edges/0/node");
        assertEquals("SUCCESS", newest.get("status").asText());
        assertEquals("production", newest.at("/environment/name").asText());
        assertEquals("api", newest.at("/service/name").asText());
        assertEquals(newest.get("id").asText(), instance(p.productionId(), api).at("/latestDeployment/id").asText());
        JsonNode rest = gql.data(Docs.DEPLOYMENTS, "input", Map.of("environmentId", p.productionId(),
                "serviceId", api), "after", prod.at("/pageInfo/endCursor").asText()).at("/deployments/edges");
        assertEquals(1, rest.size());
        assertEquals(4, gql.data(Docs.DEPLOYMENTS, "input", Map.of("environmentId", staging))
                .at("/deployments/edges").size());
        assertEquals(0, gql.data(Docs.DEPLOYMENTS, "input", Map.of("projectId", p.id(),
                "status", Map.of("in", List.of("FAILED")))).at("/deployments/edges").size());
        assertEquals(8, gql.data(Docs.DEPLOYMENTS, "input", Map.of("projectId", p.id(),
                "status", Map.of("notIn", List.of("FAILED")))).at("/deployments/edges").size());
        assertEquals(4, environmentView(staging, false).at("/deployments/edges").size());

        // a project token sees its environment's deployments only
        Gql scoped = gql.withProjectToken(sandbox.mintProjectToken("demo", "staging"));
        assertEquals(4, scoped.data(Docs.DEPLOYMENTS, "input", Map.of("projectId", p.id()))
                .at("/deployments/edges").size());
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.DEPLOYMENTS,
                "input", Map.of("environmentId", p.productionId())));

        // deleted services' deployments only with includeDeleted
        gql.data(Docs.SERVICE_DELETE, "id", api);
        assertEquals(0, gql.data(Docs.DEPLOYMENTS, "input", Map.of("projectId", p.id())).at("/deployments/edges").size());
        assertEquals(8, gql.data(Docs.DEPLOYMENTS, "input", Map.of("projectId", p.id(), "includeDeleted", true))
                .at("/deployments/edges").size());
        assertFalse(sandbox.stats().deployments().isEmpty());
    }
}
