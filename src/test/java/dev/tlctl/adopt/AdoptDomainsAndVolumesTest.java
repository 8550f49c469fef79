package dev.tlctl.adopt;

import static dev.tlctl.adopt.AdopterTest.environment;
import static dev.tlctl.adopt.AdopterTest.instance;
import static dev.tlctl.adopt.AdopterTest.settings;
import static dev.tlctl.adopt.AdopterTest.unmodelled;
import static dev.tlctl.adopt.AdopterTest.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveDomain;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveVolumeInstance;
import dev.tlctl.spec.DomainsSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecInputs;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import writes each service's domains and volume into the base and overlays like any other value
 * (the base holds what most environments have, an overlay what differs, null what goes), and the
 * files read back as Railway holds them; what the spec cannot say, or what was not read, stays
 * listed as unexpressed.
 */
class AdoptDomainsAndVolumesTest {
    @TempDir
    Path tmp;

    private static LiveDomain railway(String id, String name, Integer port) {
        return new LiveDomain(id, LiveDomain.Kind.RAILWAY, name, port, true, List.of());
    }

    private static LiveDomain custom(String id, String name, Integer port) {
        return new LiveDomain(id, LiveDomain.Kind.CUSTOM, name, port, false, List.of());
    }

    private static LiveRuntime.Instance runtime(String environment, String service, LiveDomain... domains) {
        return new LiveRuntime.Instance(environment, service, null, null, List.of(domains));
    }

    /**
     * api in production (generated domain on 8080, a 10 GB volume at /data), staging (the same
     * domain, a custom one without a port, the volume at Railway's default size) and dev (nothing);
     * web runs everywhere with no domain and no volume; qa was read apart (no runtime).
     */
    static LiveProject project() {
        Map<String, LiveServiceInstance> instances = new LinkedHashMap<>();
        instances.put("s-api", instance("s-api", settings("source.image", "acme/api:1"), vars(), Map.of()));
        instances.put("s-web", instance("s-web", settings("source.image", "nginx:1"), vars(), Map.of()));
        Map<String, LiveServiceInstance> qa = new LinkedHashMap<>(instances);
        qa.put("s-api", instance("s-api", settings("source.image", "acme/api:1"), vars(),
                unmodelled("networking.serviceDomains.api-qa.up.railway.app", "{\"port\":8080}")));
        List<LiveEnvironment> environments = List.of(
                environment("e-prod", "production", null, instances, vars()),
                environment("e-staging", "staging", "e-prod", instances, vars()),
                environment("e-dev", "dev", null, instances, vars()),
                environment("e-qa", "qa", null, qa, vars()));
        Map<String, Map<String, LiveRuntime.Instance>> runtime = new LinkedHashMap<>();
        runtime.put("e-prod", Map.of("s-api", runtime("e-prod", "s-api", railway("d-1", "api-production.up.railway.app",
                8080)), "s-web", runtime("e-prod", "s-web")));
        runtime.put("e-staging", Map.of("s-api", runtime("e-staging", "s-api", railway("d-2",
                "api-staging.up.railway.app", 8080), custom("d-3", "staging.example.com", null)),
                "s-web", runtime("e-staging", "s-web")));
        runtime.put("e-dev", Map.of("s-api", runtime("e-dev", "s-api"), "s-web", runtime("e-dev", "s-web")));
        List<LiveVolumeInstance> volumes = List.of(
                new LiveVolumeInstance("v-1", "api-volume", "e-prod", "s-api", "/data", 10_000),
                new LiveVolumeInstance("v-1", "api-volume", "e-staging", "s-api", "/data", 5_000),
                new LiveVolumeInstance("v-2", "spare", "e-dev", null, null, 5_000));
        return new LiveProject("p-1", "acme", "w-1", environments,
                List.of(new LiveService("s-api", "api"), new LiveService("s-web", "web")),
                List.of(new LiveVolume("v-1", "api-volume"), new LiveVolume("v-2", "spare")),
                new LiveRuntime(runtime, volumes));
    }

