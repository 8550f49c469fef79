package dev.tlctl.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Defaults;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecInputs;
import dev.tlctl.spec.SpecLoader;
import dev.tlctl.spec.VariableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pure translation of a live project into spec documents: what goes where, and that it reads back the same. */
class AdopterTest {
    static final String PROD_DB = "postgresql://engine:fake-prod-password@db.example.invalid:5432/engine";
    static final String STAGING_DB = "postgresql://engine:fake-staging-password@db.example.invalid:5432/engine_staging";
    static final String API_KEY = "sk-proj-abcdefghijklmnopqrstuvwxyz012345";
    static final AdoptOptions ALL = new AdoptOptions(List.of(), null, "the tlctl sandbox", LocalDate.of(2026, 12, 7));

    @TempDir
    Path tmp;

    /** Three services, three environments (staging from production, worker not in dev), a PR environment. */
    static LiveProject project() {
        Map<String, LiveServiceInstance> production = new LinkedHashMap<>();
        production.put("s-api", instance("s-api", settings(
                "source.repo", "acme/app", "source.branch", "main", "build.builder", "DOCKERFILE",
                "build.dockerfilePath", "Dockerfile.api", "deploy.startCommand", "./serve --port $PORT",
                "deploy.numReplicas", 2L, "deploy.region", "us-west2", "deploy.healthcheckTimeout", 300L,
                "deploy.restartPolicyType", "ON_FAILURE", "deploy.limits.memoryGB", 0.512),
                vars("DATABASE_URL", "${{shared.DATABASE_URL}}", "ENVIRONMENT", "${{shared.ENVIRONMENT}}",
                        "WORKERS", "4", "API_KEY", API_KEY, "ODD", "literal ${env:NOT_A_REF}"),
                unmodelled("networking.serviceDomains.api-production.up.railway.app", "{\"port\":8080}",
                        "volumeMounts.v-1", "{\"mountPath\":\"/data\"}", "build.nixpacksPlan", "{\"secret\":\"x\"}")));
        production.put("s-worker", instance("s-worker", settings("source.repo", "acme/app",
                "deploy.startCommand", "./work", "deploy.region", "us-west2"),
                vars("DATABASE_URL", "${{shared.DATABASE_URL}}"), Map.of()));
        production.put("s-cron", instance("s-cron", settings("source.image", "acme/cron:1",
                "deploy.cronSchedule", "*/15 * * * *", "deploy.restartPolicyType", "NEVER", "deploy.region", "us-west2"),
                vars("ENVIRONMENT", "${{shared.ENVIRONMENT}}"), Map.of()));
        Map<String, LiveServiceInstance> staging = new LinkedHashMap<>(production);
        staging.put("s-api", instance("s-api", settings(
                "source.repo", "acme/app", "source.branch", "main", "build.builder", "DOCKERFILE",
                "build.dockerfilePath", "Dockerfile.api", "deploy.startCommand", "./serve --port $PORT",
                "deploy.numReplicas", 1L, "deploy.region", "us-west2", "deploy.sleepApplication", true,
                "deploy.limits.memoryGB", 0.512),
                Map.of("DATABASE_URL", variable("DATABASE_URL", "${{shared.DATABASE_URL}}"),
                        "ENVIRONMENT", variable("ENVIRONMENT", "${{shared.ENVIRONMENT}}"),
                        "WORKERS", variable("WORKERS", "1"), "API_KEY", new LiveVariable("API_KEY", null, true),
                        "ODD", variable("ODD", "literal ${env:NOT_A_REF}")), Map.of()));
        Map<String, LiveServiceInstance> dev = new LinkedHashMap<>(staging);
        dev.remove("s-worker");
        return new LiveProject("p-1", "acme", "w-1", List.of(
                environment("e-prod", "production", null, production, vars("DATABASE_URL", PROD_DB,
                        "ENVIRONMENT", "production", "TLCTL_RECORD", "v1.recordblob", "TLCTL_RECORD_2", "more")),
                environment("e-pr", "acme-pr-12", "e-staging", staging, vars("ENVIRONMENT", "pr"), true),
                environment("e-dev", "dev", null, dev, vars("DATABASE_URL", "${{Postgres.DATABASE_URL}}",
                        "ENVIRONMENT", "dev")),
                environment("e-staging", "staging", "e-prod", staging, vars("DATABASE_URL", STAGING_DB,
                        "ENVIRONMENT", "staging"))),
                List.of(new LiveService("s-worker", "worker"), new LiveService("s-api", "api"),
                        new LiveService("s-cron", "cron")),
                List.of(new LiveVolume("v-1", "pgdata")));
    }

    static LiveWorkspace workspace() {
        return new LiveWorkspace("w-1", "Acme", "c-1", true, new LiveUsageLimit(25, 50, false), 3.5);
    }

