package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.e2e.World.Run;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inputs that must never turn into damage on Railway or on disk: a set-but-empty secret, a shell
 * secret in sandbox mode, a file outside the spec's folder, a malformed token.
 */
class InputSafetyTest extends E2eTest {

    @Test
    void anEmptySecretNeverReplacesALiveOne() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit(World.ENV_FILE, s -> s.replaceAll("(?m)^PRODUCTION_DATABASE_URL=.*$", "PRODUCTION_DATABASE_URL="));
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(65, apply.code(), apply::toString);
        assertTrue(apply.err().contains("error: sharedVariables.DATABASE_URL: the value of DATABASE_URL is empty"), apply::toString);
        assertEquals(0, apply.mutations(), apply::toString);
        assertFalse(w.config("production").path("sharedVariables").path("DATABASE_URL").path("value").asText().isEmpty());

        // Declared, it may be emptied, and the plan says so in words.
        w.edit("environments/production.yaml", s -> s.replace("DATABASE_URL: ${env:PRODUCTION_DATABASE_URL}",
                "DATABASE_URL: {value: \"${env:PRODUCTION_DATABASE_URL}\", allowEmpty: true}"));
        Run plan = w.tlctl("plan");
        assertEquals(0, plan.code(), plan::toString);
        assertTrue(plan.out().contains("~ production/variable/DATABASE_URL (sensitive, changed)  (empties it: Railway has a"
                + " value, the spec an empty one)"), plan::toString);
    }

    @Test
    void sandboxModeNeverWritesTheShellsSecretToDisk() throws Exception {
        World w = world();
        String real = "postgresql://engine:real-looking-password-MARKER@db.example.com/prod";
        w.secret(real);
        w.secret("real-looking-password-MARKER");
        w.edit("environments/production.yaml", s -> s + "  SENTRY_DSN: ${env:SENTRY_DSN}\n");
        w.edit("tl-engine.yaml", s -> s.replace("      GUNICORN_WORKERS: \"4\"",
                "      GUNICORN_WORKERS: \"4\"\n      SENTRY_DSN: ${{shared.SENTRY_DSN}}"));
        Map<String, String> shell = new LinkedHashMap<>();
        shell.put("PRODUCTION_DATABASE_URL", real);
        shell.put("SENTRY_DSN", real);
        Run apply = w.run(shell, false, "", "apply", "--sandbox", "--yes", "--env", "production");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.err().contains("1 reference has no value in sandbox mode: the sandbox gets invented ones"), apply::toString);
        String state = Files.readString(w.dir.resolve(".tlctl/sandbox.json"));
        assertFalse(state.contains("real-looking-password"), "the shell's value never reaches the sandbox's state");
        assertTrue(state.contains("sandbox-fake-SENTRY_DSN"), "an invented value instead");
        assertTrue(state.contains("fake-prod-password"), "sandbox.env wins for what it has");
    }

    @Test
    void aFileReferenceOutsideTheSpecsFolderIsRefusedBeforeAnyRequest() {
        World w = world();
        w.edit("environments/production.yaml", s -> s + "  LEAK: ${file:/proc/self/environ}\n");
        Run plan = w.tlctl("plan");
        assertEquals(65, plan.code(), plan::toString);
        assertTrue(plan.err().contains("${file:/proc/self/environ} reads outside the spec's folder"), plan::toString);
        assertEquals(0, plan.requests());
    }

    @Test
    void aMalformedTokenIsRefusedNamingTheVariableNotABug() {
        World w = world();
        for (String token : new String[] {"abc def", "abc\u0007", "tökén"}) {
            Map<String, String> env = Map.of("TLCTL_API_URL", w.sandbox.graphqlUrl().toString(), "RAILWAY_API_TOKEN", token);
            Run plan = w.run(env, false, "", World.withEnvFile("plan"));
            assertEquals(77, plan.code(), plan::toString);
            assertTrue(plan.err().contains("Error: the token in RAILWAY_API_TOKEN is malformed"), plan::toString);
            assertFalse(plan.err().contains("bug in tlctl") || plan.err().contains("Exception"), plan::toString);
            assertFalse(plan.all().contains(token), "the token is never shown");
        }
    }
}
