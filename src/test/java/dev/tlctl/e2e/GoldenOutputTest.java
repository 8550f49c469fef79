package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlctl.e2e.World.Run;
import dev.tlctl.testing.Golden;
import org.junit.jupiter.api.Test;

/**
 * The human and JSON output of validate, plan, apply, drift, vars and billing on the repository's spec, against golden
 * files: what a user and a pipeline see, exactly. The sandbox's ids, the clock and the request
 * counts are deterministic in a {@link World}; ports and folders are normalised.
 */
class GoldenOutputTest extends E2eTest {

    private static String both(Run run) {
        return "exit " + run.code() + "\n--- stdout\n" + run.out() + "--- stderr\n" + run.err();
    }

    @Test
    void validate() {
        World w = world();
        Golden.assertMatches("validate.txt", both(w.tlctl("validate")), w.dir);
        Golden.assertMatches("validate.json", both(w.tlctl("validate", "--json")), w.dir);
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 0")
                .replace("sleepApplication: true", "sleepApplication: maybe"));
        Golden.assertMatches("validate-invalid.txt", both(w.tlctl("validate")), w.dir);
        Golden.assertMatches("validate-invalid.json", both(w.tlctl("validate", "--json")), w.dir);
    }

    @Test
    void planAndApplyFromNothing() {
        World w = world();
        Golden.assertMatches("plan-first.txt", both(w.tlctl("plan")), w.dir);
        Golden.assertMatches("plan-first.json", both(w.tlctl("plan", "--json")), w.dir);
        Golden.assertMatches("apply-first.txt", both(w.tlctl("apply", "--yes")), w.dir);
        Golden.assertMatches("plan-no-changes.txt", both(w.tlctl("plan")), w.dir);
    }

    @Test
    void planAndApplyAChange() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2")
                .replace("DEBUG: \"1\"", "DEBUG: \"true\""));
        w.upsertVariable("staging", null, "LEGACY_FLAG", "on");
        Golden.assertMatches("plan-change.txt", both(w.tlctl("plan", "--show-values")), w.dir);
        Golden.assertMatches("apply-change.jsonl", both(w.tlctl("apply", "--yes", "--json")), w.dir);
        Golden.assertMatches("plan-unmanaged.txt", both(w.tlctl("plan")), w.dir);
    }

    @Test
    void billing() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.sandbox.setUsage(World.PROJECT, "production", "engine-api", "CPU_USAGE", 30_000);
        w.sandbox.setUsage(World.PROJECT, "production", "engine-api", "MEMORY_USAGE_GB", 40_000);
        w.sandbox.setUsage(World.PROJECT, "staging", "engine-api", "CPU_USAGE", 2_500);
        w.sandbox.setUsage(World.PROJECT, "staging", "engine-api", "NETWORK_TX_GB", 12);
        w.sandbox.setCurrentUsage(26.40);
        Golden.assertMatches("billing.txt", both(w.tlctl("billing")), w.dir);
        Golden.assertMatches("billing-check.txt", both(w.tlctl("billing", "check")), w.dir);
        Golden.assertMatches("billing.json", both(w.tlctl("billing", "--json")), w.dir);
        Golden.assertMatches("billing.md", both(w.tlctl("billing", "--output", "markdown")), w.dir);
    }

    @Test
    void driftCompareAndVariables() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        String productionDb = dev.tlctl.spec.DotEnv.read(w.dir.resolve(World.ENV_FILE)).get("PRODUCTION_DATABASE_URL");
        w.upsertVariable("staging", "engine-api", "ENVIRONMENT", "production");
        w.upsertVariable("staging", null, "DATABASE_URL", productionDb);
        w.upsertVariable("production", "engine-api", "FEATURE_SEARCH", "on");
        w.patch("production", java.util.Map.of("services", java.util.Map.of(w.serviceId("engine-api"),
                java.util.Map.of("deploy", java.util.Map.of("preDeployCommand", java.util.List.of("python -m engine.migrate"))))));
        w.edit("environments/staging.yaml", s -> s.replace("GUNICORN_WORKERS: \"1\"", "GUNICORN_WORKERS: \"2\""));
        Golden.assertMatches("drift.txt", both(w.tlctl("drift")), w.dir);
        Golden.assertMatches("drift.json", both(w.tlctl("drift", "--json")), w.dir);
        Golden.assertMatches("drift.md", both(w.tlctl("drift", "--output", "markdown")), w.dir);
        Golden.assertMatches("drift-compare.txt", both(w.tlctl("drift", "--compare", "production", "staging")), w.dir);
        Golden.assertMatches("drift-compare.json", both(w.tlctl("drift", "--compare", "production", "staging", "--json",
                "--undeclared-only")), w.dir);
        Golden.assertMatches("vars-list.txt", both(w.tlctl("vars", "list", "--env", "staging", "--show-values")), w.dir);
    }

    @Test
    void errorsAsJson() {
        World w = world();
        Golden.assertMatches("error-unknown-env.json", both(w.tlctl("plan", "--json", "--env", "qa")), w.dir);
        Golden.assertMatches("error-usage.json", both(w.tlctl("plan", "--json", "--bogus")), w.dir);
        w.edit("tl-engine.yaml", s -> s.replace("numReplicas: 2", "numReplicas: two"));
        Golden.assertMatches("error-spec.json", both(w.tlctl("apply", "--json", "--yes")), w.dir);
    }
}
