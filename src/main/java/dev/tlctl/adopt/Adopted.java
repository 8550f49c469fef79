package dev.tlctl.adopt;

import java.util.List;
import java.util.Map;

/**
 * A live project as spec documents: the base file, one overlay per environment (in spec order,
 * possibly saying nothing), the secrets written as {@code ${env:...}} references, what Railway
 * holds that the spec cannot express (also written as comments in the documents) and notes (what
 * was left out, and why).
 */
public record Adopted(String projectName, String projectId, SpecDocument base, Map<String, SpecDocument> overlays,
        List<String> services, List<ImportedSecret> secrets, List<Unexpressed.Item> unexpressed, List<String> notes) {
    public Adopted {
        overlays = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overlays));
        services = List.copyOf(services);
        secrets = List.copyOf(secrets);
        unexpressed = List.copyOf(unexpressed);
        notes = List.copyOf(notes);
    }

    /** The environments, in the order the spec declares them (the project's default first). */
    public List<String> environments() {
        return List.copyOf(overlays.keySet());
    }
}
