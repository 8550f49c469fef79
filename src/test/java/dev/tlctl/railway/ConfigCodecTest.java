package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCodecKnowsExactlyTheSpecsSettings() {
        assertEquals(Settings.all().keySet(), ConfigCodec.keys());
    }

    @Test
    void everySettingRoundTripsThroughAPatch() throws Exception {
        TreeMap<String, Object> desired = new TreeMap<>();
        desired.put("source.repo", "tiendaleon/tl-engine");
        desired.put("source.branch", "main");
        desired.put("source.rootDirectory", "/");
        desired.put("build.builder", "RAILPACK");
        desired.put("build.buildCommand", "pip install -r requirements.txt");
        desired.put("build.dockerfilePath", "Dockerfile");
        desired.put("build.watchPatterns", List.of("src/**"));
        desired.put("deploy.startCommand", "gunicorn app");
        desired.put("deploy.preDeployCommand", List.of("python manage.py migrate"));
        desired.put("deploy.healthcheckPath", "/health");
        desired.put("deploy.healthcheckTimeout", 60L);
        desired.put("deploy.numReplicas", 2L);
        desired.put("deploy.region", "us-west2");
        desired.put("deploy.sleepApplication", true);
        desired.put("deploy.cronSchedule", "*/15 * * * *");
        desired.put("deploy.restartPolicyType", "ON_FAILURE");
        desired.put("deploy.restartPolicyMaxRetries", 5L);
        desired.put("deploy.overlapSeconds", 10L);
        desired.put("deploy.drainingSeconds", 20L);
        desired.put("deploy.limits.vCPUs", 2.0);
        desired.put("deploy.limits.memoryGB", 1.5);
        EnvironmentPatch patch = new EnvironmentPatch().settings("svc", desired.keySet(), Map.of(), desired);
        JsonNode service = JSON.readTree(JSON.writeValueAsString(patch.json())).path("services").path("svc");

        assertEquals(2, service.path("deploy").path("multiRegionConfig").path("us-west2").path("numReplicas").asInt());
        assertEquals(1_500_000_000L, service.path("deploy").path("limitOverride").path("containers").path("memoryBytes").asLong());
        assertEquals("/", service.path("source").path("rootDirectory").asText(), "root directory lives under source");
        assertEquals(desired, ConfigCodec.readSettings(service));
    }

    @Test
    void movingRegionRemovesTheOldOne() throws Exception {
        Map<String, Object> prior = Map.of("deploy.region", "us-east4", "deploy.numReplicas", 3L);
        Map<String, Object> desired = Map.of("deploy.region", "europe-west4");
        EnvironmentPatch patch = new EnvironmentPatch().settings("svc", Set.of("deploy.region"), prior, desired);
        JsonNode regions = JSON.readTree(JSON.writeValueAsString(patch.json()))
                .path("services").path("svc").path("deploy").path("multiRegionConfig");
        assertTrue(regions.get("us-east4").isNull(), "null removes the old region");
        assertEquals(3, regions.path("europe-west4").path("numReplicas").asInt(), "the replica count moves with it");
    }

    @Test
    void replicasWithoutARegionUseDeployNumReplicas() throws Exception {
        EnvironmentPatch patch = new EnvironmentPatch().settings("svc", Set.of("deploy.numReplicas"), Map.of(),
                Map.of("deploy.numReplicas", 1L));
        JsonNode deploy = JSON.readTree(JSON.writeValueAsString(patch.json())).path("services").path("svc").path("deploy");
        assertEquals(1, deploy.path("numReplicas").asInt());
        assertFalse(deploy.has("multiRegionConfig"));
        assertEquals(Map.of("deploy.numReplicas", 1L), ConfigCodec.readSettings(JSON.readTree("{\"deploy\":{\"numReplicas\":1}}")));
    }

    @Test
    void readsVariablesAndSealedOnesWithoutValues() throws Exception {
        JsonNode config = JSON.readTree("""
                {"services": {"a": {"variables": {"X": {"value": "1"}, "S": {"isSealed": true}}},
                              "gone": {"isDeleted": true}},
                 "sharedVariables": {"DB": {"value": "postgres://u:p@h/db"}, "OLD": null}}""");
        Map<String, LiveServiceInstance> instances = ConfigCodec.readInstances(config);
        assertEquals(Set.of("a"), instances.keySet(), "deleted instances are not there");
        LiveVariable sealed = instances.get("a").variables().get("S");
        assertTrue(sealed.sealed());
        assertNull(sealed.value());
        assertEquals(Secret.of("1"), instances.get("a").variables().get("X").value());
        assertEquals(Set.of("DB"), ConfigCodec.readSharedVariables(config).keySet());
    }

    @Test
    void aPatchNeverPrintsItsSecrets() {
        EnvironmentPatch patch = new EnvironmentPatch().setVariable(null, "DB", Secret.of("postgres://u:fake-MARKER@h/db"), true, false);
        assertFalse(patch.toString().contains("MARKER"));
        assertFalse(patch.json().toString().contains("MARKER"), "the JSON tree holds the Secret, not its value");
    }
}
