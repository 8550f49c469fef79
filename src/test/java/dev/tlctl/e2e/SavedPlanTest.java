package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.apply.Applier;
import dev.tlctl.apply.ApplyListener;
import dev.tlctl.apply.ConcurrentChangeException;
import dev.tlctl.e2e.World.Run;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.railway.ClientConfig;
import dev.tlctl.railway.Credentials;
import dev.tlctl.railway.GraphQLRequest;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.RailwayTransport;
import dev.tlctl.railway.ReadTarget;
import dev.tlctl.railway.RequestListener;
import dev.tlctl.sandbox.SandboxStats;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.DotEnv;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecLoader;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Saved plans (no secret value in the file; refused when an environment or a secret changed since)
 * and a concurrent change between planning and writing in a live apply.
 */
class SavedPlanTest extends E2eTest {

    @Test
    void aSavedPlanAppliesAndHoldsOnlyFingerprints() throws Exception {
        World w = world();
        Run plan = w.tlctl("plan", "--out", "tl-engine.plan");
        assertEquals(0, plan.code(), plan::toString);
        java.nio.file.Path file = w.output("tl-engine.plan");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)), "a saved plan is readable by its owner only");
        JsonNode saved = Gql.JSON.readTree(file.toFile());
        assertEquals(1, saved.path("formatVersion").asInt());
        assertEquals("tlctl-saved-plan", saved.path("kind").asText());
        int fingerprints = 0;
        for (JsonNode change : saved.path("changes")) {
            if (change.asText().contains("/variable/")) {
                assertTrue(change.asText().matches("(?s).*\tvalue=hmac-sha256:[0-9a-f]{64}"), change::toString);
                fingerprints++;
            }
        }
        assertEquals(24, fingerprints, "every variable travels as a keyed fingerprint");
        assertTrue(java.nio.file.Files.isRegularFile(w.dir.resolve(".tlctl/plan.key")), "the key stays beside the spec");

        Run apply = w.tlctl("apply", "tl-engine.plan", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertTrue(apply.out().contains("Apply complete: 57 created"), apply::toString);
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
        String expected = DotEnv.read(w.dir.resolve(World.ENV_FILE)).get("STAGING_DATABASE_URL");
        assertEquals(expected, w.config("staging").path("sharedVariables").path("DATABASE_URL").path("value").asText(),
                "the secret was re-resolved from the spec at apply");
    }

    @Test
    void aSavedPlanGoesStaleWhenAnEnvironmentChangesAfterItWasMade() {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 3"));
        w.output("staging.plan");
        assertEquals(0, w.tlctl("plan", "--out", "staging.plan").code());

        w.upsertVariable("staging", "engine-api", "FEATURE_X", "on");
        Run apply = w.tlctl("apply", "staging.plan", "--yes");
        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("environment staging changed on Railway since the plan was made"), apply::toString);
        assertEquals(0, apply.mutations(), "nothing written: " + apply);
        String api = w.serviceId("engine-api");
        assertEquals(1, w.config("staging").path("services").path(api).path("deploy").path("multiRegionConfig")
                .path("us-west2").path("numReplicas").asInt());

        // A new plan sees the change and applies.
        assertEquals(0, w.tlctl("apply", "--yes").code());
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code());
    }

    @Test
    void aSavedPlanWhoseSecretChangedInTheEnvFileIsRefused() {
        World w = world();
        w.output("first.plan");
        assertEquals(0, w.tlctl("plan", "--out", "first.plan").code());
        String rotated = "postgresql://engine:fake-rotated-staging-password@postgres.sandbox.invalid:5432/enginedb_staging";
        w.secret(rotated);
        w.secret("rotated-staging-password");
        w.edit(World.ENV_FILE, s -> s.replaceAll("(?m)^STAGING_DATABASE_URL=.*$", "STAGING_DATABASE_URL=" + rotated));

        Run apply = w.tlctl("apply", "first.plan", "--yes");
        assertEquals(1, apply.code(), apply::toString);
        assertTrue(apply.err().contains("is not what tlctl would do now"), apply::toString);
        assertTrue(apply.err().contains("the change to staging/variable/DATABASE_URL is not the same"), apply::toString);
        assertEquals(0, apply.mutations(), apply::toString);
        assertEquals(0, w.projects(World.PROJECT).size(), "nothing was created");
    }

    @Test
    void aTamperedSavedPlanIsRefusedAndChangesNothing() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.edit("environments/staging.yaml", s -> s.replace("numReplicas: 1", "numReplicas: 3"));
        java.nio.file.Path file = w.output("staging.tlplan");
        assertEquals(0, w.tlctl("plan", "--env", "staging", "--out", "staging.tlplan").code());
        String original = java.nio.file.Files.readString(file);
        String stagingId = w.environmentId("staging");
        String productionId = w.environmentId("production");
        JsonNode before = w.environment("production");

        // Pointed at production's id, as an attacker or a bad merge would.
        java.nio.file.Files.writeString(file, original.replace(stagingId, productionId));
        Run retargeted = w.tlctl("apply", "staging.tlplan", "--yes");
        assertEquals(1, retargeted.code(), retargeted::toString);
        assertTrue(retargeted.err().contains("environment staging has id " + stagingId + " on Railway, not " + productionId),
                retargeted::toString);
        assertEquals(0, retargeted.mutations(), retargeted::toString);

        // A change turned into another.
        // (JSON writes the tab between fields as \t.)
        String three = "deploy.numReplicas\\tby=tlctl\\tvalue=3\"";
        assertTrue(original.contains(three), original);
        java.nio.file.Files.writeString(file, original.replace(three, "deploy.numReplicas\\tby=tlctl\\tvalue=30\""));
        Run edited = w.tlctl("apply", "staging.tlplan", "--yes");
        assertEquals(1, edited.code(), edited::toString);
        assertTrue(edited.err().contains("the change to staging/engine-api/setting/deploy.numReplicas is not the same"),
                edited::toString);

        // Garbage.
        java.nio.file.Files.writeString(file, "{\"formatVersion\": 1, \"kind\": \"plan\", \"changes\": []}");
        Run garbage = w.tlctl("apply", "staging.tlplan", "--yes");
        assertEquals(1, garbage.code(), garbage::toString);
        assertTrue(garbage.err().contains("Error: cannot use the saved plan"), garbage::toString);

        assertEquals(before.path("configEtag"), w.environment("production").path("configEtag"), "production untouched");
        java.nio.file.Files.writeString(file, original);
        Run honest = w.tlctl("apply", "staging.tlplan", "--yes");
        assertEquals(0, honest.code(), honest::toString);
    }
}
