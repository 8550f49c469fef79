package dev.tlctl.spec;

import static dev.tlctl.spec.SpecFixture.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warnings that say where a spec means something else on Railway than it seems to: each rule
 * with its exact message and line, and a spec that follows the rules gets none.
 */
class RailwayRulesTest {
    @TempDir
    Path tmp;

    private List<String> warnings(SpecFixture fixture) {
        return fixture.load(tmp).warnings().stream().map(SpecFixture::describe).toList();
    }

    private static String warn(String file, int line, int column, String path, String summary) {
        return SpecFixture.err(file, line, column, path, summary);
    }

    @Test
    void aSpecThatFollowsRailwaysRulesGetsNoWarning() {
        assertEquals(List.of(), warnings(SpecFixture.base("""
                project: {name: p}
                environments: {production: {}}
                sharedVariables:
                  DEBUG: "0"
                services:
                  api:
                    deploy: {region: us-west2, numReplicas: 2, limits: {vCPUs: 8, memoryGB: 8}}
                    variables:
                      DEBUG: ${{shared.DEBUG}}
                      PORT: "8080"
                      SELF: ${{PORT}}
                version: 1
                """)));
    }

    @Test
    void aSharedVariableNoServiceReferencesReachesNothing() {
        SpecFixture.Loaded loaded = SpecFixture.base("""
                project: {name: p}
                environments: {production: {}, staging: {}}
                sharedVariables:
                  ENVIRONMENT: production
                  DEBUG: "0"
                services:
                  api:
                    variables:
                      DEBUG: ${{ shared.DEBUG }}
                version: 1
                """).overlay("staging", """
                sharedVariables:
                  ENVIRONMENT: staging
                """).load(tmp);
        assertEquals(List.of(
                warn("environments/staging.yaml", 2, 16, "sharedVariables.ENVIRONMENT",
                        "shared variable ENVIRONMENT reaches no service in staging"),
                warn("tl-engine.yaml", 4, 16, "sharedVariables.ENVIRONMENT",
                        "shared variable ENVIRONMENT reaches no service in production")),
                loaded.warnings().stream().map(SpecFixture::describe).toList());
        SpecFixture.assertDetail(loaded.warnings().get(1), "Railway gives a service a shared variable only through a"
                + " reference: add ENVIRONMENT: ${{shared.ENVIRONMENT}} to the variables of each service that needs it,"
                + " or remove ENVIRONMENT.");
    }

    @Test
    void oneWarningForABaseVariableUnreferencedInEveryEnvironment() {
        assertEquals(List.of(warn("tl-engine.yaml", 4, 10, "sharedVariables.DEBUG",
                "shared variable DEBUG reaches no service in production and staging")), warnings(SpecFixture.base("""
                project: {name: p}
                environments: {production: {}, staging: {}}
                sharedVariables:
                  DEBUG: "0"
                version: 1
                """)));
    }

    @Test
    void aServiceDisabledEverywhereReferencesNothing() {
        assertEquals(List.of(warn("tl-engine.yaml", 4, 10, "sharedVariables.DEBUG",
                "shared variable DEBUG reaches no service in production")), warnings(SpecFixture.base("""
                project: {name: p}
                environments: {production: {}}
                sharedVariables:
                  DEBUG: "0"
                services:
                  worker:
                    enabled: false
                    variables: {DEBUG: "${{shared.DEBUG}}"}
                version: 1
                """)));
    }

    @Test
    void referencesToWhatDoesNotExistRenderAsEmptyStrings() {
        SpecFixture.Loaded loaded = SpecFixture.base("""
                project: {name: p}
                environments: {production: {}, staging: {}}
                services:
                  api:
                    variables:
                      REDIS_URL: ${{shared.REDIS_URL}}
                      WORKER_HOST: ${{engine-wroker.RAILWAY_PRIVATE_DOMAIN}}
                      JOBS: ${{engine-worker.QUEUE}}
                  engine-worker:
                    variables: {QUEUE: jobs}
                version: 1
                """).overlay("staging", """
                services:
                  engine-worker: {enabled: false}
                """).load(tmp);
        assertEquals(List.of(
                warn("tl-engine.yaml", 6, 18, "services.api.variables.REDIS_URL",
                        "api's variable REDIS_URL references ${{shared.REDIS_URL}}, which production does not declare"),
                warn("tl-engine.yaml", 6, 18, "services.api.variables.REDIS_URL",
                        "api's variable REDIS_URL references ${{shared.REDIS_URL}}, which staging does not declare"),
                warn("tl-engine.yaml", 7, 20, "services.api.variables.WORKER_HOST",
                        "api's variable WORKER_HOST references ${{engine-wroker.RAILWAY_PRIVATE_DOMAIN}}, but the spec"
                                + " declares no service engine-wroker"),
                warn("tl-engine.yaml", 8, 13, "services.api.variables.JOBS",
                        "api's variable JOBS references ${{engine-worker.QUEUE}}, but engine-worker is disabled in staging")),
                loaded.warnings().stream().map(SpecFixture::describe).toList());
        SpecFixture.assertDetail(loaded.warnings().get(2), "Did you mean \"engine-worker\"?");
        SpecFixture.assertDetail(loaded.warnings().get(0), "Railway renders a reference to a missing variable as an empty"
                + " string.");
    }

