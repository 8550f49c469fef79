package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of Railway token, and none: what each may do, what it costs, and clear refusals. */
class TokensTest extends E2eTest {

    @Test
    void aWorkspaceTokenPlansTheExistingProjectInFourRequestsCold() {
        World w = world();
        String token = w.sandbox.mintWorkspaceToken(null);
        w.secret(token);
        Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_API_TOKEN", token);
        Run apply = w.run(env, false, "", World.withEnvFile("apply", "--yes"));
        assertEquals(0, apply.code(), apply::toString);
        // The account's 12 (see ScaleTest), and two more to find the workspace (me refused, apiToken).
        assertTrue(apply.requests() <= 14, apply::toString);

        // Root `projects` lists personal projects only, which a workspace token has none of: each
        // workspace is asked for its projects instead, and the project is found, not created twice.
        w.forgetCachedId();
        Run cold = w.run(env, false, "", World.withEnvFile("plan", "--detailed-exitcode"));
        assertEquals(0, cold.code(), cold::toString);
        assertEquals(4, cold.requests(), "me (refused), the token's workspaces, their projects, the project: " + cold);
        assertEquals(1, w.projects(World.PROJECT).size());
        Run warm = w.run(env, false, "", World.withEnvFile("plan", "--detailed-exitcode"));
        assertEquals(1, warm.requests(), warm::toString);
    }

    @Test
    void aProjectTokenIsLimitedToItsEnvironment() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        String token = w.sandbox.mintProjectToken(World.PROJECT, "staging");
        w.secret(token);
        // RAILWAY_TOKEN wins over RAILWAY_API_TOKEN, as in Railway's CLI.
        Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(),
                "RAILWAY_TOKEN", token, "RAILWAY_API_TOKEN", w.sandbox.accountToken());

        Run plan = w.run(env, false, "", World.withEnvFile("plan", "--detailed-exitcode"));
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.requests() <= 2, plan::toString);
        assertTrue(plan.out().contains("The usage limit is not planned: this token cannot read the workspace's billing"),
                plan::toString);

        Run other = w.run(env, false, "", World.withEnvFile("plan", "--env", "production"));
        assertEquals(64, other.code(), other::toString);
        assertTrue(other.err().contains("a project token reaches only environment staging"), other::toString);

        // Its own environment it may change.
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 2"));
        w.edit("environments/production.yaml", s -> s + "  EXTRA: production-only\n");
        Run staging = w.run(env, false, "", World.withEnvFile("plan"));
        assertTrue(staging.out().contains("~ staging/engine-api/setting/deploy.numReplicas: 1 -> 2"), staging::toString);
        assertFalse(staging.out().contains("production/"), staging::toString);
        Run apply = w.run(env, false, "", World.withEnvFile("apply", "--yes"));
        assertEquals(0, apply.code(), apply::toString);
        assertFalse(w.config("production").path("sharedVariables").has("EXTRA"), "production is out of its reach");
    }

    @Test
    void aProjectTokenRefusesCreatesAndLimitsWritingNothing() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        String token = w.sandbox.mintProjectToken(World.PROJECT, "staging");
        w.secret(token);
        Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_TOKEN", token);

        w.edit("tl-engine.yaml", s -> s.replace("  engine-worker:\n    enabled: false\n", "  engine-worker:\n")
                .replace("softLimitDollars: 25", "softLimitDollars: 30"));
        Run plan = w.run(env, false, "", World.withEnvFile("plan"));
        assertTrue(plan.out().contains("+ project/service/engine-worker"), plan::toString);
        assertFalse(plan.out().contains("usageLimit"), "billing is out of a project token's reach: " + plan);
        Run apply = w.run(env, false, "", World.withEnvFile("apply", "--yes"));
        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("a project token cannot make these changes: project/service/engine-worker"),
                apply::toString);
        assertTrue(apply.err().contains("cannot create projects, services or environments, or set usage limits"),
                apply::toString);
        assertTrue(apply.err().contains("Nothing was changed."), apply::toString);
        assertEquals(0, apply.mutations(), apply::toString);
        assertEquals(1, World.names(w.project().path("services")).size());

        // A token of another project is refused by name.
        w.edit("tl-engine.yaml", s -> s.replace("name: tl-engine", "name: tl-other"));
        Run elsewhere = w.run(env, false, "", World.withEnvFile("plan"));
        assertEquals(1, elsewhere.code(), elsewhere::toString);
        assertTrue(elsewhere.err().contains("belongs to project tl-engine, not tl-other"), elsewhere::toString);
    }

    @Test
    void anUnknownTokenIsReportedNamingTheVariableNotAnOperation() {
        World w = world();
        String bogus = "tok-unknown-to-railway-123456";
        w.secret(bogus);
        String url = w.sandbox.graphqlUrl().toString();
        Run api = w.run(Map.of("TLCTL_API_URL", url, "RAILWAY_API_TOKEN", bogus), false, "", World.withEnvFile("plan"));
        assertEquals(77, api.code(), api::toString);
        assertEquals("Error: Railway refused the token (\"Not Authorized\")\n  tlctl used an account or workspace token"
                + " (RAILWAY_API_TOKEN): check that RAILWAY_API_TOKEN holds a valid token that reaches this workspace and"
                + " project (a workspace token reaches only its own workspace).\n", api.err().replaceAll("tlctl: \\d+ request.*\n", ""));
        assertFalse(api.err().contains("tokenWorkspaces"), "no internal operation: " + api);
        Run project = w.run(Map.of("TLCTL_API_URL", url, "RAILWAY_TOKEN", bogus), false, "", World.withEnvFile("plan"));
        assertEquals(77, project.code(), project::toString);
        assertTrue(project.err().startsWith("Error: Railway refused the token (\"Project Token not found\")\n  Railway does"
                + " not know the project token in RAILWAY_TOKEN"), project::toString);
        assertFalse(project.err().contains("projectTokenScope"), project::toString);
    }

    @Test
    void noTokenAtAllNamesBothVariables() {
        World w = world();
        Run run = w.run(Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString()), false, "",
                World.withEnvFile("plan"));
        assertEquals(77, run.code(), run::toString);
        assertTrue(run.err().contains("no Railway token"), run::toString);
        assertTrue(run.err().contains("RAILWAY_API_TOKEN") && run.err().contains("RAILWAY_TOKEN"), run::toString);
        assertEquals(0, run.requests(), run::toString);
    }

    @Test
    void plainHttpToAnythingButLoopbackIsRefused() {
        World w = world();
        Run flag = w.run(w.env(), false, "", World.withEnvFile("plan", "--api-url", "http://example.com/graphql/v2"));
        assertEquals(64, flag.code(), flag::toString);
        assertTrue(flag.err().contains("Refusing the Railway API endpoint http://example.com/graphql/v2: tokens are only"
                + " sent over HTTPS"), flag::toString);
        Map<String, String> env = Map.of("TLCTL_API_URL", "http://example.com/graphql/v2",
                "RAILWAY_API_TOKEN", w.sandbox.accountToken());
        Run variable = w.run(env, false, "", World.withEnvFile("apply", "--yes"));
        assertEquals(64, variable.code(), variable::toString);
        assertTrue(variable.err().contains("Refusing the Railway API endpoint"), variable::toString);
        assertEquals(0, w.stats().requests());
    }
}
