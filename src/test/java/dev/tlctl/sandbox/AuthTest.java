package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Railway's token rules: account, workspace and project tokens, and missing or unknown ones. */
class AuthTest extends SandboxTestBase {

    @Test
    void aFreshStateHasOneUserOneHobbyWorkspaceAndItsCustomerWithoutLimit() {
        JsonNode me = gql.data(Docs.ME).get("me");
        assertEquals("sandbox@tlctl.invalid", me.get("email").asText());
        assertEquals(1, me.get("workspaces").size());
        assertEquals("HOBBY", me.at("/workspaces/0/plan").asText());
        String workspaceId = me.at("/workspaces/0/id").asText();
        JsonNode workspace = gql.data(Docs.WORKSPACE, "id", workspaceId).get("workspace");
        assertEquals("sandbox", workspace.get("name").asText());
        assertEquals(0.0, workspace.at("/customer/currentUsage").asDouble());
        assertTrue(workspace.at("/customer/usageLimit").isNull());
        assertTrue(workspace.at("/customer/billingPeriod/start").asText().endsWith("T00:00:00Z"));
        assertTrue(workspace.at("/customer/billingPeriod/end").asText().compareTo(
                workspace.at("/customer/billingPeriod/start").asText()) > 0);
    }

    @Test
    void aMissingOrUnknownTokenIsRefusedInRailwaysWordsWithHttp200() {
        assertEquals(List.of("Not Authorized"), gql.anonymous().errors(Docs.ME));
        assertEquals(List.of("Not Authorized"), gql.withBearer("not-a-token").errors(Docs.API_TOKEN));
        assertEquals(List.of("Project Token not found"), gql.withProjectToken("not-a-token").errors(Docs.PROJECT_TOKEN),
                "the message Railway's CLI looks for to blame RAILWAY_TOKEN");
        // a mutation without a token changes nothing
        assertEquals(List.of("Not Authorized"),
                gql.anonymous().errors(Docs.PROJECT_CREATE, "input", Map.of("name", "x")));
        assertEquals(0, gql.data(Docs.PROJECTS).at("/projects/edges").size());
    }

    @Test
    void anAccountTokenSentAsProjectTokenOrTheReverseIsRefused() {
        Project p = project("demo");
        String projectToken = sandbox.mintProjectToken("demo", "production");
        assertEquals(List.of("Project Token not found"), gql.withProjectToken(sandbox.accountToken()).errors(Docs.ME));
        assertEquals(List.of("Not Authorized"),
                gql.withBearer(projectToken).errors(Docs.PROJECT, "id", p.id()));
    }

    @Test
    void meAnswersAccountTokensOnly() {
        String workspaceToken = sandbox.mintWorkspaceToken(null);
        project("demo");
        String projectToken = sandbox.mintProjectToken("demo", "production");
        assertFalse(gql.data(Docs.ME).at("/me/id").asText().isEmpty());
        assertEquals(List.of("Not Authorized"), gql.withBearer(workspaceToken).errors(Docs.ME));
        assertEquals(List.of("Not Authorized"), gql.withProjectToken(projectToken).errors(Docs.ME));
    }

    @Test
    void apiTokenListsTheWorkspacesOfAccountAndWorkspaceTokens() {
        String workspaceToken = sandbox.mintWorkspaceToken("sandbox");
        JsonNode account = gql.data(Docs.API_TOKEN).at("/apiToken/workspaces");
        JsonNode workspace = gql.withBearer(workspaceToken).data(Docs.API_TOKEN).at("/apiToken/workspaces");
        assertEquals(1, account.size());
        assertEquals("sandbox", account.at("/0/name").asText());
        assertEquals(account, workspace);
        assertThrows(SandboxException.class, () -> sandbox.mintWorkspaceToken("no-such-workspace"));
    }

