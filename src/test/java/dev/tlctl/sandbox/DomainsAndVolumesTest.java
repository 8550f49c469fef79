package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.testing.RailwaySchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Domains and volumes through documents shaped like the official CLI's, read back as Railway shows them. */
class DomainsAndVolumesTest extends SandboxTestBase {
    Project p;
    String api;
    String staging;

    @BeforeEach
    void aProject() {
        p = project("demo");
        staging = environment(p.id(), "staging");
        api = service(p.id(), "api");
    }

    @Test
    void theClisDocumentsAreValidForRailway() {
        for (String document : List.of(Docs.CLI_SERVICE_DOMAIN_CREATE, Docs.CLI_CUSTOM_DOMAIN_CREATE,
                Docs.CLI_SERVICE_DOMAIN_DELETE, Docs.CLI_CUSTOM_DOMAIN_DELETE, Docs.CLI_DOMAINS, Docs.CLI_VOLUME_CREATE,
                Docs.VOLUME_CREATE, Docs.CLI_VOLUME_DELETE, Docs.CLI_VOLUME_ATTACH, Docs.CLI_VOLUME_DETACH,
                Docs.VOLUME_UPDATE, Docs.VOLUME_INSTANCES, Docs.CLI_DEPLOYMENT_ROLLBACK, Docs.CLI_DEPLOYMENT_REMOVE,
                Docs.CLI_DEPLOYMENT_RESTART, Docs.DEPLOYMENT_ACTIONS)) {
            assertEquals(List.of(), RailwaySchema.validate(document), document);
        }
    }

    @Test
    void aGeneratedDomainIsPerEnvironmentAndDeletedById() {
        int deployments = sandbox.stats().totalDeployments();
        JsonNode created = gql.data(Docs.CLI_SERVICE_DOMAIN_CREATE, "environmentId", staging, "serviceId", api,
                "targetPort", 8080).get("serviceDomainCreate");
        String domain = created.get("domain").asText();
        assertTrue(domain.matches("api-staging-[0-9a-f]{4}\\.up\\.railway\\.app"), domain);
        assertEquals("up.railway.app", created.get("suffix").asText());
        assertEquals(8080, created.get("targetPort").asInt());
        assertEquals("ACTIVE", created.get("syncStatus").asText());
        assertEquals(deployments, sandbox.stats().totalDeployments(), "a domain deploys nothing");
        JsonNode domains = gql.data(Docs.CLI_DOMAINS, "environmentId", staging, "projectId", p.id(), "serviceId", api)
                .get("domains");
        assertEquals(created.get("id"), domains.at("/serviceDomains/0/id"));
        assertEquals(0, gql.data(Docs.CLI_DOMAINS, "environmentId", p.productionId(), "projectId", p.id(),
                "serviceId", api).at("/domains/serviceDomains").size(), "staging only");
        assertEquals(8080, environmentView(staging, false).at("/config/services/" + api
                + "/networking/serviceDomains/" + domain + "/port").asInt(), "environment.config shows it");

        // Routed to another port: the same domain, nothing deploys.
        assertTrue(gql.data(Docs.SERVICE_DOMAIN_UPDATE, "input", Map.of("domain", domain, "environmentId", staging,
                "serviceDomainId", created.get("id").asText(), "serviceId", api, "targetPort", 9090))
                .get("serviceDomainUpdate").asBoolean());
        assertEquals(9090, environmentView(staging, false).at("/config/services/" + api
                + "/networking/serviceDomains/" + domain + "/port").asInt());
        assertEquals(deployments, sandbox.stats().totalDeployments(), "a port change deploys nothing");
        gql.assertError("targetPort must be between 1 and 65535", Docs.SERVICE_DOMAIN_UPDATE, "input", Map.of(
                "domain", domain, "environmentId", staging, "serviceDomainId", created.get("id").asText(),
                "serviceId", api, "targetPort", 0));

        assertTrue(gql.data(Docs.CLI_SERVICE_DOMAIN_DELETE, "id", created.get("id").asText())
                .get("serviceDomainDelete").asBoolean());
        assertEquals(0, gql.data(Docs.CLI_DOMAINS, "environmentId", staging, "projectId", p.id(), "serviceId", api)
                .at("/domains/serviceDomains").size());
        gql.assertError("ServiceDomain not found", Docs.CLI_SERVICE_DOMAIN_DELETE, "id", created.get("id").asText());
    }

