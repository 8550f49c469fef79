package dev.tlctl.reconcile;

import dev.tlctl.secret.Fingerprint;
import java.util.Map;

/**
 * What tlctl remembers between runs, per API endpoint: the id of each project found by name (so
 * that the next read is one request; forgotten when stale), and the fingerprint of the value last
 * written to each sealed variable (Railway never returns sealed values). Never a token or a secret
 * value. {@link FileLocalRecords} keeps them in {@code .tlctl/state.json}; tests use a map.
 */
public interface LocalRecords {

    /** The project id remembered for a project name in a workspace (null: the token's only one), or null. */
    String projectId(String endpoint, String workspace, String name);

    /** Remembers a project id; null forgets it. */
    void rememberProject(String endpoint, String workspace, String name, String id);

    /** The fingerprints of sealed values tlctl wrote to a project, by variable address. */
    Map<String, Fingerprint> sealed(String endpoint, String projectId);

    void rememberSealed(String endpoint, String projectId, String address, Fingerprint fingerprint);

    /**
     * The key that fingerprints variable values in saved plans, made on first use. It never
     * leaves the machine's records, so a saved plan's fingerprints cannot be checked against
     * guesses offline.
     */
    byte[] planKey();

    /** Writes what changed; a failure only loses a cache, so it is returned, not thrown. */
    boolean save();
}