    @Test
    void basesAndOverlaysHoldWhatIsSharedAndWhatDiffers() {
        Adopted adopted = Adopter.adopt(project(), workspace(), ALL);
        assertEquals(List.of("production", "dev", "staging"), adopted.environments());
        assertEquals("""
                # acme on Railway, imported by `tlctl import` from the tlctl sandbox on 2026-12-07 (UTC).
                # `tlctl plan` shows what differs on Railway; `tlctl apply` makes Railway match. What differs per
                # environment lives in environments/<name>.yaml, deep-merged over this file for that environment
                # (null there removes a key). Secrets are ${env:...} references: set them before plan or apply.

                version: 1

                project:
                  name: acme
                  id: p-1

                environments:
                  # The first environment is the project's default.
                  production: {}
                  dev: {}
                  staging:
                    from: production

                sharedVariables:
                  ENVIRONMENT: production

                services:
                  api:
                    source:
                      repo: acme/app
                    build:
                      builder: DOCKERFILE
                      dockerfilePath: Dockerfile.api
                    deploy:
                      startCommand: ./serve --port $PORT
                      region: us-west2
                      sleepApplication: true
                      limits:
                        memoryGB: 0.512
                    variables:
                      DATABASE_URL: ${{shared.DATABASE_URL}}
                      ENVIRONMENT: ${{shared.ENVIRONMENT}}
                      ODD: literal $${env:NOT_A_REF}
                      WORKERS: "1"

                  cron:
                    source:
                      image: acme/cron:1
                    deploy:
                      region: us-west2
                      cronSchedule: "*/15 * * * *"
                      restartPolicyType: NEVER
                    variables:
                      ENVIRONMENT: ${{shared.ENVIRONMENT}}

                  worker:
                    source:
                      repo: acme/app
                    deploy:
                      startCommand: ./work
                      region: us-west2
                    variables:
                      DATABASE_URL: ${{shared.DATABASE_URL}}

                # Usage limits are workspace-wide on Railway: they cover every project of the workspace.
                billing:
                  usageLimit:
                    softLimitDollars: 25
                    hardLimitDollars: 50

                # Railway holds in this project what the spec cannot express yet; tlctl leaves it as it is:
                #   volume pgdata
                """, adopted.base().text());
        assertEquals("""
                # production: what differs from tl-engine.yaml (imported by `tlctl import`).

                sharedVariables:
                  DATABASE_URL: ${env:PRODUCTION_DATABASE_URL}

                services:
                  api:
                    deploy:
                      numReplicas: 2
                      sleepApplication: false
                    variables:
                      API_KEY: ${env:PRODUCTION_API_API_KEY}
                      WORKERS: "4"

                # Railway holds here what the spec cannot express yet; tlctl leaves it as it is:
                #   api: setting build.nixpacksPlan (not modelled by tlctl)
                #   api: Railway domain api-production.up.railway.app (port 8080)
                #   api: volume pgdata mounted at /data
                """, adopted.overlays().get("production").text());
        assertEquals("""
                # dev: what differs from tl-engine.yaml (imported by `tlctl import`).

                sharedVariables:
                  DATABASE_URL: ${{Postgres.DATABASE_URL}}
                  ENVIRONMENT: dev

                services:
                  api:
                    variables:
                      API_KEY: ${env:DEV_API_API_KEY}

                  worker:
                    enabled: false
                """, adopted.overlays().get("dev").text());
        assertEquals("""
                # staging: what differs from production (imported by `tlctl import`).

                sharedVariables:
                  DATABASE_URL: ${env:STAGING_DATABASE_URL}
                  ENVIRONMENT: staging

                services:
                  api:
                    deploy:
                      numReplicas: 1
                      sleepApplication: true
                    variables:
                      API_KEY: ${env:STAGING_API_API_KEY}
                      WORKERS: "1"
                """, adopted.overlays().get("staging").text());
    }

    @Test
    void secretsAreNamedPredictablyAndNoneIsWrittenInAnyDocument() {
        Adopted adopted = Adopter.adopt(project(), workspace(), ALL);
        assertEquals(List.of("PRODUCTION_DATABASE_URL", "PRODUCTION_API_API_KEY", "DEV_API_API_KEY",
                "STAGING_DATABASE_URL", "STAGING_API_API_KEY"),
                adopted.secrets().stream().map(ImportedSecret::variable).toList());
        ImportedSecret sealed = adopted.secrets().get(4);
        assertTrue(sealed.sealed());
        assertFalse(sealed.known());
        assertEquals("staging/api/API_KEY", sealed.address());
        assertEquals("holds a URL with a password", adopted.secrets().get(0).why());
        String all = adopted.base().text() + String.join("", adopted.overlays().values().stream().map(SpecDocument::text)
                .toList());
        for (String secret : List.of(PROD_DB, STAGING_DB, API_KEY, "fake-prod-password", "fake-staging-password", "recordblob")) {
            assertFalse(all.contains(secret), secret);
        }
        assertFalse(all.contains("TLCTL_RECORD"));
    }

