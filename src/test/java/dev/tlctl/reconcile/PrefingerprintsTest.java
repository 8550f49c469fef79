package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Plan;
import dev.tlctl.plan.PlanOptions;
import dev.tlctl.plan.Planner;
import dev.tlctl.secret.RecordKey;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.SpecLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fingerprints worked out while Railway carries out a commit are exactly those RecordUpdate
 * would hash afterwards: the values the plan writes, in each environment's scope, and nothing for
 * an environment not prepared.
 */
class PrefingerprintsTest {
    @TempDir
    Path dir;

    private PlanResult planned() throws Exception {
        Files.writeString(dir.resolve("tl-engine.yaml"), """
                version: 1
                project: {name: tl-engine}
                environments:
                  production: {}
                  staging: {from: production}
                sharedVariables:
                  REGION: eu
                services:
                  api:
                    deploy: {numReplicas: 2}
                    variables:
                      DEBUG: "0"
                      GREETING: "h\u00e9llo"
                """);
        Spec spec = SpecLoader.load(dir.resolve("tl-engine.yaml"), Map.of());
        Plan plan = Planner.plan(spec, new LiveState(new LiveWorkspace("ws-1", "acme", "cus-1", true, null, 0), null),
                PlanOptions.defaults());
        return new PlanResult(spec, new LiveState(null, null), plan, List.of(), List.of("production", "staging"), false,
                null, "test", Instant.EPOCH, Set.of());
    }

    @Test
    void theValuesThePlanWritesAreFingerprintedAsRecordUpdateWouldInEachEnvironmentsScope() throws Exception {
        PlanResult planned = planned();
        RecordKey key = RecordKey.of("fake-team-key", "prj-1");
        Prefingerprints prepared = Prefingerprints.start(planned, key,
                Map.of("production", "env-p", "staging", "env-s"));

        for (String id : List.of("env-s", "env-p")) { // staging first: asked before the thread may have reached it
            Map<String, Prefingerprints.Prepared> got = new TreeMap<>(prepared.of(id));
            assertEquals(Set.of("variable/REGION", "api/variable/DEBUG", "api/variable/GREETING",
                    "api/setting/deploy.numReplicas"), got.keySet(), got::toString);
            got.forEach((relative, p) -> assertArrayEquals(key.fingerprint(id, relative, p.text()), p.fingerprint(),
                    relative));
            assertEquals("h\u00e9llo", got.get("api/variable/GREETING").text());
        }
        assertEquals(Map.of(), prepared.of("env-other"), "an environment not prepared: hashed when asked");
        assertEquals(Map.of(), Prefingerprints.NONE.of("env-p"));
        assertSame(prepared.changes(planned.plan()), prepared.changes(planned.plan()),
                "the plan's changes by environment are grouped once for the plan prepared for");
    }
}
