package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a preview does not inherit from the environment it comes from: the secrets among its
 * variables (a value with a {@code ${env:...}} or {@code ${file:...}} reference, or one marked
 * {@code secret} or {@code sealed}). Works on the YAML nodes before the template's overlay is
 * merged, so the overlay declares the preview's own.
 */
final class SecretNodes {
    private SecretNodes() {}

    /** Each service's node without the secrets among its {@code variables}. */
    static Map<String, YNode> withoutSecretsOfServices(Map<String, YNode> services) {
        Map<String, YNode> out = new LinkedHashMap<>();
        services.forEach((name, node) -> {
            if (node instanceof YMap service && service.entries().get("variables") != null) {
                Map<String, Entry> entries = new LinkedHashMap<>(service.entries());
                Entry variables = entries.get("variables");
                entries.put("variables", new Entry(variables.key(), variables.keyLocation(),
                        withoutSecrets(variables.value())));
                out.put(name, new YMap(service.location(), entries));
            } else {
                out.put(name, node);
            }
        });
        return out;
    }

    /** A mapping of variables without the secrets; anything else as it is. */
    static YNode withoutSecrets(YNode variables) {
        if (!(variables instanceof YMap map)) {
            return variables;
        }
        Map<String, Entry> kept = new LinkedHashMap<>();
        map.entries().forEach((name, entry) -> {
            if (!secret(entry.value())) {
                kept.put(name, entry);
            }
        });
        return new YMap(map.location(), kept);
    }

    private static boolean secret(YNode value) {
        if (value instanceof YScalar s) {
            return References.containsReference(s.text());
        }
        if (value instanceof YMap long_) {
            Map<String, Entry> e = long_.entries();
            return e.get("value") != null && secret(e.get("value").value()) || marked(e.get("secret"))
                    || marked(e.get("sealed"));
        }
        return false;
    }

    private static boolean marked(Entry entry) {
        return entry != null && entry.value() instanceof YScalar s && "true".equalsIgnoreCase(s.text().strip());
    }
}
