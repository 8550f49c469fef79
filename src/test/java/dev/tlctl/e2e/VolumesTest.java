package dev.tlctl.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.e2e.World.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Volumes as code on the sandbox: created when missing (mounting deploys, as the plan says),
 * adopted by a checkout that has no record of creating it (found at its mount path), and never
 * deleted, not even by --prune.
 */
class VolumesTest extends E2eTest {

    private static JsonNode volumes(World w, String environment) {
        return w.gql.data("query E2eVolumes($id: String!) { environment(id: $id) { volumeInstances { edges { node {"
                + " volumeId serviceId mountPath } } } } }", Map.of("id", w.environmentId(environment)))
                .at("/environment/volumeInstances/edges");
    }

    @Test
    void aVolumeIsCreatedThenAdoptedByAFreshCheckoutAndSurvivesPrune() throws Exception {
        World w = world();
        assertEquals(0, w.tlctl("apply", "--yes").code());
        w.later();
        w.edit("environments/staging.yaml", s -> s.replace("  engine-api:\n",
                "  engine-api:\n    volumes:\n      - {mountPath: /data}\n"));
        Run plan = w.tlctl("plan");
        assertTrue(plan.out().contains("+ staging/engine-api/volume/data at /data  (mounting it deploys)"),
                plan::toString);
        assertTrue(plan.out().contains("Deploys: engine-api"), "the mount deploys: " + plan);
        Run apply = w.tlctl("apply", "--yes");
        assertEquals(0, apply.code(), apply::toString);
        assertEquals(1, volumes(w, "staging").size(), apply::toString);
        assertEquals("/data", volumes(w, "staging").get(0).at("/node/mountPath").asText());
        assertEquals(0, volumes(w, "production").size(), "staging only");
        assertEquals(0, w.tlctl("plan", "--detailed-exitcode").code(), "plan is empty after apply");

        // A fresh checkout (no .tlctl) finds it at its mount path: adopted, nothing created.
        Path ci = w.freshCopy("ci-runner");
        assertFalse(Files.exists(ci.resolve(".tlctl")));
        Run fresh = w.tlctlIn(ci, "plan", "--detailed-exitcode");
        assertEquals(0, fresh.code(), fresh::toString);
        assertFalse(fresh.out().contains("volume"), "adopted, not unmanaged: " + fresh);

        // Undeclared, it is listed, and survives --prune, even with --confirm-destructive.
        Path staging = ci.resolve("environments/staging.yaml");
        Files.writeString(staging, Files.readString(staging).replace("    volumes:\n      - {mountPath: /data}\n", ""));
        Run listed = w.tlctlIn(ci, "plan");
        assertTrue(listed.out().contains("project/volume/engine-api-volume"), listed::toString);
        Run drift = w.tlctlIn(ci, "drift");
        assertTrue(drift.out().contains("engine-api-volume"), "drift lists it: " + drift);
        Run pruned = w.tlctlIn(ci, "apply", "--yes", "--prune", "--confirm-destructive");
        assertEquals(0, pruned.code(), pruned::toString);
        assertEquals(1, volumes(w, "staging").size(), "the volume survives --prune: " + pruned);
    }
}
