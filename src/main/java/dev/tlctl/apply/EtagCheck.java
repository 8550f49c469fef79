package dev.tlctl.apply;

import dev.tlctl.plan.EnvironmentTarget;
import dev.tlctl.railway.PatchRecord;
import dev.tlctl.railway.ProjectWrites;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The check before an apply's first write to environments it writes by unguarded patches: their
 * {@code configEtag}s read again in one request must still be those the plan read, and the same
 * request lists their newest patches, the baseline of the apply's {@link Lineage}.
 */
final class EtagCheck {
    private EtagCheck() {}

    /**
     * The newest patches of each of {@code existing}, by environment name (none when Railway lists
     * none); throws {@link ConcurrentChangeException}, having written nothing, when an etag changed.
     */
    static Map<String, List<PatchRecord>> baseline(ProjectWrites client, List<EnvironmentTarget> existing) {
        Map<String, List<PatchRecord>> baseline = new LinkedHashMap<>();
        if (existing.isEmpty()) {
            return baseline;
        }
        Map<String, ProjectWrites.EnvironmentHead> now = client.readHeads(existing.stream()
                .map(EnvironmentTarget::id).toList());
        List<String> changed = existing.stream()
                .filter(t -> now.get(t.id()) == null || !Objects.equals(now.get(t.id()).configEtag(), t.configEtag()))
                .map(EnvironmentTarget::name)
                .toList();
        if (!changed.isEmpty()) {
            throw new ConcurrentChangeException(changed);
        }
        existing.forEach(t -> {
            if (now.get(t.id()).patches() != null) {
                baseline.put(t.name(), now.get(t.id()).patches());
            }
        });
        return baseline;
    }
}
