package dev.tlctl.apply;

import dev.tlctl.railway.EnvironmentPatch;
import java.util.Map;

/**
 * What the caller keeps in a preview that an apply creates (tlctl's record of it), written in the
 * preview's one commit: the preview holds nothing else yet, so its record needs neither a read-back
 * nor a commit of its own, and it is written exactly when what it records is.
 */
@FunctionalInterface
public interface PreviewRecords {
    PreviewRecords NONE = (patch, projectId, environment, environmentId, serviceIds) -> { };

    /**
     * Adds to {@code patch} (the new preview's commit) what the caller keeps there.
     *
     * @param serviceIds every service's id by name, those this apply created included
     */
    void addTo(EnvironmentPatch patch, String projectId, String environment, String environmentId,
            Map<String, String> serviceIds);
}
