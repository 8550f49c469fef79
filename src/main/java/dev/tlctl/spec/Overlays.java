package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deep-merges an environment's overlay over the base: mappings merge key by key, anything else in
 * the overlay replaces the base value, and an explicit null in the overlay removes the key (so
 * {@code DEBUG: null} in {@code environments/production.yaml} removes a base variable there).
 * Every node keeps the location of the file it came from.
 */
final class Overlays {
    private Overlays() {}

    static YNode merge(YNode base, YNode overlay) {
        if (base instanceof YMap baseMap && overlay instanceof YMap overlayMap) {
            LinkedHashMap<String, Entry> merged = new LinkedHashMap<>(baseMap.entries());
            for (Entry entry : overlayMap.entries().values()) {
                if (entry.value() instanceof YScalar s && s.isNull()) {
                    merged.remove(entry.key());
                    continue;
                }
                Entry existing = merged.get(entry.key());
                merged.put(entry.key(), existing == null ? entry
                        : new Entry(entry.key(), entry.keyLocation(), merge(existing.value(), entry.value())));
            }
            return new YMap(baseMap.location(), FrozenMap.owning(merged));
        }
        return overlay;
    }
}
