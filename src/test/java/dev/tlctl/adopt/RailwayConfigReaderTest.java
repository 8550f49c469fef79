package dev.tlctl.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlctl.adopt.RailwayConfig.Setting;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Railway's config-as-code files, JSON and TOML, read into spec settings with every key's line. */
class RailwayConfigReaderTest {
    static final String JSON = """
            {
              "$schema": "https://railway.com/railway.schema.json",
              "build": {
                "builder": "dockerfile",
                "dockerfilePath": "Dockerfile.web",
                "watchPatterns": ["src/**", "package.json"],
                "nixpacksPlan": {"phases": {}},
                "buidCommand": "make"
              },
              "deploy": {
                "startCommand": "node server.js",
                "preDeployCommand": ["npm run migrate"],
                "healthcheckPath": "/health",
                "healthcheckTimeout": 120,
                "restartPolicyType": "on_failure",
                "restartPolicyMaxRetries": 3,
                "overlapSeconds": "60",
                "cronSchedule": null,
                "multiRegionConfig": {"europe-west4-drams3a": {"numReplicas": 2}},
                "limitOverride": {"containers": {"cpu": 2, "memoryBytes": 2000000000}},
                "runtime": "V2",
                "numReplicas": "two"
              },
              "environments": {
                "staging": {"deploy": {"numReplicas": 1, "sleepApplication": true}},
                "pr": {"deploy": {"startCommand": "node pr.js"}}
              },
              "service": {"name": "web"}
            }
            """;

    static final String TOML = """
            [build]
            builder = "DOCKERFILE"
            dockerfilePath = "Dockerfile.web"

            [deploy]
            startCommand = "node server.js"
            healthcheckPath = "/health"
            restartPolicyType = "ALWAYS"
            numReplicas = 2
            unknownThing = 1

            [environments.staging.deploy]
            numReplicas = 1
            sleepApplication = true
            """;

    @Test
    void jsonSettingsInSpecTermsWithTheirLines() throws Exception {
        RailwayConfig config = RailwayConfigReader.read("railway.json", JSON);
        Map<String, Object> values = new TreeMap<>();
        config.settings().forEach((k, s) -> values.put(k, s.value()));
        assertEquals(new TreeMap<>(Map.ofEntries(
                Map.entry("build.builder", "DOCKERFILE"),
                Map.entry("build.dockerfilePath", "Dockerfile.web"),
                Map.entry("build.watchPatterns", List.of("src/**", "package.json")),
                Map.entry("deploy.startCommand", "node server.js"),
                Map.entry("deploy.preDeployCommand", List.of("npm run migrate")),
                Map.entry("deploy.healthcheckPath", "/health"),
                Map.entry("deploy.healthcheckTimeout", 120L),
                Map.entry("deploy.restartPolicyType", "ON_FAILURE"),
                Map.entry("deploy.restartPolicyMaxRetries", 3L),
                Map.entry("deploy.overlapSeconds", 60L),
                Map.entry("deploy.region", "europe-west4-drams3a"),
                Map.entry("deploy.numReplicas", 2L),
                Map.entry("deploy.limits.vCPUs", 2.0),
                Map.entry("deploy.limits.memoryGB", 2.0))), values);
        Setting builder = config.settings().get("build.builder");
        assertEquals(4, builder.location().line());
        assertEquals("railway.json:4:5", builder.location().position());
        assertEquals(List.of("railway.json:8:5: unknown key build.buidCommand (did you mean buildCommand?)",
                "railway.json:28:3: unknown key service"), config.unknown().stream().map(Object::toString).toList());
        assertEquals(List.of("railway.json:22:5: deploy.numReplicas must be a whole number"),
                config.invalid().stream().map(Object::toString).toList());
        assertEquals(List.of("railway.json:7:5: build.nixpacksPlan (the spec cannot express it yet)",
                "railway.json:21:5: deploy.runtime (the spec cannot express it yet)"),
                config.unexpressed().stream().map(Object::toString).toList());
        assertEquals(Map.of("deploy.numReplicas", 1L, "deploy.sleepApplication", true), valuesOf(config, "staging"));
        assertEquals(List.of("deploy.startCommand"), List.copyOf(config.pr().keySet()));
    }

    @Test
    void tomlSettingsInSpecTermsWithTheirLines() throws Exception {
        RailwayConfig config = RailwayConfigReader.read("railway.toml", TOML);
        assertEquals("ALWAYS", config.settings().get("deploy.restartPolicyType").value());
        assertEquals(9, config.settings().get("deploy.numReplicas").location().line());
        assertEquals(List.of("railway.toml:10:1: unknown key deploy.unknownThing"),
                config.unknown().stream().map(Object::toString).toList());
        assertEquals(Map.of("deploy.numReplicas", 1L, "deploy.sleepApplication", true), valuesOf(config, "staging"));
        assertEquals(14, config.environments().get("staging").get("deploy.sleepApplication").location().line());
    }

    @Test
    void severalRegionsCannotBeExpressed() throws Exception {
        RailwayConfig config = RailwayConfigReader.read("railway.json", """
                {"deploy": {"multiRegionConfig": {"us-west2": {"numReplicas": 2}, "europe-west4": {"numReplicas": 1}}}}
                """);
        assertEquals(Map.of(), config.settings());
        assertEquals(List.of("railway.json:1:13: deploy.multiRegionConfig with 2 regions (the spec holds one region)"),
                config.unexpressed().stream().map(Object::toString).toList());
    }

    @Test
    void syntaxErrorsSayWhere() {
        var json = assertThrows(ConfigSyntaxException.class, () -> RailwayConfigReader.read("railway.json",
                "{\n  \"build\": {\n    \"builder\": \n  }\n}\n"));
        assertEquals(4, json.location().line());
        var duplicate = assertThrows(ConfigSyntaxException.class, () -> RailwayConfigReader.read("railway.json",
                "{\"build\": {}, \n\"build\": {}}"));
        assertEquals("duplicate key \"build\"", duplicate.getMessage());
        assertEquals(2, duplicate.location().line());
        var toml = assertThrows(ConfigSyntaxException.class, () -> RailwayConfigReader.read("railway.toml",
                "[build]\nbuilder = \n"));
        assertEquals(2, toml.location().line());
        assertThrows(ConfigSyntaxException.class, () -> RailwayConfigReader.read("railway.json", "[1, 2]"));
        assertThrows(ConfigSyntaxException.class, () -> RailwayConfigReader.read("railway.json",
                "x".repeat(ConfigTree.MAX_CHARS + 1)));
        assertThrows(ConfigSyntaxException.class, () -> RailwayConfigReader.read("railway.json",
                "[".repeat(100) + "]".repeat(100)));
    }

    private static Map<String, Object> valuesOf(RailwayConfig config, String environment) {
        Map<String, Object> out = new TreeMap<>();
        config.environments().get(environment).forEach((k, s) -> out.put(k, s.value()));
        return out;
    }
}
