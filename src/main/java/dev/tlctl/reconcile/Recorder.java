package dev.tlctl.reconcile;

import dev.tlctl.apply.ApplyResult;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveState;
import dev.tlctl.railway.ProjectWrites;
import dev.tlctl.railway.ProjectWrites.EnvironmentWrite;
import dev.tlctl.railway.RailwayException;
import dev.tlctl.secret.RecordKey;
import java.util.List;
import java.util.Map;

/**
 * tlctl's records on Railway for one run: read out of the project's read (no request of their
 * own), and brought up to date after an apply in one request for every environment that needs it
 * (one patch each, written after the apply and its read-back, so that a record never claims a write
 * that did not happen). The record key is made at most once per run, and a key derived here is
 * cached in {@code .tlctl/}.
 */
final class Recorder {
    /** What writing the records did: the environments written, or why none could be. */
    record Written(List<String> environments, String problem) {
        static final Written NOTHING = new Written(List.of(), null);
    }

    private final LocalRecords local;
    private final String endpoint;
    private final ProjectWrites client;
    private RecordKey key;
    private String keyProject;
    /** Fingerprints being worked out for the next {@link #write}, which takes them. */
    private Prefingerprints prepared = Prefingerprints.NONE;

    Recorder(LocalRecords local, String endpoint, ProjectWrites client) {
        this.local = local;
        this.endpoint = endpoint;
        this.client = client;
    }

    /** The records in {@code live}, and {@code live} without them. */
    SharedRecords read(LiveState live) {
        LiveProject project = live.project();
        if (project == null) {
            return SharedRecords.none(live);
        }
        String id = project.id();
        return SharedRecords.read(live, () -> key(id), local.written(endpoint, id));
    }

    /** This run's key for a project: made once (from the cache, or derived when first used). */
    synchronized RecordKey key(String projectId) {
        if (key == null || !projectId.equals(keyProject)) {
            remember();
            key = local.recordKey(endpoint, projectId);
            keyProject = projectId;
        }
        return key;
    }

    /**
     * Starts working out, on a thread of its own, the fingerprints of the values {@code planned}
     * commits in {@code environments} (name and id) of project {@code projectId}, for the next
     * {@link #write}: called as the commit is sent, so that the hashing overlaps Railway's work.
     */
    void prepare(PlanResult planned, String projectId, Map<String, String> environments) {
        if (projectId == null) {
            return;
        }
        try {
            prepared = Prefingerprints.start(planned, key(projectId), environments);
        } catch (RuntimeException e) {
            prepared = Prefingerprints.NONE; // only time is lost: the commit goes on, and write() hashes as it did
        }
    }

    /**
     * Writes, in one request, the record of every environment of the run that is not what it
     * should be after this apply ({@code result} null: nothing was applied, and a record may still
     * be missing or stale). A failure is returned, not thrown: what the apply wrote stands.
     */
    Written write(PlanResult planned, SharedRecords records, ApplyResult result, LiveProject after) {
        String projectId = after != null ? after.id() : result != null && result.projectId() != null ? result.projectId()
                : planned.live().project() == null ? null : planned.live().project().id();
        if (projectId == null) {
            return Written.NOTHING;
        }
        List<RecordUpdate.Write> writes;
        Prefingerprints ready = prepared;
        prepared = Prefingerprints.NONE;
        try {
            writes = RecordUpdate.of(planned, records, result, after, key(projectId), ready);
        } catch (IllegalStateException e) {
            return new Written(List.of(), e.getMessage());
        }
        if (writes.isEmpty()) {
            return Written.NOTHING;
        }
        List<String> names = writes.stream().map(RecordUpdate.Write::environment).toList();
        try {
            client.commit(writes.stream().map(w -> EnvironmentWrite.patch(w.environmentId(), w.environment(), w.patch()))
                    .toList(), null, "tlctl: record what tlctl applied");
            return new Written(names, null);
        } catch (RailwayException e) {
            return new Written(List.of(), "could not write tlctl's record of " + String.join(", ", names) + " on Railway: "
                    + e.getMessage());
        }
    }

    /** Caches a key derived in this run, for the next run from this checkout. */
    void remember() {
        if (key != null && keyProject != null && key.derivedHere()) {
            local.rememberRecordKey(endpoint, keyProject, key);
            local.save();
        }
    }
}
