package dev.tlctl.spec;

import static dev.tlctl.spec.SpecFixture.assertDetail;
import static dev.tlctl.spec.SpecFixture.assertErrors;
import static dev.tlctl.spec.SpecFixture.err;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code domains} and {@code volumes} keys of a service, in the base and in overlays, with exact messages and lines. */
class DomainsAndVolumesSpecTest {
    @TempDir
    Path tmp;

    static final String BASE = """
            version: 1
            project: {name: p}
            environments: {production: {}, staging: {}}
            services:
              api:
                source: {image: nginx}
                domains:
                  railway: {port: 8080}
                volumes:
                  - {mountPath: /data, size: 10GB}
            """;

    ServiceInstanceSpec instance(Spec spec, String environment) {
        return spec.environment(environment).orElseThrow().service("api").orElseThrow();
    }

    @Test
    void domainsAndVolumesAreReadAndOverlaysChangeThemPerEnvironment() {
        Spec spec = SpecFixture.base(BASE).overlay("staging", """
                services:
                  api:
                    domains:
                      railway: null
                      custom: [{name: Staging.Example.com, port: 3000}]
                    volumes: [{mountPath: /cache, size: 500}]
                """).load(tmp).valid();
        ServiceInstanceSpec production = instance(spec, "production");
        assertTrue(production.domains().declared());
        assertEquals(8080, production.domains().railway().port());
        assertEquals(List.of(), production.domains().custom());
        assertEquals("/data", production.volumes().get(0).mountPath());
        assertEquals(10_000, production.volumes().get(0).sizeMB(), "1 GB = 1000 MB, as Railway counts");

        ServiceInstanceSpec staging = instance(spec, "staging");
        assertNull(staging.domains().railway(), "removed in the overlay");
        assertEquals("staging.example.com", staging.domains().custom().get(0).name());
        assertEquals(3000, staging.domains().custom().get(0).port());
        assertTrue(staging.domains().custom().get(0).location().file().endsWith("environments/staging.yaml"));
        assertEquals(500, staging.volumes().get(0).sizeMB());
    }

    @Test
    void aServiceThatWritesNeitherManagesNeither() {
        Spec spec = SpecFixture.base("""
                version: 1
                project: {name: p}
                environments: {production: {}}
                services:
                  api: {source: {image: nginx}}
                """).load(tmp).valid();
        assertFalse(instance(spec, "production").domains().declared());
        assertEquals(List.of(), instance(spec, "production").volumes());
    }

    @Test
    void badDomainsAndVolumesAreReportedWhereTheyAreWritten() {
        SpecFixture.Loaded loaded = SpecFixture.base("""
                version: 1
                project: {name: p}
                environments: {production: {}}
                services:
                  api:
                    domains:
                      railway: {port: 70000}
                      custom:
                        - {name: "https://api.example.com/"}
                        - {name: api.up.railway.app}
                        - {port: 80}
                      wildcard: true
                    volumes:
                      - {mountPath: data}
                      - {mountPath: /a, size: lots}
                      - {mountPath: /b}
                """).load(tmp);
        assertErrors(loaded,
                err("tl-engine.yaml", 7, 23, "services.api.domains.railway.port", "port 70000 is out of range"),
                err("tl-engine.yaml", 9, 18, "services.api.domains.custom[0].name",
                        "\"https://api.example.com/\" is not a domain name"),
                err("tl-engine.yaml", 10, 18, "services.api.domains.custom[1].name",
                        "\"api.up.railway.app\" is a Railway domain"),
                err("tl-engine.yaml", 11, 11, "services.api.domains.custom[2]", "a custom domain needs a name"),
                err("tl-engine.yaml", 12, 7, "services.api.domains.wildcard", "unknown key \"wildcard\""),
                err("tl-engine.yaml", 14, 21, "services.api.volumes[0].mountPath", "mountPath must be an absolute path"),
                err("tl-engine.yaml", 15, 31, "services.api.volumes[1].size",
                        "size must be megabytes or a size such as 10GB"),
                err("tl-engine.yaml", 16, 9, "services.api.volumes[2]", "a service can mount only one volume"));
    }

    @Test
    void aCustomDomainOnTwoRunningInstancesIsAnErrorButNotWhereTheServiceIsOff() {
        String base = """
                version: 1
                project: {name: p}
                environments: {production: {}, staging: {}}
                services:
                  api:
                    domains: {custom: [{name: api.example.com}]}
                """;
        SpecFixture.Loaded loaded = SpecFixture.base(base).load(tmp);
        assertEquals(1, loaded.errors().size(), loaded::allText);
        assertEquals("custom domain api.example.com is declared for api in production and for api in staging",
                loaded.errors().get(0).summary());
        assertDetail(loaded.errors().get(0), "Declare it in one environment's overlay");

        SpecFixture.base(base).overlay("staging", """
                services:
                  api: {enabled: false}
                """).load(tmp).valid();
    }
}