    @Test
    void aServiceVariableWithItsOwnValueHidesTheSharedOne() {
        SpecFixture.Loaded loaded = SpecFixture.base("""
                project: {name: p}
                environments: {production: {}, staging: {}}
                sharedVariables:
                  ENVIRONMENT: production
                services:
                  api:
                    variables:
                      ENVIRONMENT: ${{shared.ENVIRONMENT}}
                version: 1
                """).overlay("staging", """
                sharedVariables:
                  ENVIRONMENT: staging
                services:
                  api:
                    variables:
                      ENVIRONMENT: production
                """).load(tmp);
        assertEquals(List.of(
                warn("environments/staging.yaml", 2, 16, "sharedVariables.ENVIRONMENT",
                        "shared variable ENVIRONMENT reaches no service in staging"),
                warn("environments/staging.yaml", 6, 20, "services.api.variables.ENVIRONMENT",
                        "api's variable ENVIRONMENT hides the shared variable ENVIRONMENT in staging")),
                loaded.warnings().stream().map(SpecFixture::describe).toList(),
                "hidden, the shared value reaches nothing in staging");
        SpecFixture.assertDetail(loaded.warnings().get(1), "To share it, write ENVIRONMENT: ${{shared.ENVIRONMENT}}");
    }

    @Test
    void aSecretInheritedFromAnotherEnvironmentsOverlayIsFlagged() {
        SpecFixture.Loaded loaded = SpecFixture.base("""
                project: {name: p}
                environments:
                  production: {}
                  staging: {from: production}
                  preview: {from: staging}
                services:
                  api:
                    variables:
                      DATABASE_URL: ${{shared.DATABASE_URL}}
                      LOG_LEVEL: info
                version: 1
                """).overlay("production", """
                sharedVariables:
                  DATABASE_URL: ${env:PROD_DB}
                services:
                  api:
                    deploy: {numReplicas: 3}
                """).overlay("staging", """
                services:
                  api:
                    variables: {LOG_LEVEL: debug}
                """).env("PROD_DB", "postgresql://u:fake-s3cr3t-MARKER@db/prod").load(tmp);
        assertEquals(List.of(
                warn("environments/production.yaml", 2, 17, "sharedVariables.DATABASE_URL",
                        "preview inherits the secret DATABASE_URL from production's overlay"),
                warn("environments/production.yaml", 2, 17, "sharedVariables.DATABASE_URL",
                        "staging inherits the secret DATABASE_URL from production's overlay")),
                loaded.warnings().stream().map(SpecFixture::describe).sorted().toList());
        Spec spec = loaded.valid();
        assertEquals(3L, spec.environment("staging").orElseThrow().services().get("api").settings().get("deploy.numReplicas"),
                "staging inherits production's settings through from:");
        assertEquals("debug", spec.environment("preview").orElseThrow().services().get("api").variables()
                .get("LOG_LEVEL").value().reveal(), "and preview inherits staging's");
        assertEquals("info", spec.environment("production").orElseThrow().services().get("api").variables()
                .get("LOG_LEVEL").value().reveal());
    }

    @Test
    void regionsReplicasAndLimitsOutsideWhatRailwayAccepts() {
        SpecFixture.Loaded loaded = SpecFixture.base("""
                project: {name: p}
                environments: {production: {}}
                services:
                  api:
                    deploy:
                      region: us-west-2
                      numReplicas: 60
                      limits: {vCPUs: 48, memoryGB: 64}
                  worker:
                    deploy: {region: europe-west4}
                version: 1
                """).load(tmp);
        assertEquals(List.of(
                warn("tl-engine.yaml", 6, 15, "services.api.deploy.region", "unknown region \"us-west-2\""),
                warn("tl-engine.yaml", 7, 20, "services.api.deploy.numReplicas", "numReplicas 60 is more than 42"),
                warn("tl-engine.yaml", 8, 23, "services.api.deploy.limits.vCPUs", "vCPUs 48 is more than one replica may use"),
                warn("tl-engine.yaml", 8, 37, "services.api.deploy.limits.memoryGB",
                        "memoryGB 64 is more than one replica may use"),
                warn("tl-engine.yaml", 10, 22, "services.worker.deploy.region",
                        "region \"europe-west4\" is retired on Railway")),
                loaded.warnings().stream().map(SpecFixture::describe).toList());
        SpecFixture.assertDetail(loaded.warnings().get(0), "Did you mean \"us-west2\"?");
        SpecFixture.assertDetail(loaded.warnings().get(4), "Railway replaced it with europe-west4-drams3a");
    }

