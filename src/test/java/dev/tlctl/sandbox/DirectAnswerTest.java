package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every direct document, answered directly and by graphql-java, over many states of the store
 * (empty, a project like the repository's, a larger one, secrets and sealed values, references,
 * nulls, forks, deleted and restricted environments, domains, volumes, deployments, usage limits,
 * a deleted project) from many callers (account, workspace, project and member tokens, unknown
 * ones, none) with many variables (each combination tlctl sends, and wrong ones): the direct answer
 * is the engine's byte for byte, or there is none and the engine answers; the answers tlctl's
 * reads get are direct.
 */
class DirectAnswerTest extends SandboxTestBase {
    private final GraphqlEngine engine = GraphqlEngine.standard();
    private int direct;
    private int compared;

    /** Who asks: a bearer and a project token (either may be null). */
    record Asker(String name, String bearer, String projectToken) {}

    private List<Asker> askers() {
        List<Asker> askers = new ArrayList<>();
        askers.add(new Asker("account", sandbox.accountToken(), null));
        askers.add(new Asker("workspace", sandbox.mintWorkspaceToken(null), null));
        askers.add(new Asker("unknown", "not-a-token", null));
        askers.add(new Asker("none", null, null));
        askers.add(new Asker("unknown project token", null, "not-a-token"));
        return askers;
    }

    /** Compares the two answers of {@code name} with {@code variables}; returns whether it was direct. */
    private boolean same(String name, Asker asker, Map<String, Object> variables) {
        String text = DirectDocumentsTest.clientDocument(name);
        DirectDocuments.Document document = DirectDocuments.find(text);
        assertNotNull(document, name);
        byte[] answer = DirectAnswer.answer(sandbox.store(), document, asker.bearer(), asker.projectToken(), variables);
        String expected = new String(engine.execute(sandbox.store(), asker.bearer(), asker.projectToken(), text, name,
                variables), StandardCharsets.UTF_8);
        compared++;
        if (answer == null) {
            return false;
        }
        direct++;
        assertEquals(expected, new String(answer, StandardCharsets.UTF_8), name + " for " + asker.name() + " with " + variables);
        return true;
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Every document with every variable set for every asker; asserts the account's reads are direct. */
    private void everything(String projectId, String environmentId, List<Asker> extra, boolean accountReadsDirect) {
        List<Asker> askers = new ArrayList<>(askers());
        askers.addAll(extra);
        String workspaceId = sandbox.store().transaction(() -> sandbox.store().state().workspaces.get(0).id);
        for (Asker asker : askers) {
            List<Map<String, Object>> readProject = List.of(
                    vars("id", projectId, "billing", true),
                    vars("id", projectId, "billing", false),
                    vars("id", projectId, "billing", true, "usage", true),
                    vars("id", projectId, "billing", false, "configs", false),
                    vars("id", projectId, "billing", false, "environments", false, "one", true, "environmentId", environmentId),
                    vars("id", projectId, "billing", false, "environments", false, "one", true, "environmentId", "nope"),
                    vars("id", "no-such-project", "billing", true),
                    vars("id", projectId),
                    vars("id", 7, "billing", true),
                    vars("id", projectId, "billing", "true"),
                    vars("id", projectId, "billing", true, "extra", 1),
                    new HashMap<>(Map.of("id", projectId, "billing", true, "usage", false, "configs", true,
                            "environments", true, "one", false, "environmentId", "")));
            for (Map<String, Object> variables : readProject) {
                boolean wasDirect = same("ReadProject", asker, variables);
                if (accountReadsDirect && asker.name().equals("account") && variables.size() == 2
                        && !"no-such-project".equals(variables.get("id")) && variables.get("id") instanceof String
                        && variables.get("billing") instanceof Boolean) {
                    assertTrue(wasDirect, "ReadProject for the account with " + variables + " is answered directly");
                }
            }
            assertNull(DirectAnswer.answer(sandbox.store(), DirectDocuments.find(DirectDocumentsTest.clientDocument(
                    "ReadProject")), asker.bearer(), asker.projectToken(), vars("id", projectId, "billing", true, "usage", true)),
                    "usage asks for fields the direct answer does not cover");
            boolean me = same("MyWorkspaces", asker, null);
            same("MyWorkspaces", asker, vars());
            boolean billing = same("WorkspaceBilling", asker, vars("workspaceId", workspaceId));
            same("WorkspaceBilling", asker, vars("workspaceId", "nope"));
            same("WorkspaceBilling", asker, vars());
            if (asker.name().equals("account")) {
                assertTrue(me && billing, "the account's MyWorkspaces and WorkspaceBilling are answered directly");
            }
        }
    }

    @Test
    void anEmptySandbox() {
        everything("no-project", "no-environment", List.of(), false);
        assertTrue(direct >= 4, direct + " of " + compared);
    }

    @Test
    void projectsLikeRealOnes() {
        Project p = project("tl-engine");
        String api = service(p.id(), "engine-api");
        String worker = service(p.id(), "worker");
        String staging = fork(p.id(), "staging", p.productionId(), false);
        commit(p.productionId(), Map.of(
                "shared", Map.of("DOMAIN", Map.of("value", "example.com"), "TOKEN", Map.of("value", "s3cr3t-shared")),
                "services", Map.of(api, Map.of(
                        "variables", Map.of("SECRET", Map.of("value", "s3cr3t", "isSealed", true),
                                "URL", Map.of("value", "https://${{shared.DOMAIN}}/x"),
                                "EMPTY", Map.of("value", ""),
                                "UNICODE", Map.of("value", "héllo \"wörld\" \\ \u2028 \t")),
                        "deploy", Map.of("startCommand", "run", "numReplicas", 2)),
                        worker, Map.of("variables", Map.of("QUEUE", Map.of("value", "jobs")),
                                "deploy", Map.of("cronSchedule", "*/5 * * * *")))));
        commit(staging, Map.of("services", Map.of(api, Map.of("variables", Map.of("URL", Map.of("value", "staging"))))));
        gql.data(Docs.CLI_SERVICE_DOMAIN_CREATE, "environmentId", p.productionId(), "serviceId", api, "targetPort", 8080);
        gql.data(Docs.CLI_CUSTOM_DOMAIN_CREATE, "input", Map.of("domain", "api.example.com", "environmentId",
                p.productionId(), "serviceId", api, "projectId", p.id(), "targetPort", 8080));
        gql.data(Docs.CLI_VOLUME_CREATE, "projectId", p.id(), "environmentId", p.productionId(), "serviceId", worker,
                "mountPath", "/data");
        gql.data(Docs.USAGE_LIMIT_SET, "input", Map.of("customerId", customerId(), "softLimitDollars", 10, "hardLimitDollars", 20));
        String gone = fork(p.id(), "gone", p.productionId(), true);
        gql.data(Docs.ENVIRONMENT_DELETE, "id", gone);
        sandbox.openPullRequest("tl-engine", 7, "feat/x");

        List<Asker> tokens = List.of(
                new Asker("project token", null, sandbox.mintProjectToken("tl-engine", "staging")));
        everything(p.id(), staging, tokens, true);

        // A second project, deleted; and an environment the member may not open.
        Project other = project("other");
        service(other.id(), "web");
        gql.data(Docs.PROJECT_DELETE, "id", other.id());
        everything(other.id(), other.productionId(), List.of(), false);
        String member = sandbox.addMember("Dev", "MEMBER");
        sandbox.restrictEnvironment("tl-engine", "production", true);
        everything(p.id(), p.productionId(), List.of(new Asker("member", member, null)), true);
        assertTrue(direct >= 30, direct + " of " + compared);
    }

    @Test
    void aLargerProject() {
        Project p = project("big");
        List<String> services = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            services.add(service(p.id(), "svc-" + s));
        }
        List<String> environments = new ArrayList<>(List.of(p.productionId()));
        for (int e = 1; e < 5; e++) {
            environments.add(fork(p.id(), "env-" + e, p.productionId(), e % 2 == 0));
        }
        for (String environment : environments) {
            Map<String, Object> perService = new LinkedHashMap<>();
            for (String service : services) {
                Map<String, Object> variables = new LinkedHashMap<>();
                for (int v = 0; v < 40; v++) {
                    variables.put("VAR_" + v, Map.of("value", v % 7 == 0 ? "${{shared.S_" + v + "}}" : "value-" + v + "-" + environment));
                }
                perService.put(service, Map.of("variables", variables));
            }
            commit(environment, Map.of("services", perService, "shared", Map.of("S_0", Map.of("value", "zero"))));
        }
        everything(p.id(), environments.get(2), List.of(), true);
        JsonNode read = gql.data(DirectDocumentsTest.clientDocument("ReadProject"), "id", p.id(), "billing", true);
        assertEquals(5, read.at("/project/environments/edges").size());
    }

