package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import org.junit.jupiter.api.Test;

/**
 * {@code tlctl import --railway-config FILE --service NAME} on the repository's spec: a
 * railway.json and a railway.toml, each with an {@code environments.staging} section, merge into
 * tl-engine.yaml and the staging overlay keeping their comments; the result passes
 * {@code validate --strict}, and {@code plan} against what was applied before shows the settings
 * they carried. Conflicts stay as the spec says unless --force; unknown keys are listed with their
 * line; a broken file changes nothing.
 */
class MigrateTest extends E2eTest {
    static final String JSON = """
            {
              "$schema": "https://railway.com/railway.schema.json",
              "build": {
                "builder": "RAILPACK",
                "watchPatterns": ["engine/**", "requirements.txt"]
              },
              "deploy": {
                "startCommand": "gunicorn engine.main:app",
                "preDeployCommand": ["python -m engine.migrate"],
                "healthcheckPath": "/health",
                "restartPolicyMaxRetries": 7,
                "colour": "blue"
              },
              "environments": {
                "staging": {
                  "deploy": { "cronSchedule": "0 * * * *", "healthcheckTimeout": 90 }
                },
                "pr": {
                  "deploy": { "startCommand": "gunicorn engine.main:app --reload" }
                }
              }
            }
            """;

    static final String TOML = """
            # Railway's config for the engine
            [build]
            builder = "DOCKERFILE"
            dockerfilePath = "docker/Dockerfile.api"

            [deploy]
            healthcheckPath = "/health"
            overlapSeconds = 30
            shape = "round"

            [environments.staging.deploy]
            drainingSeconds = 15
            """;

    @Test
    void aRailwayJsonMigratesIntoTheSpecAndPlanShowsWhatItCarried() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.write("railway.json", JSON);
        Run run = w.run(w.env(), false, "", "import", "--railway-config", "railway.json", "--service", "engine-api");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("railway.json:12:5: unknown key deploy.colour"), run::toString);
        assertTrue(run.out().contains("deploy.startCommand is gunicorn engine.main:app -k"), "a conflict\n" + run);
        assertTrue(run.out().contains("environments.pr"), run::toString);
        assertTrue(run.out().contains("validate --strict passes."), run::toString);
        String base = w.read("tl-engine.yaml");
        assertTrue(base.contains("      watchPatterns: [\"engine/**\", \"requirements.txt\"]\n"), base);
        assertTrue(base.contains("      preDeployCommand: [\"python -m engine.migrate\"]\n"), base);
        assertTrue(base.contains("# Optional services: declared and validated"), "comments are kept\n" + base);
        assertTrue(base.contains("--workers $GUNICORN_WORKERS"), "a conflict is left as the spec says\n" + base);
        String staging = w.read("environments/staging.yaml");
        assertTrue(staging.contains("      cronSchedule: \"0 * * * *\"\n"), staging);
        assertTrue(staging.contains("      healthcheckTimeout: 90\n"), staging);

        Run strict = w.run(w.env(), false, "", "validate", "--strict", "--sandbox");
        assertEquals(0, strict.code(), strict::toString);
        Run plan = w.tlctl("plan", "--detailed-exitcode");
        assertEquals(2, plan.code(), plan::toString);
        assertFalse(plan.out().contains("restartPolicyMaxRetries"), "a conflict is not written\n" + plan);
        for (String carried : new String[] {"watchPatterns", "preDeployCommand", "cronSchedule", "healthcheckTimeout"}) {
            assertTrue(plan.out().contains(carried), carried + " is planned\n" + plan);
        }
        assertFalse(plan.out().contains("gunicorn engine.main:app\""), plan::toString);

        Run forced = w.run(w.env(), false, "", "import", "--railway-config", "railway.json", "--service", "engine-api",
                "--force");
        assertEquals(0, forced.code(), forced::toString);
        assertTrue(w.read("tl-engine.yaml").contains("      startCommand: gunicorn engine.main:app\n"));
        Run again = w.run(w.env(), false, "", "import", "--railway-config", "railway.json", "--service", "engine-api");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("0 settings written"), "a second run finds everything in place\n" + again);
    }

    @Test
    void aRailwayTomlMigratesWithItsStagingSection() {
        World w = world();
        w.write("railway.toml", TOML);
        Run run = w.run(w.env(), false, "", "import", "--railway-config", "railway.toml", "--service", "engine-api",
                "--force", "--json");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.out().contains("railway.toml:9:1\""), "the unknown key's line\n" + run);
        String base = w.read("tl-engine.yaml");
        assertTrue(base.contains("      builder: DOCKERFILE\n"), base);
        assertTrue(base.contains("      dockerfilePath: docker/Dockerfile.api\n"), base);
        assertTrue(base.contains("      overlapSeconds: 30\n"), base);
        assertTrue(w.read("environments/staging.yaml").contains("      drainingSeconds: 15\n"));
        assertEquals(0, w.run(w.env(), false, "", "validate", "--strict", "--sandbox").code());
        Run plan = w.tlctl("plan");
        assertEquals(0, plan.code(), plan::toString);
        for (String carried : new String[] {"DOCKERFILE", "docker/Dockerfile.api", "overlapSeconds", "drainingSeconds"}) {
            assertTrue(plan.out().contains(carried), carried + " is planned\n" + plan);
        }
    }

    @Test
    void aBrokenFileOrAnUnknownServiceChangesNothing() {
        World w = world();
        String base = w.read("tl-engine.yaml");
        w.write("railway.json", "{\n  \"build\": {\n    \"builder\": \n  }\n}\n");
        Run broken = w.run(w.env(), false, "", "import", "--railway-config", "railway.json", "--service", "engine-api");
        assertEquals(65, broken.code(), broken::toString);
        assertTrue(broken.err().contains("railway.json:4:"), broken::toString);
        assertEquals(base, w.read("tl-engine.yaml"));

        w.write("railway.json", "{\"deploy\": {\"numReplicas\": -3}}");
        Run invalid = w.run(w.env(), false, "", "import", "--railway-config", "railway.json", "--service", "engine-api");
        assertEquals(0, invalid.code(), invalid::toString);
        assertTrue(invalid.out().contains("deploy.numReplicas"), "an invalid value is listed, not written\n" + invalid);
        assertEquals(base, w.read("tl-engine.yaml"));

        Run usage = w.run(w.env(), false, "", "import", "--railway-config", "railway.json");
        assertEquals(64, usage.code(), usage::toString);
        Run mixed = w.run(w.env(), false, "", "import", "--railway-config", "railway.json", "--service", "engine-api",
                "--project", "x");
        assertEquals(64, mixed.code(), mixed::toString);
        assertEquals(base, w.read("tl-engine.yaml"));
    }
}