    @Test
    void notesSayWhatWasLeftOut() {
        Adopted adopted = Adopter.adopt(project(), workspace(), ALL);
        assertEquals(List.of("Environment acme-pr-12 is one of Railway's PR environments (Railway creates and deletes"
                + " it): not imported."), adopted.notes());
        Adopted without = Adopter.adopt(project(), new LiveWorkspace("w-1", "Acme", null, false, null, 0), ALL);
        assertTrue(without.notes().contains("The workspace's usage limit could not be read with this token: billing is"
                + " left out."));
        assertFalse(without.base().text().contains("billing:"));
    }

    @Test
    void onlyTheEnvironmentsAskedForAndFromOnlyWhenItsSourceIsImported() {
        Adopted adopted = Adopter.adopt(project(), workspace(), new AdoptOptions(List.of("staging", "dev"), "Acme",
                "x", LocalDate.of(2026, 12, 7)));
        assertEquals(List.of("dev", "staging"), adopted.environments());
        assertFalse(adopted.base().text().contains("from:"));
        assertTrue(adopted.base().text().contains("  workspace: Acme\n"));
        assertTrue(adopted.notes().contains("Environment staging was created from production, which is not imported:"
                + " no from: is written."));
        assertThrows(IllegalArgumentException.class, () -> Adopter.adopt(project(), workspace(),
                new AdoptOptions(List.of("nope"), null, "x", LocalDate.of(2026, 12, 7))));
    }

    @Test
    void theSameProjectGivesTheSameBytes() {
        assertEquals(Adopter.adopt(project(), workspace(), ALL).base().text(),
                Adopter.adopt(project(), workspace(), ALL).base().text());
    }

    /** Lossless: the spec read back declares, in every environment, what Railway holds there. */
    @Test
    void theDocumentsReadBackAsTheLiveProject() throws Exception {
        Spec spec = assertReadsBack(project());
        // Postgres is a database from a template, outside the spec: validate --strict says so, and import lists it.
        assertEquals(List.of("sharedVariables.DATABASE_URL"), spec.warnings().stream().map(d -> d.location().path())
                .toList());
        assertEquals(new dev.tlctl.spec.BillingSpec.UsageLimitSpec(25, 50, null).softLimitDollars(),
                spec.billing().usageLimit().softLimitDollars());
    }

    /**
     * A large project (60 services, 8 environments each from the one before or from none, 40
     * variables an instance, a third of them differing per environment, settings varying by
     * service and environment: about 19,000 variables) imports to documents that read back as
     * it, twice to the same bytes.
     */
    @Test
    void aLargeProjectReadsBackAndGivesTheSameBytes() throws Exception {
        List<LiveService> services = new java.util.ArrayList<>();
        for (int s = 0; s < 60; s++) {
            services.add(new LiveService("s-" + s, "service-" + s));
        }
        List<LiveEnvironment> environments = new java.util.ArrayList<>();
        for (int e = 0; e < 8; e++) {
            Map<String, LiveServiceInstance> instances = new LinkedHashMap<>();
            for (int s = 0; s < 60; s++) {
                if ((s + e) % 13 == 0) {
                    continue; // not running here
                }
                String[] pairs = new String[80];
                for (int v = 0; v < 40; v++) {
                    pairs[2 * v] = "VAR_" + v;
                    pairs[2 * v + 1] = v % 3 == 0 ? "value-" + v + "-env-" + e : "value-" + v;
                }
                instances.put("s-" + s, instance("s-" + s, settings("source.image", "acme/app-" + s + ":1",
                        "deploy.startCommand", "./run " + s, "deploy.numReplicas", (long) (1 + (s + e) % 3),
                        "deploy.sleepApplication", e % 2 == 1), vars(pairs), Map.of()));
            }
            environments.add(environment("e-" + e, "env-" + e, e % 3 == 0 ? null : "e-" + (e - 1), instances,
                    vars("SHARED", "shared-" + e % 2, "DATABASE_URL", "postgresql://u:pw-" + e + "@db:5432/app")));
        }
        LiveProject big = new LiveProject("p-big", "big", "w-1", environments, services, List.of());
        assertReadsBack(big);
        assertEquals(texts(Adopter.adopt(big, workspace(), ALL)), texts(Adopter.adopt(big, workspace(), ALL)));
    }

    private static List<String> texts(Adopted adopted) {
        List<String> out = new java.util.ArrayList<>(List.of(adopted.base().text()));
        adopted.overlays().values().forEach(d -> out.add(d.text()));
        return out;
    }

