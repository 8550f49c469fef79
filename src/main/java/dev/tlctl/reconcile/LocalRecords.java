package dev.tlctl.reconcile;

import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.RecordKey;
import java.util.Map;

/**
 * What this checkout remembers between runs, per API endpoint: a cache, never the truth. The id
 * of each project found by name (so that the next read is one request; forgotten when stale), and
 * the record key derived for each project (so that the slow derivation runs once per checkout).
 * What tlctl wrote lives in its records on Railway ({@link SharedRecords}), which every checkout
 * reads; the salted fingerprints versions before them kept here are still read where an
 * environment has no record yet. Never a token or a secret value. {@link FileLocalRecords} keeps
 * them in {@code .tlctl/state.json}.
 */
public interface LocalRecords {

    /** The project id remembered for a project name in a workspace (null: the token's only one), or null. */
    String projectId(String endpoint, String workspace, String name);

    /** Remembers a project id; null forgets it. */
    void rememberProject(String endpoint, String workspace, String name, String id);

    /**
     * The fingerprints versions before shared records kept of the values tlctl wrote to a project, by
     * variable or setting address: read (where an environment has no record yet), never written.
     */
    Map<String, Fingerprint> written(String endpoint, String projectId);

    /**
     * The record key of a project for this run: from {@code TLCTL_RECORD_KEY} (or the default),
     * taking the derivation cached here when it belongs to that key, else deriving it when needed.
     */
    RecordKey recordKey(String endpoint, String projectId);

    /** Caches a key derived in this run (only its derivation and a binding, never the key text). */
    void rememberRecordKey(String endpoint, String projectId, RecordKey key);

    /**
     * The key that fingerprints variable values in saved plans, made on first use. It never
     * leaves the machine's records, so a saved plan's fingerprints cannot be checked against
     * guesses offline.
     */
    byte[] planKey();

    /** Writes what changed; a failure only loses a cache, so it is returned, not thrown. */
    boolean save();
}
