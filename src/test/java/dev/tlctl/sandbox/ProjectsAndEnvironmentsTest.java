package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Projects and environments: create, update, delete, list, page, fork. */
class ProjectsAndEnvironmentsTest extends SandboxTestBase {

    @Test
    void projectCreateMakesTheProjectAndItsProductionEnvironment() {
        JsonNode created = gql.data(Docs.PROJECT_CREATE, "input",
                Map.of("name", "demo", "description", "a demo", "isPublic", true)).get("projectCreate");
        assertEquals("demo", created.get("name").asText());
        assertEquals("a demo", created.get("description").asText());
        assertTrue(created.get("isPublic").asBoolean());
        assertEquals(gql.data(Docs.ME).at("/me/workspaces/0/id").asText(), created.get("workspaceId").asText());
        JsonNode environments = created.at("/environments/edges");
        assertEquals(1, environments.size());
        assertEquals("production", environments.at("/0/node/name").asText());

        JsonNode named = gql.data(Docs.PROJECT_CREATE, "input",
                Map.of("name", "other", "defaultEnvironmentName", "main")).get("projectCreate");
        assertEquals("main", named.at("/environments/edges/0/node/name").asText());
        JsonNode unnamed = gql.data(Docs.PROJECT_CREATE, "input", Map.of()).get("projectCreate");
        assertTrue(unnamed.get("name").asText().startsWith("sandbox-"), unnamed.toString());
    }

