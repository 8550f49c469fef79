package dev.tlctl.spec;

import static dev.tlctl.spec.SpecFixture.LEAK;
import static dev.tlctl.spec.SpecFixture.MARKER;
import static dev.tlctl.spec.SpecFixture.assertDetail;
import static dev.tlctl.spec.SpecFixture.assertError;
import static dev.tlctl.spec.SpecFixture.base;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.spec.BillingSpec.UsageLimitSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a valid spec reads as: values, merges, references, secrets, names, settings, limits. */
class SpecLoaderTest {
    @TempDir
    Path tmp;

    private SpecFixture.Loaded load(SpecFixture fixture) {
        return fixture.load(tmp);
    }

    private static VariableSpec shared(Spec spec, String environment, String name) {
        return spec.environment(environment).orElseThrow().sharedVariables().get(name);
    }

    private static ServiceInstanceSpec service(Spec spec, String environment, String name) {
        return spec.environment(environment).orElseThrow().services().get(name);
    }

    @Test
    void theBriefExampleReadsAsATest() {
        Diagnostic d = assertError(load(base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    deploy:
                      numReplicas: "2"
                version: 1
                """)), "tl-engine.yaml", 8, "services.api.deploy.numReplicas", "expected an integer, found a string");
        assertEquals(20, d.location().column());
    }

    @Test
    void scalarsKeepTheTextWritten() {
        Spec spec = load(MalformedSpecs.shared("""
                DEBUG: 0
                VERSION: 1.10
                FLAG: yes
                HEX: 0x1F
                DAY: 2024-01-01
                BIG: 12345678901234567890
                EMPTY: ""
                QUOTED: "007"
                """)).valid();
        Map<String, String> expected = Map.of("DEBUG", "0", "VERSION", "1.10", "FLAG", "yes", "HEX", "0x1F",
                "DAY", "2024-01-01", "BIG", "12345678901234567890", "EMPTY", "", "QUOTED", "007");
        expected.forEach((name, value) -> assertEquals(value, shared(spec, "production", name).value().reveal(), name));
        assertFalse(shared(spec, "production", "DEBUG").sensitive());
        assertEquals("0", shared(spec, "production", "DEBUG").display());
    }

    @Test
    void overlaysDeepMergeReplaceAndRemove() {
        Spec spec = load(MalformedSpecs.withStaging("""
                sharedVariables:
                  DEBUG: "0"
                  KEEP: kept
                services:
                  api:
                    build:
                      watchPatterns: [src/**, requirements.txt]
                    deploy:
                      startCommand: gunicorn app
                      numReplicas: 2
                      region: us-west2
                      limits: {vCPUs: 2, memoryGB: 2}
                    variables:
                      A: a
                      B: b
                """).overlay("staging", """
                sharedVariables:
                  DEBUG: null
                  ADDED: "1"
                services:
                  api:
                    build:
                      watchPatterns: [src/**]
                    deploy:
                      numReplicas: 1
                      region: null
                      limits: {memoryGB: 0.5}
                    variables:
                      A: null
                      B: staging-b
                """)).valid();
        ServiceInstanceSpec prod = service(spec, "production", "api");
        ServiceInstanceSpec staging = service(spec, "staging", "api");
        // production is the base untouched
        assertEquals(2L, prod.settings().get(Settings.DEPLOY_NUM_REPLICAS));
        assertEquals("us-west2", prod.settings().get(Settings.DEPLOY_REGION));
        assertEquals(List.of("A", "B"), List.copyOf(prod.variables().keySet()));
        // a mapping merges key by key; a scalar or list replaces; null removes
        assertEquals("gunicorn app", staging.settings().get(Settings.DEPLOY_START_COMMAND));
        assertEquals(1L, staging.settings().get(Settings.DEPLOY_NUM_REPLICAS));
        assertFalse(staging.settings().containsKey(Settings.DEPLOY_REGION));
        assertEquals(2.0, staging.settings().get(Settings.DEPLOY_LIMITS_VCPUS));
        assertEquals(0.5, staging.settings().get(Settings.DEPLOY_LIMITS_MEMORY_GB));
        assertEquals(List.of("src/**"), staging.settings().get(Settings.BUILD_WATCH_PATTERNS));
        assertEquals(List.of("B"), List.copyOf(staging.variables().keySet()));
        assertEquals("staging-b", staging.variables().get("B").value().reveal());
        assertEquals("environments/staging.yaml", staging.variables().get("B").location().file()
                .replace(spec.file().getParent() + "/", ""));
        assertEquals(List.of("KEEP", "ADDED"), List.copyOf(spec.environment("staging").orElseThrow().sharedVariables().keySet()));
        assertEquals(List.of("DEBUG", "KEEP"), List.copyOf(spec.environment("production").orElseThrow().sharedVariables().keySet()));
    }

    @Test
    void fileReferencesAreRelativeToTheSpecAndLoseOneTrailingNewline() {
        Spec spec = load(MalformedSpecs.shared("""
                CERT: ${file:certs/ca.pem}
                TWO_LINES: ${file:two.txt}
                CRLF: ${file:crlf.txt}
                PREFIXED: "key=${file:certs/ca.pem}"
                """).file("certs/ca.pem", "-----BEGIN-----\n").file("two.txt", "a\n\n").file("crlf.txt", "x\r\n")).valid();
        VariableSpec cert = shared(spec, "production", "CERT");
        assertEquals("-----BEGIN-----", cert.value().reveal());
        assertTrue(cert.sensitive(), "a value from a reference is a secret");
        assertEquals("${file:certs/ca.pem}", cert.template());
        assertEquals("a\n", shared(spec, "production", "TWO_LINES").value().reveal());
        assertEquals("x", shared(spec, "production", "CRLF").value().reveal());
        assertEquals("key=-----BEGIN-----", shared(spec, "production", "PREFIXED").value().reveal());
    }

    @Test
    void fileReferencesFollowASpecInAnotherFolder(@TempDir Path other) throws Exception {
        Path dir = MalformedSpecs.shared("SEED: ${file:seed.txt}\n").file("seed.txt", "from-the-spec-folder\n").writeTo(other);
        Spec spec = SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of());
        assertEquals("from-the-spec-folder", spec.environments().get(0).sharedVariables().get("SEED").value().reveal());
    }

    @Test
    void envReferencesEscapesAndRailwayReferences() {
        Spec spec = load(MalformedSpecs.shared("""
                TOKEN: ${env:FIXTURE_TOKEN}
                URL: "https://api.example.invalid/?t=${env:FIXTURE_TOKEN}"
                LITERAL: $${env:NOT_A_REFERENCE}
                SHARED_REF: ${{shared.REDIS_URL}}
                DB: ${{Postgres.DATABASE_URL}}
                PORT_TEXT: $PORT
                """)).valid();
        VariableSpec token = shared(spec, "production", "TOKEN");
        assertEquals(MARKER + "-env", token.value().reveal());
        assertTrue(token.sensitive());
        assertEquals("(sensitive)", token.display());
        assertEquals("https://api.example.invalid/?t=" + MARKER + "-env", shared(spec, "production", "URL").value().reveal());
        VariableSpec literal = shared(spec, "production", "LITERAL");
        assertEquals("${env:NOT_A_REFERENCE}", literal.value().reveal());
        assertFalse(literal.sensitive());
        assertNull(literal.template());
        for (String name : List.of("SHARED_REF", "DB")) {
            VariableSpec v = shared(spec, "production", name);
            assertFalse(v.sensitive(), name);
            assertNull(v.template(), name);
        }
        assertEquals("${{shared.REDIS_URL}}", shared(spec, "production", "SHARED_REF").value().reveal());
        assertEquals("${{Postgres.DATABASE_URL}}", shared(spec, "production", "DB").value().reveal());
        assertEquals("$PORT", shared(spec, "production", "PORT_TEXT").value().reveal());
    }

    @Test
    void secretsAreDetectedByReferenceMarkNameAndContent() {
        Spec spec = load(MalformedSpecs.shared("""
                API_TOKEN: ${env:FIXTURE_TOKEN}
                MARKED: {value: "${env:FIXTURE_TOKEN}", secret: true}
                SEALED: {value: "${env:FIXTURE_TOKEN}", sealed: true}
                DB_URL: ${env:DB}
                PUBLIC_KEY: {value: pk_test_123, secret: false}
                PLAIN_REF: {value: "${env:FIXTURE_TOKEN}", secret: false}
                """).env("DB", "postgresql://u:" + MARKER + "@db/x")).valid();
        assertTrue(shared(spec, "production", "API_TOKEN").sensitive());
        assertTrue(shared(spec, "production", "MARKED").sensitive());
        VariableSpec sealed = shared(spec, "production", "SEALED");
        assertTrue(sealed.sealed(), "sealed is kept on the VariableSpec");
        assertTrue(sealed.sensitive());
        assertFalse(shared(spec, "production", "API_TOKEN").sealed());
        assertTrue(shared(spec, "production", "DB_URL").sensitive());
        VariableSpec publicKey = shared(spec, "production", "PUBLIC_KEY");
        assertFalse(publicKey.sensitive(), "secret: false is the escape hatch");
        assertEquals("pk_test_123", publicKey.display());
        assertFalse(shared(spec, "production", "PLAIN_REF").sensitive());
    }

    @Test
    void aCredentialIsASecretByItsContentWhateverIsDeclared() {
        Spec spec = load(MalformedSpecs.shared("""
                PLAIN_REF: {value: "${env:FIXTURE_TOKEN}", secret: false}
                """).env("FIXTURE_TOKEN", dev.tlctl.testing.FakeCredentials.GITHUB)).valid();
        assertTrue(shared(spec, "production", "PLAIN_REF").sensitive(), "secret: false overrules a name, not a content");
        Diagnostic d = assertError(load(MalformedSpecs.shared("""
                HOOK: https://hooks.slack.com/services/T0000FAKE/B0000FAKE/FAKEfakeTESTtest0000
                """)), "tl-engine.yaml", 6, "sharedVariables.HOOK", "a secret is written in plain text");
        assertTrue(d.detail().startsWith("HOOK is a secret (it holds a Slack token), so its value must not live in the YAML."),
                d.detail());
        assertFalse(d.detail().contains("FAKEfake"), d.detail());
    }

    @Test
    void tlctlsRecordNamesAreReserved() {
        assertError(load(MalformedSpecs.shared("""
                TLCTL_RECORD_2: "x"
                """)), "tl-engine.yaml", 6, "sharedVariables.TLCTL_RECORD_2",
                "the variable name TLCTL_RECORD_2 is reserved for tlctl's record");
        assertFalse(dev.tlctl.spec.VariableSpec.reserved("TLCTL_RECORDS"));
        assertFalse(dev.tlctl.spec.VariableSpec.reserved("TLCTL_RECORD_X"));
    }

    @Test
    void noSecretInAnyToString() {
        Spec spec = load(MalformedSpecs.shared("""
                API_TOKEN: ${env:FIXTURE_TOKEN}
                SEALED: {value: "${env:FIXTURE_TOKEN}", sealed: true}
                DB_URL: ${env:DB}
                FILE_SECRET: ${file:secret.txt}
                """).env("DB", "postgresql://u:" + MARKER + "@db/x").file("secret.txt", MARKER + "-file\n")).valid();
        for (VariableSpec v : spec.environments().get(0).sharedVariables().values()) {
            assertTrue(v.value().reveal().contains(MARKER), v.name());
            assertFalse(v.toString().contains(LEAK), v.toString());
            assertFalse(v.value().toString().contains(LEAK));
            assertEquals("(sensitive)", v.display());
        }
        assertFalse(spec.toString().contains(LEAK));
    }

    @Test
    void namesRailwayAcceptsPass() {
        Spec spec = load(base("""
                project:
                  name: TL Engine (main)
                environments:
                  production: {}
                  pr 42 / preview: {}
                services:
                  Postgres: {}
                  my api:
                    variables:
                      _private: x
                      camelCase9: y
                  Redis-cache.v2: {}
                version: 1
                """)).valid();
        assertEquals("TL Engine (main)", spec.project().name());
        assertEquals(List.of("Postgres", "my api", "Redis-cache.v2"), spec.services().stream().map(ServiceSpec::name).toList());
        assertEquals("pr 42 / preview", spec.environments().get(1).name());
        assertEquals(List.of("_private", "camelCase9"), List.copyOf(service(spec, "production", "my api").variables().keySet()));
    }

    @Test
    void environmentsKeepTheirOrderAndFrom() {
        Spec spec = load(base("""
                project:
                  name: tl-test
                environments:
                  production:
                  staging:
                    from: production
                  preview:
                    from: staging
                version: 1
                """)).valid();
        assertEquals(List.of("production", "staging", "preview"), spec.environments().stream().map(EnvironmentSpec::name).toList());
        assertTrue(spec.defaultEnvironment().isDefault());
        assertNull(spec.defaultEnvironment().from());
        assertEquals("staging", spec.environment("preview").orElseThrow().from());
        assertFalse(spec.environment("preview").orElseThrow().isDefault());
    }

    @Test
    void disabledServicesAreReadAndReportedDisabled() {
        Spec spec = load(MalformedSpecs.withStaging("""
                services:
                  engine-api: {}
                  engine-worker:
                    enabled: false
                    deploy:
                      restartPolicyType: always
                  engine-scheduler:
                    enabled: false
                """).overlay("staging", """
                services:
                  engine-scheduler:
                    enabled: true
                """)).valid();
        ServiceSpec worker = spec.service("engine-worker").orElseThrow();
        assertFalse(worker.enabled());
        assertFalse(worker.enabledAnywhere());
        ServiceInstanceSpec instance = service(spec, "production", "engine-worker");
        assertFalse(instance.enabled());
        assertEquals("ALWAYS", instance.settings().get(Settings.DEPLOY_RESTART_POLICY_TYPE));
        ServiceSpec scheduler = spec.service("engine-scheduler").orElseThrow();
        assertFalse(scheduler.enabled());
        assertTrue(scheduler.enabledAnywhere(), "enabled in staging's overlay");
        assertFalse(service(spec, "production", "engine-scheduler").enabled());
        assertTrue(service(spec, "staging", "engine-scheduler").enabled());
        assertTrue(spec.service("engine-api").orElseThrow().enabledAnywhere());
    }

    @Test
    void settingsAcceptRailwayFormsAndNormaliseEnums() {
        ServiceInstanceSpec api = service(load(base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    source:
                      repo: tiendaleon/tl-engine.py
                      branch: release/2024
                      rootDirectory: /
                    build:
                      builder: railpack
                      watchPatterns: src/**
                    deploy:
                      healthcheckPath: /
                      cronSchedule: "0 3 * * MON-FRI"
                      restartPolicyType: On_Failure
                      restartPolicyMaxRetries: 0
                      preDeployCommand: python manage.py migrate
                      numReplicas: 1
                      sleepApplication: false
                      limits: {vCPUs: 0.5, memoryGB: 1}
                version: 1
                """)).valid(), "production", "api");
        Map<String, Object> s = api.settings();
        assertEquals("tiendaleon/tl-engine.py", s.get(Settings.SOURCE_REPO));
        assertEquals("release/2024", s.get(Settings.SOURCE_BRANCH));
        assertEquals("RAILPACK", s.get(Settings.BUILD_BUILDER));
        assertEquals("ON_FAILURE", s.get(Settings.DEPLOY_RESTART_POLICY_TYPE));
        assertEquals(0L, s.get(Settings.DEPLOY_RESTART_POLICY_MAX_RETRIES));
        assertEquals(List.of("src/**"), s.get(Settings.BUILD_WATCH_PATTERNS));
        assertEquals(List.of("python manage.py migrate"), s.get(Settings.DEPLOY_PRE_DEPLOY_COMMAND));
        assertEquals("0 3 * * MON-FRI", s.get(Settings.DEPLOY_CRON_SCHEDULE));
        assertEquals(Boolean.FALSE, s.get(Settings.DEPLOY_SLEEP_APPLICATION));
        assertEquals(0.5, s.get(Settings.DEPLOY_LIMITS_VCPUS));
        assertEquals(1.0, s.get(Settings.DEPLOY_LIMITS_MEMORY_GB));
        assertEquals(14, s.size());
    }

    @Test
    void mergeKeysExpandAndExplicitKeysWin() {
        Spec spec = load(base("""
                project:
                  name: tl-test
                environments:
                  production: {}
                services:
                  api:
                    deploy: &defaults
                      restartPolicyType: ALWAYS
                      numReplicas: 3
                      limits: {vCPUs: 1, memoryGB: 1}
                  worker:
                    deploy:
                      <<: *defaults
                      numReplicas: 1
                version: 1
                """)).valid();
        Map<String, Object> worker = service(spec, "production", "worker").settings();
        assertEquals("ALWAYS", worker.get(Settings.DEPLOY_RESTART_POLICY_TYPE));
        assertEquals(1L, worker.get(Settings.DEPLOY_NUM_REPLICAS));
        assertEquals(1.0, worker.get(Settings.DEPLOY_LIMITS_VCPUS));
        assertEquals(3L, service(spec, "production", "api").settings().get(Settings.DEPLOY_NUM_REPLICAS));
    }

    @Test
    void fiftyAliasesToCollectionsAreAllowed() {
        StringBuilder yaml = new StringBuilder("version: 1\nproject:\n  name: tl-test\nenvironments:\n  production: {}\n"
                + "services:\n  api:\n    build:\n      watchPatterns: &w [src]\n");
        for (int i = 1; i <= 50; i++) {
            yaml.append("  s").append(i).append(":\n    build:\n      watchPatterns: *w\n");
        }
        Spec spec = load(base(yaml.toString())).valid();
        assertEquals(51, spec.services().size());
        assertEquals(List.of("src"), service(spec, "production", "s50").settings().get(Settings.BUILD_WATCH_PATTERNS));
    }

    @ParameterizedTest(name = "soft {0}, hard {1}")
    @CsvSource(nullValues = "none", value = {"0, 10", "5, 10", "5, none", "0, none", "500000, 500000", "10, 10", "25, 50"})
    void usageLimitsAtTheBoundariesPass(int soft, Integer hard) {
        String yaml = "version: 1\nproject:\n  name: tl-test\nenvironments:\n  production: {}\nbilling:\n  usageLimit:\n"
                + "    softLimitDollars: " + soft + "\n" + (hard == null ? "" : "    hardLimitDollars: " + hard + "\n");
        UsageLimitSpec limit = load(base(yaml)).valid().billing().usageLimit();
        assertEquals(soft, limit.softLimitDollars());
        assertEquals(hard, limit.hardLimitDollars());
    }

    @ParameterizedTest(name = "soft {0}, hard {1}")
    @CsvSource({"4, 10, softLimitDollars", "1, 10, softLimitDollars", "500001, 500000, softLimitDollars",
            "5, 9, hardLimitDollars", "5, 500001, hardLimitDollars", "11, 10, hardLimitDollars"})
    void usageLimitsJustOutsideTheBoundariesFail(int soft, int hard, String wrong) {
        SpecFixture.Loaded loaded = load(MalformedSpecs.limits(String.valueOf(soft), String.valueOf(hard)));
        assertEquals(1, loaded.errors().size(), loaded::allText);
        assertEquals("billing.usageLimit." + wrong, loaded.errors().get(0).location().path());
    }

    @Test
    void noBillingMeansNotManaged() {
        BillingSpec billing = load(MalformedSpecs.shared("A: a\n")).valid().billing();
        assertNull(billing.usageLimit());
        assertEquals(75, billing.warnAtPercent());
        assertEquals(BillingSpec.PricesSpec.NONE, billing.prices());
        assertTrue(billing.guards().isEmpty());
    }

    @Test
    void billingReadsItsThresholdPricesAndGuards() {
        Spec spec = load(MalformedSpecs.withStaging("""
                billing:
                  warnAtPercent: 60
                  prices: {vCPUMonthDollars: 25, networkEgressGBDollars: 0.1}
                  guards:
                    staging:
                      maxReplicas: 1
                      sleepApplication: true
                      maxVCPUs: 0.5
                      maxMemoryGB: 1
                      monthlyBudgetDollars: 12.5
                    production: {}
                """)).valid();
        BillingSpec billing = spec.billing();
        assertEquals(60, billing.warnAtPercent());
        assertEquals(new BillingSpec.PricesSpec(25.0, null, null, 0.1), billing.prices());
        BillingSpec.GuardSpec staging = billing.guard("staging").orElseThrow();
        assertEquals(1, staging.maxReplicas());
        assertTrue(staging.sleepApplication());
        assertEquals(0.5, staging.maxVCPUs());
        assertEquals(1.0, staging.maxMemoryGB());
        assertEquals(12.5, staging.monthlyBudgetDollars());
        assertEquals("tl-engine.yaml:12:20 (billing.guards.staging.maxReplicas)",
                relative(staging.locationOf("maxReplicas")));
        assertEquals("tl-engine.yaml:11:5 (billing.guards.staging)", relative(staging.locationOf("nothing")));
        BillingSpec.GuardSpec production = billing.guard("production").orElseThrow();
        assertNull(production.maxReplicas());
        assertFalse(production.sleepApplication());
        assertNull(production.monthlyBudgetDollars());
    }

    @Test
    void aServiceKnowsWhereEachSettingIsWritten() {
        Spec spec = load(MalformedSpecs.withStaging("""
                services:
                  api:
                    deploy:
                      numReplicas: 2
                      limits: {vCPUs: 2}
                """).overlay("staging", """
                services:
                  api:
                    deploy:
                      numReplicas: 1
                """)).valid();
        assertEquals("tl-engine.yaml:10:20 (services.api.deploy.numReplicas)",
                relative(service(spec, "production", "api").locationOf(Settings.DEPLOY_NUM_REPLICAS)));
        assertEquals("environments/staging.yaml:4:20 (services.api.deploy.numReplicas)",
                relative(service(spec, "staging", "api").locationOf(Settings.DEPLOY_NUM_REPLICAS)));
        assertEquals("tl-engine.yaml:11:23 (services.api.deploy.limits.vCPUs)",
                relative(service(spec, "staging", "api").locationOf(Settings.DEPLOY_LIMITS_VCPUS)));
        assertEquals("tl-engine.yaml:8:3 (services.api)",
                relative(service(spec, "staging", "api").locationOf(Settings.DEPLOY_SLEEP_APPLICATION)),
                "a setting not written: the service's key");
    }

    /** A location with the fixture's folder taken off the file name. */
    private static String relative(Location l) {
        String file = l.file();
        int at = file.indexOf("/spec");
        String name = at < 0 ? file : file.substring(file.indexOf('/', at + 1) + 1);
        return new Location(name, l.path(), l.line(), l.column()).toString();
    }

    @Test
    void aProblemInTheBaseIsReportedOnceForAllEnvironments() {
        SpecFixture.Loaded loaded = load(MalformedSpecs.withStaging("""
                services:
                  api:
                    deploy:
                      numReplicas: many
                """));
        Diagnostic d = assertError(loaded, "tl-engine.yaml", 10, 20, "services.api.deploy.numReplicas",
                "expected an integer, found a string");
        assertNull(d.detail());
    }

    @Test
    void aMissingReferenceInTheBaseIsListedOnce() {
        SpecFixture.Loaded loaded = load(MalformedSpecs.withStaging("""
                sharedVariables:
                  A: ${env:NOT_SET}
                """));
        Diagnostic d = assertError(loaded, "tl-engine.yaml", 8, 6, "", "1 reference cannot be resolved");
        assertEquals("${env:NOT_SET} at tl-engine.yaml:8:6 (sharedVariables.A): the variable NOT_SET is not set\n"
                + "Export the variables, pass --env-file FILE (KEY=value lines), or create the files.", d.detail());
    }

    @Test
    void aPlaintextCredentialMessageSaysWhatToDoWithoutTheValue() {
        Diagnostic d = assertError(load(MalformedSpecs.shared("REDIS_URL: rediss://default:" + MARKER + "@redis:6379\n")),
                "tl-engine.yaml", 6, 14, "sharedVariables.REDIS_URL", "a secret is written in plain text");
        assertEquals("REDIS_URL is a secret (it holds a URL with a password), so its value must not live in the YAML."
                + " Put the value in the environment or an env file and write REDIS_URL: ${env:REDIS_URL}, or use"
                + " ${file:PATH}; Railway references such as ${{shared.REDIS_URL}} work too. If it is not a secret,"
                + " write REDIS_URL: {value: ..., secret: false}.", d.detail());
        assertDetail(d, "${env:REDIS_URL}");
    }

    @Test
    void sealedOrMarkedSecretsAreNotToldToWriteSecretFalse() {
        SpecFixture.Loaded loaded = load(MalformedSpecs.shared("""
                VAULT: {value: %s, sealed: true}
                SIGNING: {value: %s, secret: true}
                """.formatted(MARKER, MARKER)));
        assertEquals(2, loaded.errors().size(), loaded::allText);
        for (Diagnostic d : loaded.errors()) {
            assertTrue(d.detail().endsWith("work too."), d.detail());
            assertFalse(d.detail().contains("secret: false"), d.detail());
        }
    }

    @Test
    void aUrlWithoutAPasswordIsNotASecret() {
        VariableSpec v = shared(load(MalformedSpecs.shared("BROKER: amqp://guest@rabbit:5672/\n")).valid(), "production", "BROKER");
        assertFalse(v.sensitive());
        assertEquals("amqp://guest@rabbit:5672/", v.display());
    }
}
