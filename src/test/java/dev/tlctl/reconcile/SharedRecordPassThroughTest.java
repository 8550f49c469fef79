package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LivePullRequestSettings;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveState;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.RecordKey;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.VariableSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the records carry for previews, and what taking them out of a read leaves intact: the
 * parameter keys survive a round trip (and an older record has none), the project's pull request
 * settings and each environment's creation time and ephemeral flag pass through, and a preview's
 * own record is used while a Railway PR environment's copy of its base's is not.
 */
class SharedRecordPassThroughTest {
    private static final RecordKey KEY = RecordKey.of("fake-record-key-for-tests", "prj-test");

    private static SharedRecord record(String environmentId, Set<String> parameters) {
        return new SharedRecord(environmentId, true, KEY.check(environmentId), Map.of(), Map.of("engine-api", "svc-1"),
                Map.of(), parameters);
    }

    @Test
    void parameterKeysRoundTripAndAnOlderRecordHasNone() {
        SharedRecord with = record("env-1", Set.of("engine-api/source.branch", "worker/deploy.numReplicas"));
        SharedRecord back = SharedRecord.decode(with.encode());
        assertEquals(with, back);
        assertEquals(Set.of("engine-api/source.branch", "worker/deploy.numReplicas"), back.parameters());
        SharedRecord older = new SharedRecord("env-1", true, KEY.check("env-1"), Map.of(), Map.of(), Map.of());
        assertEquals(Set.of(), SharedRecord.decode(older.encode()).parameters());
    }

    private static LiveEnvironment environment(String id, String name, boolean ephemeral, SharedRecord record,
            Instant createdAt) {
        Map<String, LiveVariable> shared = Map.of("DEBUG", new LiveVariable("DEBUG", Secret.of("1"), false),
                VariableSpec.RECORD, new LiveVariable(VariableSpec.RECORD, Secret.of(record.encode().get(0)), false));
        return new LiveEnvironment(id, name, null, "etag-" + id, Map.of(), shared, 0, ephemeral, true, createdAt);
    }

    @Test
    void takingTheRecordsOutKeepsPullRequestSettingsCreationTimesAndPreviewsOwnRecords() {
        Instant created = Instant.parse("2026-12-01T10:00:00Z");
        LivePullRequestSettings pullRequests = new LivePullRequestSettings(true, "env-staging", true, false);
        LiveProject project = new LiveProject("prj-test", "demo", "ws", List.of(
                environment("env-staging", "staging", false, record("env-staging", Set.of()), null),
                environment("env-pr-1", "pr-1", true, record("env-pr-1", Set.of("engine-api/source.branch")), created),
                // Railway's own PR environment: a copy of staging's record, which is not its own.
                environment("env-pr-9", "staging-pr-9", true, record("env-staging", Set.of()), created)),
                List.of(), List.of(), LiveRuntime.empty(), pullRequests);

        SharedRecords records = SharedRecords.read(new LiveState(null, project), () -> KEY, Map.of());
        LiveProject stripped = records.stripped().project();
        assertEquals(pullRequests, stripped.pullRequests());
        LiveEnvironment preview = stripped.environment("pr-1").orElseThrow();
        assertEquals(created, preview.createdAt());
        assertEquals(true, preview.ephemeral());
        assertEquals(Set.of("DEBUG"), preview.sharedVariables().keySet(), "the record is taken out");
        assertNotNull(records.record("pr-1"), "a preview's own record is used");
        assertEquals(Set.of("engine-api/source.branch"), records.parameters("pr-1"));
        assertEquals(null, records.record("staging-pr-9"));
        assertEquals(List.of(), records.notes(), "a PR environment's copy is neither used nor noted");
    }
}