    @Test
    void domainsAndTheVolumeGoToTheBaseAndOverlaysLikeOtherValues() {
        Adopted adopted = Adopter.adopt(project(), null, AdopterTest.ALL);
        String base = adopted.base().text();
        assertTrue(base.contains("""
                  api:
                    source:
                      image: acme/api:1
                    domains:
                      railway:
                        port: 8080
                    volumes:
                      - mountPath: /data
                        size: 10000
                """), base);
        assertFalse(base.substring(base.indexOf("  web:")).contains("domains"),
                "a service without domains anywhere leaves them unmanaged: " + base);
        assertTrue(base.contains("#   volume spare\n"), "a volume mounted by no service is listed: " + base);
        assertFalse(base.contains("volume api-volume"), base);
        assertEquals("""
                # staging: what differs from production (imported by `tlctl import`).

                services:
                  api:
                    domains:
                      custom:
                        - name: staging.example.com
                    volumes:
                      - mountPath: /data
                """, adopted.overlays().get("staging").text());
        assertEquals("""
                # dev: what differs from tl-engine.yaml (imported by `tlctl import`).

                services:
                  api:
                    domains:
                      railway: null
                    volumes: null
                """, adopted.overlays().get("dev").text());
        String qa = adopted.overlays().get("qa").text();
        assertTrue(qa.contains("#   api: Railway domain api-qa.up.railway.app (port 8080)"),
                "not read: listed from the config, as before: " + qa);
        assertFalse(qa.contains("domains:") || qa.contains("volumes:"), "not read: the base's, not none: " + qa);
    }

    @Test
    void theFilesReadBackAsRailwayHoldsThem() throws Exception {
        Adopted adopted = Adopter.adopt(project(), null, AdopterTest.ALL);
        Files.writeString(tmp.resolve("tl-engine.yaml"), adopted.base().text());
        Files.createDirectories(tmp.resolve("environments"));
        adopted.overlays().forEach((name, document) -> write(tmp.resolve("environments/" + name + ".yaml"),
                document.text()));
        Spec spec = SpecLoader.load(tmp.resolve("tl-engine.yaml"), SpecInputs.of(Map.of()));

        ServiceInstanceSpec production = api(spec, "production");
        assertEquals(8080, production.domains().railway().port());
        assertEquals(List.of(), production.domains().custom());
        assertEquals("/data", production.volumes().get(0).mountPath());
        assertEquals(10_000, production.volumes().get(0).sizeMB());

        ServiceInstanceSpec staging = api(spec, "staging");
        assertEquals(8080, staging.domains().railway().port());
        DomainsSpec.CustomDomain custom = staging.domains().custom().get(0);
        assertEquals("staging.example.com", custom.name());
        assertNull(custom.port(), "the port Railway detects");
        assertNull(staging.volumes().get(0).sizeMB(), "Railway's default size is left out");

        ServiceInstanceSpec dev = api(spec, "dev");
        assertTrue(dev.domains().declared(), "declared empty: the spec manages that dev has none");
        assertNull(dev.domains().railway());
        assertEquals(List.of(), dev.volumes());

        ServiceInstanceSpec web = spec.environment("production").orElseThrow().service("web").orElseThrow();
        assertFalse(web.domains().declared());
    }

    @Test
    void aSecondGeneratedDomainIsListedAsUnexpressed() {
        LiveProject one = project();
        Map<String, Map<String, LiveRuntime.Instance>> runtime = new LinkedHashMap<>(one.runtime().instances());
        runtime.put("e-dev", Map.of("s-api", runtime("e-dev", "s-api", railway("d-4", "api-dev.up.railway.app", 80),
                railway("d-5", "api-dev-2.up.railway.app", 81))));
        LiveProject two = new LiveProject(one.id(), one.name(), one.workspaceId(), one.environments(), one.services(),
                one.volumes(), new LiveRuntime(runtime, one.runtime().volumes()));
        Adopted adopted = Adopter.adopt(two, null, AdopterTest.ALL);
        String dev = adopted.overlays().get("dev").text();
        assertTrue(dev.contains("railway:\n        port: 80\n"), dev);
        assertTrue(dev.contains("#   api: Railway domain api-dev-2.up.railway.app (the spec declares one generated domain"
                + " per service)"), dev);
    }

    private static ServiceInstanceSpec api(Spec spec, String environment) {
        return spec.environment(environment).orElseThrow().service("api").orElseThrow();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