    @Test
    void aCustomDomainShowsTheDnsRecordToCreateAndIsUniqueAcrossRailway() {
        Map<String, Object> input = Map.of("domain", "API.example.com", "environmentId", p.productionId(),
                "projectId", p.id(), "serviceId", api, "targetPort", 3000);
        JsonNode created = gql.data(Docs.CLI_CUSTOM_DOMAIN_CREATE, "input", input).get("customDomainCreate");
        assertEquals("api.example.com", created.get("domain").asText());
        assertEquals(3000, created.get("targetPort").asInt());
        JsonNode record = created.at("/status/dnsRecords/0");
        assertEquals("DNS_RECORD_TYPE_CNAME", record.get("recordType").asText());
        assertEquals("api", record.get("hostlabel").asText());
        assertTrue(record.get("requiredValue").asText().endsWith(".up.railway.app"));

        gql.assertError("is not available", Docs.CLI_CUSTOM_DOMAIN_CREATE, "input", Map.of("domain", "api.example.com",
                "environmentId", staging, "projectId", p.id(), "serviceId", api));
        gql.assertError("Invalid domain", Docs.CLI_CUSTOM_DOMAIN_CREATE, "input", Map.of("domain", "not a domain",
                "environmentId", staging, "projectId", p.id(), "serviceId", api));
        assertTrue(gql.data(Docs.CUSTOM_DOMAIN_UPDATE, "environmentId", p.productionId(), "id",
                created.get("id").asText(), "targetPort", 4000).get("customDomainUpdate").asBoolean());
        assertEquals(4000, environmentView(p.productionId(), false).at("/config/services/" + api
                + "/networking/customDomains/api.example.com/port").asInt(), "routed to 4000");
        gql.assertError("CustomDomain not found", Docs.CUSTOM_DOMAIN_UPDATE, "environmentId", staging, "id",
                created.get("id").asText(), "targetPort", 4000);
        assertTrue(gql.data(Docs.CLI_CUSTOM_DOMAIN_DELETE, "id", created.get("id").asText()).get("customDomainDelete")
                .asBoolean());
        gql.data(Docs.CLI_CUSTOM_DOMAIN_CREATE, "input", Map.of("domain", "api.example.com", "environmentId", staging,
                "projectId", p.id(), "serviceId", api));
    }

    @Test
    void aVolumeIsCreatedMountedMovedRenamedAndDeletedAndEachMountRedeploys() {
        int before = sandbox.stats().deploymentsFor("staging", "api");
        JsonNode volume = gql.data(Docs.CLI_VOLUME_CREATE, "projectId", p.id(), "environmentId", staging,
                "serviceId", api, "mountPath", "/data").get("volumeCreate");
        assertEquals("api-volume", volume.get("name").asText());
        String id = volume.get("id").asText();
        assertEquals(before + 1, sandbox.stats().deploymentsFor("staging", "api"), "mounting redeploys");
        JsonNode instance = gql.data(Docs.VOLUME_INSTANCES, "id", staging).at("/environment/volumeInstances/edges/0/node");
        assertEquals("/data", instance.get("mountPath").asText());
        assertEquals(api, instance.get("serviceId").asText());
        assertEquals(5000, instance.get("sizeMB").asInt());
        assertEquals(0, gql.data(Docs.VOLUME_INSTANCES, "id", p.productionId())
                .at("/environment/volumeInstances/edges").size(), "staging only");

        gql.assertError("a service can mount only one volume", Docs.CLI_VOLUME_CREATE, "projectId", p.id(),
                "environmentId", staging, "serviceId", api, "mountPath", "/more");
        gql.assertError("mountPath must be an absolute path", Docs.VOLUME_CREATE, "input",
                Map.of("projectId", p.id(), "mountPath", "data"));

        gql.data(Docs.CLI_VOLUME_DETACH, "environmentId", staging, "volumeId", id);
        JsonNode detached = gql.data(Docs.VOLUME_INSTANCES, "id", staging).at("/environment/volumeInstances/edges/0/node");
        assertTrue(detached.get("serviceId").isNull());
        assertEquals("/data", detached.get("mountPath").asText(), "the path stays with the volume");
        gql.data(Docs.CLI_VOLUME_ATTACH, "environmentId", staging, "volumeId", id, "serviceId", api);
        assertEquals(before + 3, sandbox.stats().deploymentsFor("staging", "api"), "detach and attach redeploy");

        assertEquals("data", gql.data(Docs.VOLUME_UPDATE, "volumeId", id, "name", "data")
                .at("/volumeUpdate/name").asText());
        assertTrue(gql.data(Docs.CLI_VOLUME_DELETE, "id", id).get("volumeDelete").asBoolean());
        assertEquals(0, gql.data(Docs.VOLUME_INSTANCES, "id", staging).at("/environment/volumeInstances/edges").size());
        gql.assertError("Volume not found", Docs.CLI_VOLUME_DELETE, "id", id);
    }