    @Test
    void aDirectDocumentIsCountedRateLimitedAndFaultedAsAnyOther() throws java.io.IOException {
        Project p = project("tl-engine");
        String text = DirectDocumentsTest.clientDocument("ReadProject");
        try (Sandbox faulty = Sandbox.start(config().withFaults("once:ReadProject=error"))) {
            Gql client = Gql.account(faulty);
            assertEquals(List.of("tlctl sandbox fault: injected error"), client.errors(text, "id", p.id(), "billing", true));
            // a project of another sandbox: not found, which the engine answers
            client.assertError("Project not found", text, "id", p.id(), "billing", true);
            SandboxStats stats = faulty.stats();
            assertEquals(2, stats.requests());
            assertEquals(Map.of("ReadProject", 2L), stats.operations());
            assertEquals(2, stats.field("project"));
            assertEquals(2, stats.field("estimatedUsage"), "root fields are counted included or not");
        }
        try (Sandbox limited = Sandbox.start(config().withRateLimit(1000, 1))) {
            Gql client = Gql.account(limited);
            client.data(DirectDocumentsTest.clientDocument("MyWorkspaces"));
            assertEquals(429, client.post(DirectDocumentsTest.clientDocument("MyWorkspaces")).status());
        }
    }

    private String customerId() {
        return sandbox.store().transaction(() -> sandbox.store().state().workspaces.get(0).customer.id);
    }
}
