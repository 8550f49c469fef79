package dev.tlctl.reconcile;

import dev.tlctl.secret.Fingerprint;
import java.util.Map;

/**
 * What tlctl remembers between runs, per API endpoint: the id of each project found by name (so
 * that the next read is one request; forgotten when stale), and a salted fingerprint of the value
 * tlctl last wrote to each variable and setting (a sealed variable can be compared only this way,
 * since Railway never returns it; {@code drift} tells from them which side changed). Never a token
 * or a secret value. {@link FileLocalRecords} keeps them in {@code .tlctl/state.json}; tests use a map.
 */
public interface LocalRecords {

    /** The project id remembered for a project name in a workspace (null: the token's only one), or null. */
    String projectId(String endpoint, String workspace, String name);

    /** Remembers a project id; null forgets it. */
    void rememberProject(String endpoint, String workspace, String name, String id);

    /** The fingerprints of the values tlctl last wrote to a project, by variable or setting address. */
    Map<String, Fingerprint> written(String endpoint, String projectId);

    /**
     * Remembers what one apply wrote: the fingerprint of each value written, by address; and
     * forgets what it deleted: each of {@code forgotten} and everything under it (a deleted
     * variable, or {@code staging/engine-api} for a removed instance). One change, whatever the
     * number of addresses (an apply may write tens of thousands).
     */
    void rememberWritten(String endpoint, String projectId, Map<String, Fingerprint> written,
            java.util.Collection<String> forgotten);

    /**
     * The key that fingerprints variable values in saved plans, made on first use. It never
     * leaves the machine's records, so a saved plan's fingerprints cannot be checked against
     * guesses offline.
     */
    byte[] planKey();

    /** Writes what changed; a failure only loses a cache, so it is returned, not thrown. */
    boolean save();
}