    @Test
    void projectCreateNeedsAWorkspaceIdWhenTheTokenReachesSeveral() throws Exception {
        sandbox.close();
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("sandbox").resolve("state.json");
        sandbox = Sandbox.start(config().withStateFile(file));
        sandbox.close();
        // a second workspace for the same user, written into the state file
        var state = (com.fasterxml.jackson.databind.node.ObjectNode) Gql.MAPPER.readTree(file.toFile());
        var second = state.withArray("workspaces").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) second).put("id", "ws-2").put("name", "second");
        ((com.fasterxml.jackson.databind.node.ObjectNode) second.get("customer")).put("id", "cus-2");
        state.withArray("workspaces").add(second);
        Gql.MAPPER.writeValue(file.toFile(), state);
        sandbox = Sandbox.start(config().withStateFile(file));
        gql = Gql.account(sandbox);

        assertEquals(2, gql.data(Docs.API_TOKEN).at("/apiToken/workspaces").size());
        gql.assertError("workspaceId is required", Docs.PROJECT_CREATE, "input", Map.of("name", "x"));
        JsonNode created = gql.data(Docs.PROJECT_CREATE, "input", Map.of("name", "x", "workspaceId", "ws-2"))
                .get("projectCreate");
        assertEquals("ws-2", created.get("workspaceId").asText());
        assertEquals(1, gql.data(Docs.PROJECTS, "workspaceId", "ws-2").at("/projects/edges").size());
        // a workspace token of the first workspace cannot reach the second
        Gql first = gql.withBearer(sandbox.mintWorkspaceToken("sandbox"));
        assertEquals(List.of("Not Authorized"), first.errors(Docs.PROJECT, "id", created.get("id").asText()));
        assertEquals(List.of("Not Authorized"),
                first.errors(Docs.PROJECT_CREATE, "input", Map.of("name", "y", "workspaceId", "ws-2")));
        assertEquals(0, first.data(Docs.PROJECTS).at("/projects/edges").size());
    }

    @Test
    void projectUpdateChangesTheSettingsItIsGiven() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        JsonNode updated = gql.data(Docs.PROJECT_UPDATE, "id", p.id(), "input", Map.of("name", "renamed",
                "description", "new", "prDeploys", true, "botPrEnvironments", true, "focusedPrEnvironments", true,
                "baseEnvironmentId", staging)).get("projectUpdate");
        assertEquals("renamed", updated.get("name").asText());
        assertEquals("new", updated.get("description").asText());
        assertTrue(updated.get("prDeploys").asBoolean());
        assertTrue(updated.get("botPrEnvironments").asBoolean());
        assertTrue(updated.get("focusedPrEnvironments").asBoolean());
        assertEquals(staging, updated.get("baseEnvironmentId").asText());
        JsonNode read = gql.data(Docs.PROJECT, "id", p.id()).get("project");
        assertEquals("renamed", read.get("name").asText());
        assertFalse(read.get("isPublic").asBoolean());
        gql.assertError("Project not found", Docs.PROJECT_UPDATE, "id", "nope", "input", Map.of("name", "x"));
    }

    @Test
    void projectDeleteIsSoftAndHidesTheProjectUnlessIncludeDeleted() {
        Project p = project("demo");
        project("kept");
        assertTrue(gql.data(Docs.PROJECT_DELETE, "id", p.id()).get("projectDelete").asBoolean());
        JsonNode live = gql.data(Docs.PROJECTS).at("/projects/edges");
        assertEquals(1, live.size());
        assertEquals("kept", live.at("/0/node/name").asText());
        JsonNode all = gql.data(Docs.PROJECTS, "includeDeleted", true).at("/projects/edges");
        assertEquals(2, all.size());
        assertFalse(all.at("/0/node/deletedAt").isNull());
        gql.assertError("Project not found", Docs.PROJECT, "id", p.id());
        gql.assertError("Project not found", Docs.PROJECT_DELETE, "id", p.id());
        gql.assertError("Environment not found", Docs.ENVIRONMENT, "id", p.productionId());
    }

    @Test
    void projectsPageWithFirstAndAfterAndOrder() {
        for (String name : List.of("c", "a", "e", "b", "d")) {
            project(name);
        }
        List<String> names = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean more = true;
        while (more) {
            JsonNode page = gql.data(Docs.PROJECTS, "first", 2, "after", after).get("projects");
            page.get("edges").forEach(edge -> names.add(edge.at("/node/name").asText()));
            more = page.at("/pageInfo/hasNextPage").asBoolean();
            assertEquals(pages > 0, page.at("/pageInfo/hasPreviousPage").asBoolean());
            assertEquals(page.at("/edges/0/cursor").asText(), page.at("/pageInfo/startCursor").asText());
            after = page.at("/pageInfo/endCursor").asText();
            pages++;
        }
        assertEquals(List.of("c", "a", "e", "b", "d"), names, "creation order by default");
        assertEquals(3, pages);
        assertEquals("a", gql.data(Docs.PROJECTS, "orderBy", "NAME_ASC").at("/projects/edges/0/node/name").asText());
        assertEquals("d", gql.data(Docs.PROJECTS, "orderBy", "CREATED_AT_DESC")
                .at("/projects/edges/0/node/name").asText());
        gql.assertError("Invalid cursor", Docs.PROJECTS, "after", "garbage");
        gql.assertError("first must not be negative", Docs.PROJECTS, "first", -1);
    }

    @Test
    void connectionsPageBy100ByDefault() {
        Project p = project("big");
        for (int i = 0; i < 101; i++) {
            environment(p.id(), "env-" + i);
        }
        JsonNode page = gql.data(Docs.ENVIRONMENTS, "projectId", p.id()).get("environments");
        assertEquals(100, page.get("edges").size());
        assertTrue(page.at("/pageInfo/hasNextPage").asBoolean());
        JsonNode rest = gql.data(Docs.ENVIRONMENTS, "projectId", p.id(),
                "after", page.at("/pageInfo/endCursor").asText()).get("environments");
        assertEquals(2, rest.get("edges").size());
        assertFalse(rest.at("/pageInfo/hasNextPage").asBoolean());
        assertEquals("env-100", rest.at("/edges/1/node/name").asText());
        JsonNode nested = gql.data(Docs.PROJECT_ENVIRONMENTS_PAGE, "id", p.id(), "first", 5).at("/project/environments");
        assertEquals(5, nested.get("edges").size());
        assertTrue(nested.at("/pageInfo/hasNextPage").asBoolean());
    }

    @Test
    void environmentCreateWithoutSourceIsAnEmptyNonFork() {
        Project p = project("demo");
        service(p.id(), "api");
        JsonNode created = gql.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", p.id(), "name", "staging",
                "ephemeral", true, "stageInitialChanges", false, "applyChangesInBackground", false))
                .get("environmentCreate");
        assertTrue(created.get("sourceEnvironment").isNull());
        assertTrue(created.get("isEphemeral").asBoolean());
        assertEquals(Map.of(), Gql.MAPPER.convertValue(created.get("config"), Map.class));
        assertFalse(created.get("configEtag").asText().isEmpty());
        assertEquals(List.of(), instanceServiceIds(created.get("id").asText()));
        assertEquals(1, gql.data(Docs.ENVIRONMENTS, "projectId", p.id(), "isEphemeral", true)
                .at("/environments/edges").size());
        gql.assertError("already exists", Docs.ENVIRONMENT_CREATE, "input",
                Map.of("projectId", p.id(), "name", "staging"));
    }

    @Test
    void environmentCreateFromASourceIsAForkWithACopyOfItsConfig() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        gql.data(Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "serviceId", api, "name", "PORT", "value", "3000"));
        gql.data(Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(), "environmentId", p.productionId(),
                "name", "REGION", "value", "eu"));
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(),
                "input", Map.of("startCommand", "npm start", "numReplicas", 2));

        JsonNode fork = gql.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", p.id(), "name", "pr-1",
                "sourceEnvironmentId", p.productionId())).get("environmentCreate");
        String forkId = fork.get("id").asText();
        assertEquals("production", fork.at("/sourceEnvironment/name").asText());
        JsonNode source = environmentView(p.productionId(), true);
        assertEquals(source.get("config"), fork.get("config"), "a deep copy of the source's config");
        assertEquals(source.get("configEtag").asText(), fork.get("configEtag").asText());
        assertEquals(List.of(api), instanceServiceIds(forkId));
        assertEquals("npm start", instance(forkId, api).get("startCommand").asText());
        assertEquals(2, instance(forkId, api).get("numReplicas").asInt());
        assertEquals("3000", variables(p.id(), forkId, api, false).get("PORT").asText());
        assertEquals("eu", variables(p.id(), forkId, null, false).get("REGION").asText());
        assertNotEquals(instance(forkId, api).get("id"), instance(p.productionId(), api).get("id"));

        // a copy, not a shared store: a change in the fork stays there
        commit(forkId, Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "fork")))));
        assertEquals("npm start", instance(p.productionId(), api).get("startCommand").asText());
        assertEquals("fork", instance(forkId, api).get("startCommand").asText());
    }

    @Test
    void environmentLookupRenameAndDelete() {
        Project p = project("demo");
        Project other = project("other");
        String staging = environment(p.id(), "staging");
        assertEquals("staging", gql.data(Docs.ENVIRONMENT_IN_PROJECT, "id", staging, "projectId", p.id())
                .at("/environment/name").asText());
        gql.assertError("Environment not found", Docs.ENVIRONMENT_IN_PROJECT, "id", staging, "projectId", other.id());

        assertEquals("qa", gql.data(Docs.ENVIRONMENT_RENAME, "id", staging, "name", "qa")
                .at("/environmentRename/name").asText());
        assertEquals("qa", environmentView(staging, false).get("name").asText());
        gql.assertError("already exists", Docs.ENVIRONMENT_RENAME, "id", staging, "name", "production");

        assertTrue(gql.data(Docs.ENVIRONMENT_DELETE, "id", staging).get("environmentDelete").asBoolean());
        gql.assertError("Environment not found", Docs.ENVIRONMENT, "id", staging);
        JsonNode left = gql.data(Docs.ENVIRONMENTS, "projectId", p.id()).at("/environments/edges");
        assertEquals(1, left.size());
        assertEquals("production", left.at("/0/node/name").asText());
        // the name is free again
        environment(p.id(), "qa");
    }

    @Test
    void projectReadsItsServicesAndVolumes() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        JsonNode project = gql.data(Docs.PROJECT, "id", p.id()).get("project");
        assertEquals(api, project.at("/services/edges/0/node/id").asText());
        assertEquals(0, project.at("/volumes/edges").size());
        assertEquals("demo", gql.data(Docs.SERVICE, "id", api).at("/service/project/name").asText());
        assertEquals("sandbox", gql.data(Docs.PROJECT_WORKSPACE, "id", p.id()).at("/project/workspace/name").asText());
    }

    @Test
    void nestedConnectionsPageToo() {
        Project p = project("demo");
        project("second");
        String api = service(p.id(), "api");
        String worker = service(p.id(), "worker");
        for (String service : List.of(api, worker)) {
            gql.data(Docs.VARIABLE_COLLECTION_UPSERT, "input", Map.of("projectId", p.id(),
                    "environmentId", p.productionId(), "serviceId", service, "variables", Map.of("A", "1", "B", "2")));
        }
        JsonNode first = gql.data(Docs.ENVIRONMENT_CONNECTIONS, "id", p.productionId(), "first", 1).get("environment");
        assertEquals("api", first.at("/serviceInstances/edges/0/node/serviceName").asText());
        assertTrue(first.at("/serviceInstances/pageInfo/hasNextPage").asBoolean());
        assertEquals(1, first.at("/variables/edges").size());
        assertTrue(first.at("/deployments/pageInfo/hasNextPage").asBoolean());
        JsonNode second = gql.data(Docs.ENVIRONMENT_CONNECTIONS, "id", p.productionId(), "first", 10,
                "after", first.at("/serviceInstances/pageInfo/endCursor").asText()).get("environment");
        assertEquals("worker", second.at("/serviceInstances/edges/0/node/serviceName").asText());
        assertTrue(second.at("/serviceInstances/pageInfo/hasPreviousPage").asBoolean());
        assertEquals(3, second.at("/variables/edges").size(), "4 variables, 1 on the first page");

        JsonNode project = gql.data(Docs.PROJECT_CONNECTIONS, "id", p.id(), "first", 1).get("project");
        assertEquals("api", project.at("/services/edges/0/node/name").asText());
        assertTrue(project.at("/services/pageInfo/hasNextPage").asBoolean());
        assertEquals(0, project.at("/volumes/edges").size());
        assertEquals("demo", project.at("/workspace/projects/edges/0/node/name").asText());
        assertTrue(project.at("/workspace/projects/pageInfo/hasNextPage").asBoolean());
    }

    @Test
    void connectionsPageBackwardsWithLastAndBefore() {
        for (String name : List.of("p0", "p1", "p2", "p3", "p4")) {
            project(name);
        }
        JsonNode lastTwo = gql.data(Docs.PROJECTS_BACKWARDS, "last", 2).get("projects");
        assertEquals(List.of("p3", "p4"), names(lastTwo));
        assertTrue(lastTwo.at("/pageInfo/hasPreviousPage").asBoolean());
        JsonNode before = gql.data(Docs.PROJECTS_BACKWARDS, "last", 2,
                "before", lastTwo.at("/pageInfo/startCursor").asText()).get("projects");
        assertEquals(List.of("p1", "p2"), names(before));
        assertEquals(List.of("p0"), names(gql.data(Docs.PROJECTS_BACKWARDS, "last", 5,
                "before", before.at("/pageInfo/startCursor").asText()).get("projects")));
        assertEquals(List.of("last must not be negative"), gql.errors(Docs.PROJECTS_BACKWARDS, "last", -1));
    }

    private static List<String> names(JsonNode connection) {
        List<String> names = new java.util.ArrayList<>();
        connection.get("edges").forEach(edge -> names.add(edge.at("/node/name").asText()));
        return names;
    }
}