    @Test
    void onlyTheEnvironmentsInScopeNeedTheirSecrets() throws Exception {
        Path dir = SpecFixture.base("""
                project: {name: p}
                environments: {production: {}, staging: {}}
                services:
                  api:
                    variables: {DATABASE_URL: "${{shared.DATABASE_URL}}"}
                version: 1
                """).overlay("production", """
                sharedVariables: {DATABASE_URL: "${env:PRODUCTION_DATABASE_URL}"}
                """).overlay("staging", """
                sharedVariables: {DATABASE_URL: "${env:STAGING_DATABASE_URL}"}
                """).writeTo(tmp);
        Map<String, String> onlyStaging = Map.of("STAGING_DATABASE_URL", "postgresql://u:fake-staging@db/s");
        Spec spec = SpecLoader.load(dir.resolve("tl-engine.yaml"), onlyStaging, Set.of("staging"));
        EnvironmentSpec production = spec.environment("production").orElseThrow();
        assertFalse(production.resolved());
        VariableSpec unresolved = production.sharedVariables().get("DATABASE_URL");
        assertNull(unresolved.value(), "production's secret is not read");
        assertEquals("${env:PRODUCTION_DATABASE_URL}", unresolved.template());
        assertTrue(unresolved.sensitive());
        assertEquals("postgresql://u:fake-staging@db/s",
                spec.environment("staging").orElseThrow().sharedVariables().get("DATABASE_URL").value().reveal());

        SpecException all = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> SpecLoader.load(dir.resolve("tl-engine.yaml"), onlyStaging));
        assertTrue(all.diagnostics().get(0).detail().contains("${env:PRODUCTION_DATABASE_URL}"), describe(all.diagnostics().get(0)));
    }

    @Test
    void aPreDeployCommandIsOneCommandAStringOrAOneItemList() {
        // Issue 16, item 9: Railway refuses a list of two ("Error in preDeployCommand - Invalid input"),
        // and the whole commit with it; so the spec does, before any request.
        SpecFixture.Loaded two = SpecFixture.base("""
                project: {name: p}
                environments: {production: {}, staging: {}}
                services:
                  api:
                    deploy:
                      preDeployCommand:
                        - python -m migrate
                        - python -m seed
                version: 1
                """).load(tmp);
        Diagnostic d = SpecFixture.assertError(two, "tl-engine.yaml", 7, "services.api.deploy.preDeployCommand",
                "api's deploy.preDeployCommand lists 2 commands; Railway runs one");
        SpecFixture.assertDetail(d, "\"Error in preDeployCommand - Invalid input\"");
        SpecFixture.assertDetail(d, "join them with &&");

        for (String one : List.of("preDeployCommand: python -m migrate", "preDeployCommand: [python -m migrate]")) {
            SpecFixture.Loaded loaded = SpecFixture.base("""
                    project: {name: p}
                    environments: {production: {}}
                    services:
                      api:
                        deploy:
                          %s
                    version: 1
                    """.formatted(one)).load(tmp);
            assertEquals(List.of(), loaded.errors().stream().map(SpecFixture::describe).toList(), one);
            assertEquals(List.of("python -m migrate"), loaded.spec().environment("production").orElseThrow()
                    .services().get("api").settings().get(Settings.DEPLOY_PRE_DEPLOY_COMMAND), one);
        }

        SpecFixture.Loaded overlay = SpecFixture.base("""
                project: {name: p}
                environments: {production: {}, staging: {}}
                services:
                  api:
                    deploy: {preDeployCommand: python -m migrate}
                version: 1
                """).overlay("staging", """
                services:
                  api:
                    deploy: {preDeployCommand: [python -m migrate, python -m seed]}
                """).load(tmp);
        SpecFixture.assertError(overlay, "environments/staging.yaml", 3, "services.api.deploy.preDeployCommand",
                "api's deploy.preDeployCommand lists 2 commands; Railway runs one");
    }
}