    @Test
    void deletingAnEnvironmentTakesItsInstancesVariablesAndVolumesAndLeavesEveryOtherAsItWas() {
        gql.data(Docs.VOLUME_CREATE, "input", Map.of("projectId", p.id(), "mountPath", "/cache"));
        gql.data(Docs.VARIABLE_COLLECTION_UPSERT, "input", Map.of("projectId", p.id(), "environmentId", staging,
                "serviceId", api, "variables", Map.of("A", "1")));
        String preview = gql.data(Docs.ENVIRONMENT_CREATE, "input", Map.of("projectId", p.id(), "name", "pr-1",
                "sourceEnvironmentId", staging, "ephemeral", true)).at("/environmentCreate/id").asText();
        String own = gql.data(Docs.CLI_VOLUME_CREATE, "projectId", p.id(), "environmentId", preview, "serviceId", api,
                "mountPath", "/data").at("/volumeCreate/id").asText();
        assertEquals(2, gql.data(Docs.VOLUME_INSTANCES, "id", preview).at("/environment/volumeInstances/edges").size());
        List<JsonNode> before = List.of(gql.data(Docs.ENVIRONMENT, "id", staging, "decrypt", true),
                gql.data(Docs.ENVIRONMENT, "id", p.productionId(), "decrypt", true),
                gql.data(Docs.VOLUME_INSTANCES, "id", staging), gql.data(Docs.VOLUME_INSTANCES, "id", p.productionId()));

        assertTrue(gql.data(Docs.ENVIRONMENT_DELETE, "id", preview).get("environmentDelete").asBoolean());

        assertEquals(before, List.of(gql.data(Docs.ENVIRONMENT, "id", staging, "decrypt", true),
                gql.data(Docs.ENVIRONMENT, "id", p.productionId(), "decrypt", true),
                gql.data(Docs.VOLUME_INSTANCES, "id", staging), gql.data(Docs.VOLUME_INSTANCES, "id", p.productionId())));
        gql.assertError("Environment not found", Docs.VOLUME_INSTANCES, "id", preview);
        JsonNode volumes = gql.data(Docs.PROJECT, "id", p.id()).at("/project/volumes/edges");
        assertEquals(1, volumes.size(), "its own volume went with it; the one other environments hold stays");
        assertTrue(!volumes.get(0).at("/node/id").asText().equals(own));
        gql.assertError("Volume not found", Docs.CLI_VOLUME_DELETE, "id", own);
    }

    @Test
    void aVolumeWithoutAnEnvironmentGoesToEveryEnvironmentAndWithANullOneToNone() {
        gql.data(Docs.VOLUME_CREATE, "input", Map.of("projectId", p.id(), "mountPath", "/cache"));
        assertEquals(1, gql.data(Docs.VOLUME_INSTANCES, "id", staging).at("/environment/volumeInstances/edges").size());
        assertEquals(1, gql.data(Docs.VOLUME_INSTANCES, "id", p.productionId())
                .at("/environment/volumeInstances/edges").size());
        java.util.Map<String, Object> none = new java.util.HashMap<>(Map.of("projectId", p.id(), "mountPath", "/x"));
        none.put("environmentId", null);
        String name = gql.data(Docs.VOLUME_CREATE, "input", none).at("/volumeCreate/name").asText();
        assertEquals("volume-2", name);
        assertEquals(1, gql.data(Docs.VOLUME_INSTANCES, "id", staging).at("/environment/volumeInstances/edges").size());
    }
}