    /** Writes the documents of {@code project}, reads them back with the secrets' values, and compares. */
    private Spec assertReadsBack(LiveProject project) throws Exception {
        Adopted adopted = Adopter.adopt(project, workspace(), ALL);
        Path file = write(adopted);
        Map<String, String> env = new HashMap<>();
        for (ImportedSecret secret : adopted.secrets()) {
            env.put(secret.variable(), secret.known() ? secret.value().reveal() : "set-by-hand-" + secret.name());
        }
        Spec spec = SpecLoader.load(file, SpecInputs.of(env));
        for (LiveEnvironment live : project.environments()) {
            if (live.ephemeral()) {
                continue;
            }
            EnvironmentSpec declared = spec.environment(live.name()).orElseThrow();
            assertEquals(expectedShared(live), values(declared.sharedVariables()), live.name());
            for (LiveService service : project.services()) {
                ServiceInstanceSpec instance = declared.service(service.name()).orElseThrow();
                LiveServiceInstance running = live.instances().get(service.id());
                assertEquals(running != null, instance.enabled(), live.name() + "/" + service.name());
                if (running == null) {
                    continue;
                }
                Set<String> keys = new TreeSet<>(running.settings().keySet());
                keys.addAll(instance.settings().keySet());
                for (String key : keys) {
                    assertTrue(Defaults.same(key, running.settings().get(key), instance.settings().get(key)),
                            live.name() + "/" + service.name() + "/" + key);
                }
                Map<String, String> expected = new TreeMap<>();
                running.variables().forEach((name, v) -> expected.put(name, v.readable() ? v.value().reveal()
                        : "set-by-hand-" + name));
                assertEquals(expected, values(instance.variables()), live.name() + "/" + service.name());
            }
        }
        return spec;
    }

    @Test
    void aServiceWithoutInstancesIsDeclaredDisabled() {
        LiveProject project = new LiveProject("p", "solo", "w", List.of(environment("e", "production", null, Map.of(),
                Map.of())), List.of(new LiveService("s", "ghost")), List.of());
        Adopted adopted = Adopter.adopt(project, null, ALL);
        assertTrue(adopted.base().text().contains("  ghost:\n    enabled: false\n"), adopted.base().text());
        assertTrue(adopted.notes().contains("Service ghost runs in no environment imported: it is declared with"
                + " enabled: false."));
        assertNull(adopted.overlays().get("production").root().entry("services"));
    }

    private Path write(Adopted adopted) throws Exception {
        Path file = tmp.resolve("tl-engine.yaml");
        Files.writeString(file, adopted.base().text());
        Files.createDirectories(tmp.resolve("environments"));
        for (var e : adopted.overlays().entrySet()) {
            Files.writeString(tmp.resolve("environments/" + e.getKey() + ".yaml"), e.getValue().text());
        }
        return file;
    }

    private static Map<String, String> expectedShared(LiveEnvironment live) {
        Map<String, String> out = new TreeMap<>();
        live.sharedVariables().forEach((name, v) -> {
            if (!VariableSpec.reserved(name)) {
                out.put(name, v.value().reveal());
            }
        });
        return out;
    }

    private static Map<String, String> values(Map<String, VariableSpec> variables) {
        Map<String, String> out = new TreeMap<>();
        variables.forEach((name, v) -> out.put(name, v.value().reveal()));
        return out;
    }

    // ---- building live records ----------------------------------------------------------------

    static LiveEnvironment environment(String id, String name, String source, Map<String, LiveServiceInstance> instances,
            Map<String, LiveVariable> shared) {
        return environment(id, name, source, instances, shared, false);
    }

    static LiveEnvironment environment(String id, String name, String source, Map<String, LiveServiceInstance> instances,
            Map<String, LiveVariable> shared, boolean ephemeral) {
        return new LiveEnvironment(id, name, source, "etag-" + id, instances, shared, 0, ephemeral, true);
    }

    static LiveServiceInstance instance(String service, SortedMap<String, Object> settings,
            Map<String, LiveVariable> variables, Map<String, String> unmodelled) {
        return new LiveServiceInstance(service, settings, variables, Map.of(), new TreeMap<>(unmodelled));
    }

    static SortedMap<String, Object> settings(Object... pairs) {
        SortedMap<String, Object> out = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put((String) pairs[i], pairs[i + 1]);
        }
        return out;
    }

    static Map<String, LiveVariable> vars(String... pairs) {
        Map<String, LiveVariable> out = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], variable(pairs[i], pairs[i + 1]));
        }
        return out;
    }

    static LiveVariable variable(String name, String value) {
        return new LiveVariable(name, Secret.of(value), false);
    }

    static Map<String, String> unmodelled(String... pairs) {
        Map<String, String> out = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
