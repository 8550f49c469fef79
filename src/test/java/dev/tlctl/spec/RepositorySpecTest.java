package dev.tlctl.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's own spec, {@code tl-engine.yaml}, read with the fake values of {@code environments/sandbox.env}. */
class RepositorySpecTest {
    static final Path SPEC = Path.of(SpecLoader.DEFAULT_FILE);
    static final Path SANDBOX_ENV = Path.of("environments/sandbox.env");

    private static Spec spec;
    private static Map<String, String> sandboxValues;

    @BeforeAll
    static void load() {
        sandboxValues = DotEnv.read(SANDBOX_ENV);
        spec = SpecLoader.load(SPEC, sandboxValues);
    }

    private static EnvironmentSpec env(String name) {
        return spec.environment(name).orElseThrow();
    }

    @Test
    void declaresTheProjectAndItsEnvironments() {
        assertEquals("tl-engine", spec.project().name());
        assertEquals(List.of("production", "staging"), spec.environments().stream().map(EnvironmentSpec::name).toList());
        assertTrue(env("production").isDefault());
        assertNull(env("production").from());
        assertEquals("production", env("staging").from());
        assertTrue(spec.warnings().isEmpty(), () -> spec.warnings().toString());
    }

    @Test
    void stagingRunsOneSleepingReplica() {
        ServiceInstanceSpec staging = env("staging").services().get("engine-api");
        ServiceInstanceSpec production = env("production").services().get("engine-api");
        assertEquals(1L, staging.settings().get(Settings.DEPLOY_NUM_REPLICAS));
        assertEquals(Boolean.TRUE, staging.settings().get(Settings.DEPLOY_SLEEP_APPLICATION));
        assertEquals(2L, production.settings().get(Settings.DEPLOY_NUM_REPLICAS));
        assertFalse(production.settings().containsKey(Settings.DEPLOY_SLEEP_APPLICATION));
        assertEquals("1", staging.variables().get("GUNICORN_WORKERS").value().reveal());
        assertEquals("1000", staging.variables().get("MAX_REQUESTS").value().reveal());
        assertEquals("4", production.variables().get("GUNICORN_WORKERS").value().reveal());
        assertEquals("/health", production.settings().get(Settings.DEPLOY_HEALTHCHECK_PATH));
        assertEquals("tiendaleon/tl-engine", production.settings().get(Settings.SOURCE_REPO));
    }

    @Test
    void theUrlsAreSecretsFromTheEnvironment() {
        for (String environment : List.of("production", "staging")) {
            for (String name : List.of("DATABASE_URL", "REDIS_URL", "AMQP_URL")) {
                VariableSpec v = env(environment).sharedVariables().get(name);
                assertTrue(v.sensitive(), environment + " " + name);
                assertEquals("${env:" + environment.toUpperCase() + "_" + name + "}", v.template());
                assertEquals(sandboxValues.get(environment.toUpperCase() + "_" + name), v.value().reveal());
                assertEquals("(sensitive)", v.display());
                assertFalse(v.toString().contains("fake-"), v.toString());
            }
        }
        // The services read them through Railway references, untouched.
        VariableSpec db = env("production").services().get("engine-api").variables().get("DATABASE_URL");
        assertEquals("${{shared.DATABASE_URL}}", db.value().reveal());
        assertFalse(spec.toString().contains("fake-prod-password"));
        assertFalse(spec.toString().contains("fake-staging-password"));
    }

    @Test
    void debugIsTextPerEnvironment() {
        assertEquals("0", env("production").sharedVariables().get("DEBUG").value().reveal());
        assertEquals("1", env("staging").sharedVariables().get("DEBUG").value().reveal());
        assertEquals("production", env("production").sharedVariables().get("ENVIRONMENT").display());
        assertEquals("staging", env("staging").sharedVariables().get("ENVIRONMENT").display());
    }

    @Test
    void optionalServicesAreDeclaredButDisabled() {
        assertEquals(List.of("engine-api", "engine-worker", "engine-scheduler"),
                spec.services().stream().map(ServiceSpec::name).toList());
        for (String name : List.of("engine-worker", "engine-scheduler")) {
            assertFalse(spec.service(name).orElseThrow().enabledAnywhere(), name);
            assertFalse(env("staging").services().get(name).enabled(), name);
        }
        assertEquals("*/15 * * * *",
                env("production").services().get("engine-scheduler").settings().get(Settings.DEPLOY_CRON_SCHEDULE));
    }

    @Test
    void usageLimitsAreRailwayNamed() {
        assertEquals(25, spec.billing().usageLimit().softLimitDollars());
        assertEquals(50, spec.billing().usageLimit().hardLimitDollars());
    }

    @Test
    void withoutTheEnvFileEveryReferenceIsMissingInOneError() {
        SpecException e = org.junit.jupiter.api.Assertions.assertThrows(SpecException.class,
                () -> SpecLoader.load(SPEC, Map.of()));
        assertEquals(1, e.errors().size());
        Diagnostic d = e.errors().get(0);
        assertEquals("6 references cannot be resolved", d.summary());
        assertEquals("environments/production.yaml", d.location().file());
        assertEquals(5, d.location().line()); // below the yaml-language-server line
        assertEquals(7, d.detail().lines().count());
        assertFalse(d.format().contains("fake-"));
    }
}
