package dev.tlctl.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services and service instances, the non-fork rule, and how instance settings map to the config. */
class ServicesTest extends SandboxTestBase {

    @Test
    void serviceCreateOnNoOrANonForkEnvironmentReachesEveryNonForkEnvironment() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String fork = fork(p.id(), "pr-1", p.productionId(), false);
        String api = service(p.id(), "api");
        assertEquals(List.of(api), instanceServiceIds(p.productionId()));
        assertEquals(List.of(api), instanceServiceIds(staging));
        assertEquals(List.of(), instanceServiceIds(fork), "forks are not reached");

        String worker = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "worker",
                "environmentId", staging)).at("/serviceCreate/id").asText();
        assertEquals(List.of(api, worker), instanceServiceIds(p.productionId()));
        assertEquals(List.of(api, worker), instanceServiceIds(staging));
        assertEquals(List.of(), instanceServiceIds(fork));
    }

    @Test
    void serviceCreateOnAForkStaysInTheFork() {
        Project p = project("demo");
        String fork = fork(p.id(), "pr-1", p.productionId(), false);
        String preview = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "preview",
                "environmentId", fork, "source", Map.of("repo", "acme/preview"))).at("/serviceCreate/id").asText();
        assertEquals(List.of(preview), instanceServiceIds(fork));
        assertEquals(List.of(), instanceServiceIds(p.productionId()));
        assertEquals(1, sandbox.stats().deploymentsFor("pr-1", "preview"));
    }

    @Test
    void serviceCreateWritesSourceBranchAndVariablesIntoEachInstanceConfig() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        JsonNode created = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "api",
                "icon", "rocket", "source", Map.of("repo", "acme/api"), "branch", "main",
                "variables", Map.of("PORT", "3000", "MODE", "web"))).get("serviceCreate");
        String api = created.get("id").asText();
        assertEquals("rocket", created.get("icon").asText());
        for (String environment : List.of(p.productionId(), staging)) {
            JsonNode config = environmentView(environment, true).at("/config/services/" + api);
            assertEquals("acme/api", config.at("/source/repo").asText());
            assertEquals("main", config.at("/source/branch").asText());
            assertEquals("3000", config.at("/variables/PORT/value").asText());
            assertEquals("acme/api", instance(environment, api).at("/source/repo").asText());
            assertEquals("web", variables(p.id(), environment, api, true).get("MODE").asText());
        }
        gql.assertError("already exists", Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "api"));
    }

    @Test
    void serviceUpdateRenamesAndChangesTheIcon() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        JsonNode updated = gql.data(Docs.SERVICE_UPDATE, "id", api, "input", Map.of("name", "web", "icon", "globe"))
                .get("serviceUpdate");
        assertEquals("web", updated.get("name").asText());
        assertEquals("globe", updated.get("icon").asText());
        assertEquals("web", instance(p.productionId(), api).get("serviceName").asText());
        assertEquals("web", gql.data(Docs.SERVICE, "id", api).at("/service/name").asText());
    }

    @Test
    void serviceDeleteFollowsTheNonForkRule() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String api = service(p.id(), "api");
        String fork = fork(p.id(), "pr-1", p.productionId(), true);
        assertEquals(List.of(api), instanceServiceIds(fork));

        // on a fork: that fork only
        assertTrue(gql.data(Docs.SERVICE_DELETE, "id", api, "environmentId", fork).get("serviceDelete").asBoolean());
        assertEquals(List.of(), instanceServiceIds(fork));
        assertEquals(List.of(api), instanceServiceIds(staging));

        // on a non-fork: every non-fork environment; with no instance left the service is gone
        String worker = service(p.id(), "worker");
        String fork2 = fork(p.id(), "pr-2", p.productionId(), true);
        gql.data(Docs.SERVICE_DELETE, "id", worker, "environmentId", staging);
        assertEquals(List.of(api), instanceServiceIds(p.productionId()));
        assertEquals(List.of(api), instanceServiceIds(staging));
        assertEquals(List.of(api, worker), instanceServiceIds(fork2), "the fork keeps its instance");
        assertEquals("worker", gql.data(Docs.SERVICE, "id", worker).at("/service/name").asText());

        // without an environment: everywhere, and the service is deleted
        gql.data(Docs.SERVICE_DELETE, "id", api);
        assertEquals(List.of(), instanceServiceIds(p.productionId()));
        assertEquals(List.of(worker), instanceServiceIds(fork2));
        gql.assertError("Service not found", Docs.SERVICE, "id", api);
        assertEquals(1, gql.data(Docs.PROJECT, "id", p.id()).at("/project/services/edges").size());
    }

    @Test
    void serviceConnectWritesTheSourceEverywhereAndDeploysEachInstance() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String api = gql.data(Docs.SERVICE_CREATE, "input", Map.of("projectId", p.id(), "name", "api"))
                .at("/serviceCreate/id").asText();
        assertEquals(0, sandbox.stats().totalDeployments(), "no source, no deployment");
        gql.data(Docs.SERVICE_CONNECT, "id", api, "input", Map.of("repo", "acme/api", "branch", "prod"));
        for (String environment : List.of(p.productionId(), staging)) {
            assertEquals("acme/api", instance(environment, api).at("/source/repo").asText());
            assertEquals("prod", environmentView(environment, false).at("/config/services/" + api + "/source/branch")
                    .asText());
        }
        assertEquals(1, sandbox.stats().deploymentsFor("production", "api"));
        assertEquals(1, sandbox.stats().deploymentsFor("staging", "api"));
        gql.data(Docs.SERVICE_CONNECT, "id", api, "input", Map.of("image", "nginx:2"));
        JsonNode source = instance(staging, api).get("source");
        assertEquals("nginx:2", source.get("image").asText());
        assertTrue(source.get("repo").isNull(), "an image replaces the repo");
        gql.assertError("either repo or image", Docs.SERVICE_CONNECT, "id", api, "input", Map.of("branch", "x"));
    }

    @Test
    void serviceInstanceReadsTheConfigWithRailwaysDefaults() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        JsonNode bare = instance(p.productionId(), api);
        assertEquals("RAILPACK", bare.get("builder").asText());
        assertEquals("ON_FAILURE", bare.get("restartPolicyType").asText());
        assertEquals(10, bare.get("restartPolicyMaxRetries").asInt());
        assertEquals(0, bare.get("watchPatterns").size());
        assertEquals(1, bare.get("numReplicas").asInt());
        assertEquals("us-west2", bare.get("region").asText(), "one replica in the default region, filled in");
        assertEquals(300, bare.get("healthcheckTimeout").asInt());
        assertFalse(bare.get("sleepApplication").asBoolean());
        JsonNode filled = environmentView(p.productionId(), false).at("/config/services/" + api);
        assertEquals("RAILPACK", filled.at("/build/builder").asText(), "what Railway writes into a new instance");
        assertEquals("V2", filled.at("/deploy/runtime").asText());
        assertEquals(1, filled.at("/deploy/multiRegionConfig/us-west2/numReplicas").asInt());
        assertEquals("api", bare.at("/service/name").asText());
        assertEquals("SUCCESS", bare.at("/latestDeployment/status").asText());

        Map<String, Object> settings = new HashMap<>();
        settings.put("source", Map.of("image", "nginx:1", "rootDirectory", "/app"));
        settings.put("build", Map.of("builder", "DOCKERFILE", "buildCommand", "make", "dockerfilePath", "Dockerfile",
                "watchPatterns", List.of("src/**")));
        settings.put("deploy", Gql.vars("startCommand", "run", "preDeployCommand", List.of("migrate"),
                "healthcheckPath", "/health", "healthcheckTimeout", 30, "cronSchedule", "0 * * * *",
                "restartPolicyType", "ALWAYS", "restartPolicyMaxRetries", 3, "sleepApplication", true,
                "multiRegionConfig", Gql.vars("europe-west4", Map.of("numReplicas", 3), "us-west2", null),
                "overlapSeconds", 5, "drainingSeconds", 7));
        commit(p.productionId(), Map.of("services", Map.of(api, settings)));
        JsonNode read = instance(p.productionId(), api);
        assertEquals("RAILPACK", read.get("builder").asText(), "DOCKERFILE reads as RAILPACK");
        assertEquals("/app", read.get("rootDirectory").asText());
        assertEquals("make", read.get("buildCommand").asText());
        assertEquals("Dockerfile", read.get("dockerfilePath").asText());
        assertEquals("src/**", read.at("/watchPatterns/0").asText());
        assertEquals("run", read.get("startCommand").asText());
        assertEquals("migrate", read.at("/preDeployCommand/0").asText());
        assertEquals("/health", read.get("healthcheckPath").asText());
        assertEquals(30, read.get("healthcheckTimeout").asInt());
        assertEquals("0 * * * *", read.get("cronSchedule").asText());
        assertEquals("ALWAYS", read.get("restartPolicyType").asText());
        assertEquals(3, read.get("restartPolicyMaxRetries").asInt());
        assertTrue(read.get("sleepApplication").asBoolean());
        assertEquals(3, read.get("numReplicas").asInt());
        assertEquals("europe-west4", read.get("region").asText());
        assertEquals(5, read.get("overlapSeconds").asInt());
        assertEquals(7, read.get("drainingSeconds").asInt());

        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("build", Map.of("builder", "RAILPACK"),
                "deploy", Map.of("multiRegionConfig", Map.of("us-east4", Map.of("numReplicas", 2)))))));
        JsonNode twoRegions = instance(p.productionId(), api);
        assertEquals("RAILPACK", twoRegions.get("builder").asText());
        assertEquals(5, twoRegions.get("numReplicas").asInt(), "the sum over regions");
        assertTrue(twoRegions.get("region").isNull(), "no single region");
        gql.assertError("ServiceInstance not found", Docs.SERVICE_INSTANCE,
                "environmentId", environment(p.id(), "empty"), "serviceId", api);
    }

    @Test
    void serviceInstanceUpdateOnANonForkReachesEveryNonForkEnvironment() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String api = service(p.id(), "api");
        String fork = fork(p.id(), "pr-1", p.productionId(), true);
        int before = sandbox.stats().totalDeployments();

        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", staging,
                "input", Map.of("startCommand", "npm start"));
        assertEquals("npm start", instance(p.productionId(), api).get("startCommand").asText());
        assertEquals("npm start", instance(staging, api).get("startCommand").asText());
        assertTrue(instance(fork, api).get("startCommand").isNull(), "forks are not reached");
        assertEquals(before + 2, sandbox.stats().totalDeployments());

        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", fork,
                "input", Map.of("startCommand", "preview"));
        assertEquals("preview", instance(fork, api).get("startCommand").asText());
        assertEquals("npm start", instance(p.productionId(), api).get("startCommand").asText());
        assertEquals(before + 3, sandbox.stats().totalDeployments());

        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", Map.of("healthcheckPath", "/up"));
        assertEquals("/up", instance(staging, api).get("healthcheckPath").asText());
        assertEquals("/up", instance(p.productionId(), api).get("healthcheckPath").asText());
        assertTrue(instance(fork, api).get("healthcheckPath").isNull());
    }

    @Test
    void serviceInstanceUpdateMapsEveryInputFieldIntoTheConfig() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        Map<String, Object> input = new HashMap<>();
        input.put("buildCommand", "make");
        input.put("builder", "RAILPACK");
        input.put("dockerfilePath", "Dockerfile.prod");
        input.put("watchPatterns", List.of("a/**"));
        input.put("rootDirectory", "/srv");
        input.put("source", Map.of("repo", "acme/api"));
        input.put("startCommand", "run");
        input.put("preDeployCommand", List.of("migrate"));
        input.put("healthcheckPath", "/h");
        input.put("healthcheckTimeout", 60);
        input.put("sleepApplication", false);
        input.put("cronSchedule", "*/5 * * * *");
        input.put("restartPolicyType", "NEVER");
        input.put("restartPolicyMaxRetries", 0);
        input.put("overlapSeconds", 1);
        input.put("drainingSeconds", 2);
        input.put("numReplicas", 2);
        input.put("region", "us-west2");
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "environmentId", p.productionId(), "input", input);
        JsonNode config = environmentView(p.productionId(), false).at("/config/services/" + api);
        assertEquals("make", config.at("/build/buildCommand").asText());
        assertEquals("RAILPACK", config.at("/build/builder").asText());
        assertEquals("Dockerfile.prod", config.at("/build/dockerfilePath").asText());
        assertEquals("a/**", config.at("/build/watchPatterns/0").asText());
        assertEquals("/srv", config.at("/source/rootDirectory").asText());
        assertEquals("acme/api", config.at("/source/repo").asText());
        assertEquals("nginx:1", config.at("/source/image").asText(), "source{repo} leaves image alone");
        assertEquals("run", config.at("/deploy/startCommand").asText());
        assertEquals("migrate", config.at("/deploy/preDeployCommand/0").asText());
        assertEquals(60, config.at("/deploy/healthcheckTimeout").asInt());
        assertFalse(config.at("/deploy/sleepApplication").asBoolean(true));
        assertEquals("NEVER", config.at("/deploy/restartPolicyType").asText());
        assertEquals(0, config.at("/deploy/restartPolicyMaxRetries").asInt(-1));
        assertEquals(2, config.at("/deploy/multiRegionConfig/us-west2/numReplicas").asInt());
        assertTrue(config.at("/deploy/numReplicas").isMissingNode());
        JsonNode read = instance(p.productionId(), api);
        assertEquals(2, read.get("numReplicas").asInt());
        assertEquals("us-west2", read.get("region").asText());
        assertEquals(0, read.get("restartPolicyMaxRetries").asInt());

        // numReplicas alone keeps the known region; region alone moves the replicas; null removes
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", Map.of("numReplicas", 4));
        assertEquals(4, environmentView(p.productionId(), false)
                .at("/config/services/" + api + "/deploy/multiRegionConfig/us-west2/numReplicas").asInt());
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", Map.of("region", "europe-west4"));
        JsonNode moved = instance(p.productionId(), api);
        assertEquals("europe-west4", moved.get("region").asText());
        assertEquals(4, moved.get("numReplicas").asInt());
        Map<String, Object> clear = new HashMap<>();
        clear.put("startCommand", null);
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", clear);
        assertTrue(instance(p.productionId(), api).get("startCommand").isNull());
    }

    @Test
    void numReplicasWithoutARegionWritesDeployNumReplicas() {
        Project p = project("demo");
        String api = service(p.id(), "api");
        Map<String, Object> noRegion = new HashMap<>();
        noRegion.put("multiRegionConfig", null);
        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", noRegion))));
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", Map.of("numReplicas", 3));
        JsonNode config = environmentView(p.productionId(), false).at("/config/services/" + api + "/deploy");
        assertEquals(3, config.get("numReplicas").asInt());
        assertEquals(3, instance(p.productionId(), api).get("numReplicas").asInt());
        assertTrue(instance(p.productionId(), api).get("region").isNull());

        commit(p.productionId(), Map.of("services", Map.of(api, Map.of("deploy", Map.of("multiRegionConfig",
                Map.of("us-west2", Map.of("numReplicas", 1), "europe-west4-drams3a", Map.of("numReplicas", 1)))))));
        gql.assertError("ambiguous", Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api, "input", Map.of("numReplicas", 5));
        gql.data(Docs.SERVICE_INSTANCE_UPDATE, "serviceId", api,
                "input", Map.of("multiRegionConfig", Map.of("us-west2", Map.of("numReplicas", 6))));
        assertEquals(6, instance(p.productionId(), api).get("numReplicas").asInt());
        assertEquals("us-west2", instance(p.productionId(), api).get("region").asText());
    }

    @Test
    void serviceInstanceLimitsUpdateWritesLimitOverrideForThatInstanceOnly() {
        Project p = project("demo");
        String staging = environment(p.id(), "staging");
        String api = service(p.id(), "api");
        int before = sandbox.stats().totalDeployments();
        assertTrue(gql.data(Docs.LIMITS_UPDATE, "input", Map.of("environmentId", staging, "serviceId", api,
                "vCPUs", 2.0, "memoryGB", 0.5)).get("serviceInstanceLimitsUpdate").asBoolean());
        JsonNode containers = environmentView(staging, false)
                .at("/config/services/" + api + "/deploy/limitOverride/containers");
        assertEquals(2.0, containers.get("cpu").asDouble());
        assertEquals(500_000_000L, containers.get("memoryBytes").asLong(), "decimal GB");
        assertTrue(environmentView(p.productionId(), false)
                .at("/config/services/" + api + "/deploy/limitOverride").isMissingNode());
        assertEquals(before + 1, sandbox.stats().totalDeployments());
        assertEquals(2, sandbox.stats().deploymentsFor("staging", "api"));
    }
}