    @Test
    void aWorkspaceTokenManagesItsWorkspacesProjectsButIsNotAUser() {
        Gql workspace = gql.withBearer(sandbox.mintWorkspaceToken(null));
        JsonNode created = workspace.data(Docs.PROJECT_CREATE, "input", Map.of("name", "by-workspace"))
                .get("projectCreate");
        assertEquals("production", created.at("/environments/edges/0/node/name").asText());
        assertEquals(1, gql.data(Docs.PROJECTS).at("/projects/edges").size(), "the account's personal projects");
        // Root projects without workspaceId lists personal projects only: a workspace token has none.
        assertEquals(0, workspace.data(Docs.PROJECTS).at("/projects/edges").size());
        String workspaceId = created.get("workspaceId").asText();
        assertEquals(1, workspace.data(Docs.PROJECTS, "workspaceId", workspaceId).at("/projects/edges").size());
        assertEquals("sandbox", workspace.data(Docs.WORKSPACE, "id", workspaceId).at("/workspace/name").asText());
    }

    @Test
    void projectTokenAnswersWhatTheTokenPointsAt() {
        Project p = project("demo");
        String token = sandbox.mintProjectToken("demo", "production");
        JsonNode answer = gql.withProjectToken(token).data(Docs.PROJECT_TOKEN).get("projectToken");
        assertEquals(p.id(), answer.get("projectId").asText());
        assertEquals(p.productionId(), answer.get("environmentId").asText());
        assertEquals("demo", answer.at("/project/name").asText());
        assertEquals("production", answer.at("/environment/name").asText());
        assertEquals(token, answer.get("displayToken").asText());
        assertEquals(List.of("Not Authorized"), gql.errors(Docs.PROJECT_TOKEN));
        assertThrows(SandboxException.class, () -> sandbox.mintProjectToken("demo", "staging"));
        assertThrows(SandboxException.class, () -> sandbox.mintProjectToken("nope", "production"));
    }

    @Test
    void aProjectTokenReadsItsProjectAndWritesOnlyItsEnvironment() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String api = service(p.id(), "api");
        Gql scoped = gql.withProjectToken(sandbox.mintProjectToken("demo", "staging"));

        JsonNode project = scoped.data(Docs.PROJECT, "id", p.id()).get("project");
        assertEquals("demo", project.get("name").asText());
        JsonNode environments = project.at("/environments/edges");
        assertEquals(1, environments.size(), "only its own environment: " + environments);
        assertEquals(staging, environments.at("/0/node/id").asText());
        assertEquals(1, scoped.data(Docs.ENVIRONMENTS, "projectId", p.id()).at("/environments/edges").size());

        // its environment: read and write
        assertTrue(scoped.data(Docs.VARIABLE_UPSERT, "input", Map.of("projectId", p.id(), "environmentId", staging,
                "serviceId", api, "name", "PORT", "value", "8080")).get("variableUpsert").asBoolean());
        assertEquals("8080", scoped.data(Docs.VARIABLES, "projectId", p.id(), "environmentId", staging,
                "serviceId", api).at("/variables/PORT").asText());
        assertEquals("staging", scoped.data(Docs.ENVIRONMENT, "id", staging).at("/environment/name").asText());

        // anything else
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.ENVIRONMENT, "id", p.productionId()));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.VARIABLES, "projectId", p.id(),
                "environmentId", p.productionId(), "serviceId", api));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.PROJECT_CREATE, "input", Map.of("name", "x")));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.ENVIRONMENT_CREATE,
                "input", Map.of("projectId", p.id(), "name", "other")));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.SERVICE_CREATE,
                "input", Map.of("projectId", p.id(), "name", "worker")));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.PROJECTS));
        String workspaceId = gql.data(Docs.ME).at("/me/workspaces/0/id").asText();
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.WORKSPACE, "id", workspaceId));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.PROJECT_WORKSPACE, "id", p.id()));
        assertEquals(List.of("Not Authorized"), scoped.errors(Docs.PATCH_COMMIT,
                "environmentId", p.productionId(), "patch", Map.of()));
        // serviceInstanceUpdate from a project token stays in its environment (no non-fork reach)
        assertTrue(scoped.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", staging,
                "input", Map.of("startCommand", "run")).get("serviceInstanceUpdate").asBoolean());
        assertEquals("run", instance(staging, api).get("startCommand").asText());
        assertTrue(instance(p.productionId(), api).get("startCommand").isNull());
    }

    @Test
    void aProjectTokenOfAnotherProjectCannotReadThisOne() {
        Project demo = project("demo");
        project("other");
        Gql other = gql.withProjectToken(sandbox.mintProjectToken("other", "production"));
        assertEquals(List.of("Not Authorized"), other.errors(Docs.PROJECT, "id", demo.id()));
    }
}
