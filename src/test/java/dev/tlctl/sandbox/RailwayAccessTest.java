package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who reaches what on Railway: environment RBAC (a member sees a restricted environment with
 * canAccess false and may not open it; one refusal nulls the whole answer), projects reached
 * through an invitation (externalWorkspaces), root projects listing personal projects only, PR
 * environments Railway makes and deletes, domains unique across Railway, and what deploys.
 */
class RailwayAccessTest extends SandboxTestBase {

    @Test
    void aMemberSeesARestrictedEnvironmentWithoutOpeningItAndOneRefusalNullsTheWholeRead() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        service(p.id(), "api");
        sandbox.restrictEnvironment("demo", "production", true);
        Gql member = gql.withBearer(sandbox.addMember("Dev", "MEMBER"));
        JsonNode environments = member.data(Docs.ENVIRONMENT_ACCESS, "id", p.id()).at("/project/environments/edges");
        assertEquals("production", environments.at("/0/node/name").asText());
        assertFalse(environments.at("/0/node/canAccess").asBoolean());
        assertTrue(environments.at("/1/node/canAccess").asBoolean());
        Gql.Response whole = member.post(Docs.PROJECT_CONFIGS, "id", p.id());
        assertEquals(List.of("Not Authorized"), whole.errors().stream().distinct().toList());
        assertTrue(whole.json().get("data").isNull(), "config is non-null up to the root: the whole answer is null");
        assertEquals(List.of("Not Authorized"), member.errors(Docs.CONFIG_ETAG, "id", p.productionId()).stream()
                .distinct().toList());
        assertEquals(List.of("Not Authorized"), member.errors(Docs.PATCH_COMMIT, "environmentId", p.productionId(),
                "patch", Map.of("sharedVariables", Map.of("A", Map.of("value", "1")))));
        assertFalse(member.data(Docs.CONFIG_ETAG, "id", staging).at("/environment/configEtag").asText().isEmpty());
        assertTrue(gql.data(Docs.ENVIRONMENT_ACCESS, "id", p.id()).at("/project/environments/edges/0/node/canAccess")
                .asBoolean(), "the workspace's admin opens it");
        assertTrue(gql.withBearer(sandbox.mintWorkspaceToken(null)).data(Docs.ENVIRONMENT_ACCESS, "id", p.id())
                .at("/project/environments/edges/0/node/canAccess").asBoolean());
    }

    @Test
    void projectsReachedThroughAnInvitationAreListedInExternalWorkspacesOnly() {
        Gql acme = gql.withBearer(sandbox.addWorkspace("acme"));
        String acmeId = acme.data(Docs.ME).at("/me/workspaces/0/id").asText();
        acme.data(Docs.PROJECT_CREATE, "input", Map.of("name", "shop", "workspaceId", acmeId));
        assertEquals(0, gql.data(Docs.EXTERNAL_WORKSPACES).get("externalWorkspaces").size());
        sandbox.invite("shop");
        JsonNode external = gql.data(Docs.EXTERNAL_WORKSPACES).get("externalWorkspaces");
        assertEquals(1, external.size());
        assertEquals("acme", external.at("/0/name").asText());
        assertEquals("shop", external.at("/0/projects/0/name").asText());
        assertEquals("ACTIVE", external.at("/0/customerState").asText());
        assertEquals(0, gql.data(Docs.PROJECTS).at("/projects/edges").size(), "not a personal project");
        assertEquals(1, gql.data(Docs.ME).at("/me/workspaces").size(), "not a member of acme");
        String shop = external.at("/0/projects/0/id").asText();
        assertEquals("shop", gql.data(Docs.PROJECT, "id", shop).at("/project/name").asText(), "readable by id");
        assertEquals(0, gql.withBearer(sandbox.mintWorkspaceToken(null)).data(Docs.EXTERNAL_WORKSPACES)
                .get("externalWorkspaces").size(), "a workspace token has no user");
    }

    @Test
    void railwayMakesAndDeletesTheEnvironmentOfAPullRequest() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("networking", Map.of("serviceDomains",
                Map.of("api-production.up.railway.app", Map.of("port", 8080)), "customDomains",
                Map.of("api.example.com", Map.of("port", 8080)))))));
        assertEquals("demo-pr-7", sandbox.openPullRequest("demo", 7, "feat/login"));
        JsonNode environments = gql.data(Docs.ENVIRONMENT_ACCESS, "id", p.id()).at("/project/environments/edges");
        JsonNode pr = environments.get(1).get("node");
        assertEquals("demo-pr-7", pr.get("name").asText());
        assertTrue(pr.get("isEphemeral").asBoolean());
        assertEquals(7, pr.at("/meta/prNumber").asInt());
        assertEquals("feat/login", pr.at("/meta/branch").asText());
        assertEquals(p.productionId(), pr.at("/sourceEnvironment/id").asText());
        assertTrue(environments.get(0).at("/node/meta").isNull());
        assertTrue(gql.data(Docs.PROJECT, "id", p.id()).at("/project/prDeploys").asBoolean());
        JsonNode copied = environmentView(pr.get("id").asText(), false).at("/config/services/" + api + "/networking");
        String domain = copied.get("serviceDomains").fieldNames().next();
        assertNotEquals("api-production.up.railway.app", domain, "a copy gets its own generated domain");
        assertTrue(domain.startsWith("api-demo-pr-7-") && domain.endsWith(".up.railway.app"), domain);
        assertTrue(copied.get("customDomains") == null, "custom domains stay with the source");
        assertEquals(1, sandbox.stats().deploymentsFor("demo-pr-7", "api"));
        assertEquals("demo-pr-7", sandbox.closePullRequest("demo", 7));
        assertEquals(1, gql.data(Docs.ENVIRONMENT_ACCESS, "id", p.id()).at("/project/environments/edges").size());
    }

    @Test
    void domainsAreUniqueAcrossRailway() {
        Project demo = project("demo");
        String api = service(demo.id(), "api");
        commit(demo.productionId(), Map.of("services", Map.of(api, Map.of("networking", Map.of("customDomains",
                Map.of("api.example.com", Map.of("port", 80)))))));
        String staging = fork(demo.id(), "staging", demo.productionId(), true);
        assertTrue(environmentView(staging, false).at("/config/services/" + api + "/networking/customDomains")
                .isMissingNode(), "a fork copies no custom domain");
        assertEquals(List.of("Domain API.example.com is not available: another service or environment of this"
                + " project uses it"), gql.errors(Docs.PATCH_COMMIT, "environmentId", staging, "patch",
                Map.of("services", Map.of(api, Map.of("networking", Map.of("customDomains",
                        Map.of("API.example.com", Map.of("port", 80))))))));
    }

    @Test
    void aReplicaChangeScalesWithoutARedeployAndAServiceWithoutASourceDeploysNothing() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        int before = sandbox.stats().deploymentsFor("production", "api");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("multiRegionConfig",
                Map.of("us-west2", Map.of("numReplicas", 3)))))));
        assertEquals(before, sandbox.stats().deploymentsFor("production", "api"), "scaled, not redeployed");
        assertEquals(3, instance(p.productionId(), api).get("numReplicas").asInt());
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("startCommand", "run")))));
        assertEquals(before + 1, sandbox.stats().deploymentsFor("production", "api"));

        String empty = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "empty"))
                .at("/serviceCreate/id").asText();
        commit(p.productionId(), Map.of("services", Map.of(empty, Map.of("deploy", Map.of("startCommand", "run"),
                "variables", Map.of("A", Map.of("value", "1"))))));
        assertEquals(0, sandbox.stats().deploymentsFor("production", "empty"), "nothing to build, nothing deployed");
    }
}
