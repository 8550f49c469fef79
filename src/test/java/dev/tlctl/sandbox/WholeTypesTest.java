package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.RailwaySchema;
import graphql.schema.GraphQLSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, section 6: the sandbox serves whole types. Every type it answers is answered with
 * every field of Railway's type, without an error, by documents Railway's schema accepts; the
 * values are plausible; and the official CLI's documents that failed on missing fields run.
 */
class WholeTypesTest extends SandboxTestBase {

    @Test
    void everyTypeTheSandboxAnswersIsAnsweredWholeWithoutAnError() {
        WholeTypes.Exploration walk = WholeTypes.exploration();
        assertEquals(List.of(), walk.problems());
        GraphQLSchema schema = GraphqlEngine.standard().schema();
        Set<String> unanswered = new TreeSet<>(WholeTypes.declaredObjectTypes(schema));
        unanswered.removeAll(walk.answered().keySet());
        assertEquals(WholeTypes.NEVER_ANSWERED.keySet(), unanswered,
                "every declared type is answered, but those the sandbox never holds an object of");
        assertTrue(walk.answered().size() > 100, walk.answered().keySet()::toString);
    }

    @Test
    void everyDocumentOfTheWalkIsValidForRailway() {
        RailwaySchema.requirePath();
        List<String> problems = new ArrayList<>();
        WholeTypes.exploration().answered().forEach((type, document) ->
                RailwaySchema.validate(document).forEach(m -> problems.add(type + ": " + m)));
        assertEquals(List.of(), problems);
    }

    @Test
    void theOfficialClisDocumentsThatFailedOnMissingFieldsRun() {
        // The fields issue 15 names: User.featureFlags, CustomDomain.status, EdgeConfig.caching (the
        // last as railwayapp/cli src/gql/queries/strings/ServiceEdgeConfig.graphql selects it).
        Project p = project("demo");
        String api = service(p.id(), "api");
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("networking", Map.of(
                "customDomains", Map.of("www.example.com", Map.of("port", 8080)))))));
        List<String> documents = List.of(
                "query Me { me { id email featureFlags flags has2FA registrationStatus workspace { id name } } }",
                "query Domains($environmentId: String!, $projectId: String!, $serviceId: String!) {"
                        + " domains(environmentId: $environmentId, projectId: $projectId, serviceId: $serviceId) {"
                        + " customDomains { id domain cnameCheck { status message } status { verified certificateStatus"
                        + " dnsRecords { hostlabel fqdn recordType requiredValue currentValue status zone purpose } } } } }",
                "query ServiceEdgeConfig($environmentId: String!, $serviceId: String!) {"
                        + " serviceInstance(environmentId: $environmentId, serviceId: $serviceId) { id edgeConfig { id"
                        + " enabled caching { mode defaultTtlSeconds htmlCaching staleWhileRevalidate { enabled }"
                        + " purgeOnDeploy } purgeEpoch purgeEpochByKind } } }");
        if (RailwaySchema.schemaPath().isPresent()) {
            documents.forEach(d -> assertEquals(List.of(), RailwaySchema.validate(d), d));
        }

        JsonNode me = gql.data(documents.get(0)).get("me");
        assertEquals(0, me.get("featureFlags").size());
        assertEquals("ONBOARDED", me.get("registrationStatus").asText());
        assertEquals("sandbox", me.at("/workspace/name").asText(), "the personal workspace");

        JsonNode domain = gql.data(documents.get(1), "environmentId", p.productionId(), "projectId", p.id(),
                "serviceId", api).at("/domains/customDomains/0");
        assertEquals("VALID", domain.at("/cnameCheck/status").asText());
        assertTrue(domain.at("/status/verified").asBoolean());
        JsonNode record = domain.at("/status/dnsRecords/0");
        assertEquals("www", record.get("hostlabel").asText());
        assertEquals("example.com", record.get("zone").asText());
        assertEquals("DNS_RECORD_TYPE_CNAME", record.get("recordType").asText());
        assertTrue(record.get("requiredValue").asText().endsWith(".up.railway.app"), record::toString);
        assertEquals(record.get("requiredValue"), record.get("currentValue"), "propagated");

        JsonNode instance = gql.data(documents.get(2), "environmentId", p.productionId(), "serviceId", api)
                .get("serviceInstance");
        assertTrue(instance.get("edgeConfig").isNull(), "no CDN in the sandbox");
    }

    @Test
    void accountsAndBillingHavePlausibleValues() {
        String member = sandbox.addMember("Dev", "MEMBER");
        Project p = project("demo");
        String workspaceId = gql.data(Docs.ME).at("/me/workspaces/0/id").asText();
        JsonNode workspace = gql.data("query W($id: String!) { workspace(workspaceId: $id) { subscriptionModel"
                + " projectCount members { email role twoFactorAuthEnabled } team { id members { role } teamPermissions"
                + " { role } projects { edges { node { id } } } } customer { state isUsageSubscriber stripeCustomerId"
                + " defaultPaymentMethod { card { brand last4 } } subscriptions { status nextInvoiceDate items"
                + " { priceDollars quantity } } invoices { status total periodStart } workspace { id } } } }",
                "id", workspaceId).get("workspace");
        assertEquals("USER", workspace.get("subscriptionModel").asText(), "a personal workspace");
        assertEquals(1, workspace.get("projectCount").asInt());
        assertEquals(List.of("ADMIN", "MEMBER"), roles(workspace.get("members")));
        assertEquals(List.of("ADMIN", "MEMBER"), roles(workspace.at("/team/members")));
        assertEquals(List.of("ADMIN", "MEMBER"), roles(workspace.at("/team/teamPermissions")));
        assertEquals(p.id(), workspace.at("/team/projects/edges/0/node/id").asText());
        JsonNode customer = workspace.get("customer");
        assertEquals("ACTIVE", customer.get("state").asText());
        assertTrue(customer.get("stripeCustomerId").asText().startsWith("cus_"));
        assertEquals("4242", customer.at("/defaultPaymentMethod/card/last4").asText());
        assertEquals(5.0, customer.at("/subscriptions/0/items/0/priceDollars").asDouble(), "Hobby's $5");
        assertEquals(500, customer.at("/invoices/0/total").asInt(), "the fee, in cents, invoiced for this period");
        assertEquals(workspaceId, customer.at("/workspace/id").asText());

        JsonNode project = gql.data("query P($id: String!) { project(id: $id) { members { role }"
                + " projectPermissions { edges { node { role } } } } }", "id", p.id()).get("project");
        assertEquals(List.of("ADMIN", "MEMBER"), roles(project.get("members")), "the member is no admin: " + member);

        sandbox.setWorkspacePlan("FREE");
        JsonNode free = gql.data("query W($id: String!) { workspace(workspaceId: $id) { subscriptionModel customer"
                + " { isUsageSubscriber defaultPaymentMethod { id } subscriptions { id } invoices { total } } } }",
                "id", workspaceId).get("workspace");
        assertEquals("FREE", free.get("subscriptionModel").asText());
        assertFalse(free.at("/customer/isUsageSubscriber").asBoolean());
        assertTrue(free.at("/customer/defaultPaymentMethod").isNull());
        assertEquals(0, free.at("/customer/subscriptions").size());
    }

    private static List<String> roles(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(m -> out.add(m.get("role").asText()));
        return out.stream().sorted().toList();
    }
}
