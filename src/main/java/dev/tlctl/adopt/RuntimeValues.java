package dev.tlctl.adopt;

import dev.tlctl.adopt.SpecDocument.Mapping;
import dev.tlctl.live.LiveDomain;
import dev.tlctl.live.LiveVolumeInstance;
import dev.tlctl.plan.VolumePlanner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A service's domains and volume in one environment as the spec writes them, one value per key so
 * that {@link Layers} splits them into the base and overlays like settings: {@code domains.railway}
 * (the generated domain and its port), {@code domains.custom} (the custom domains, by name) and
 * {@code volumes} (the mount path, and the size when it is not Railway's default). What the spec
 * cannot say (a second generated domain, a second volume) is handed back as unexpressed.
 */
final class RuntimeValues {
    static final String RAILWAY = "domains.railway";
    static final String CUSTOM = "domains.custom";
    static final String VOLUMES = "volumes";

    /** The generated domain, routed to {@code port} (null: the port Railway detects). */
    record RailwayDomain(Integer port) {}

    /** A custom domain {@code name} routed to {@code port} (null: the port Railway detects). */
    record CustomDomain(String name, Integer port) {}

    /** The volume mounted at {@code mountPath}; {@code sizeMB} null when it is Railway's default. */
    record Volume(String mountPath, Integer sizeMB) {}

    private RuntimeValues() {}

    /** Whether a path of an instance's config is one of the things these values say (domains, volume mounts). */
    static boolean expresses(String configPath) {
        return configPath.startsWith("networking.serviceDomains.") || configPath.startsWith("networking.customDomains.")
                || configPath.startsWith("volumeMounts.");
    }

    /**
     * The values of one instance from its live domains and the volume instances mounted on it;
     * {@code unexpressed} receives what the spec cannot say, in words.
     */
    static SortedMap<String, Object> of(List<LiveDomain> domains, List<LiveVolumeInstance> volumes,
            List<String> unexpressed) {
        SortedMap<String, Object> out = new TreeMap<>();
        List<CustomDomain> custom = new ArrayList<>();
        for (LiveDomain domain : domains) {
            if (domain.kind() == LiveDomain.Kind.CUSTOM) {
                custom.add(new CustomDomain(domain.domain(), domain.targetPort()));
            } else if (!out.containsKey(RAILWAY)) {
                out.put(RAILWAY, new RailwayDomain(domain.targetPort()));
            } else {
                unexpressed.add("Railway domain " + domain.domain() + " (the spec declares one generated domain"
                        + " per service)");
            }
        }
        if (!custom.isEmpty()) {
            custom.sort(Comparator.comparing(CustomDomain::name));
            out.put(CUSTOM, List.copyOf(custom));
        }
        for (LiveVolumeInstance volume : volumes.stream().sorted(Comparator.comparing(LiveVolumeInstance::mountPath,
                Comparator.nullsLast(Comparator.naturalOrder()))).toList()) {
            if (out.containsKey(VOLUMES) || volume.mountPath() == null) {
                unexpressed.add("volume " + volume.volumeName() + " mounted at " + volume.mountPath()
                        + " (the spec declares one volume per service)");
                continue;
            }
            out.put(VOLUMES, new Volume(volume.mountPath(),
                    volume.sizeMB() <= 0 || volume.sizeMB() == VolumePlanner.RAILWAY_DEFAULT_SIZE_MB
                            ? null : volume.sizeMB()));
        }
        return out;
    }

    /**
     * Writes the values that {@code values} holds (a null value: removed, as an overlay says it)
     * under {@code service}; {@code declareDomains} writes {@code domains} even when it holds
     * nothing, so that the spec manages the service's domains (none) there.
     */
    static void write(Mapping service, Map<String, Object> values, boolean declareDomains) {
        if (declareDomains || values.containsKey(RAILWAY) || values.containsKey(CUSTOM)) {
            Mapping domains = service.mapping("domains");
            if (values.containsKey(RAILWAY)) {
                domains.put("railway", values.get(RAILWAY) == null ? null
                        : port(new Mapping(), ((RailwayDomain) values.get(RAILWAY)).port()));
            }
            if (values.containsKey(CUSTOM)) {
                domains.put("custom", values.get(CUSTOM) == null ? null : customs(values.get(CUSTOM)));
            }
        }
        if (values.containsKey(VOLUMES)) {
            Volume volume = (Volume) values.get(VOLUMES);
            if (volume == null) {
                service.put("volumes", null);
            } else {
                Mapping node = new Mapping().put("mountPath", volume.mountPath());
                if (volume.sizeMB() != null) {
                    node.put("size", (long) volume.sizeMB());
                }
                service.put("volumes", List.of(node));
            }
        }
    }

    private static List<Mapping> customs(Object list) {
        List<Mapping> out = new ArrayList<>();
        for (Object item : (List<?>) list) {
            CustomDomain domain = (CustomDomain) item;
            out.add(port(new Mapping().put("name", domain.name()), domain.port()));
        }
        return out;
    }

    private static Mapping port(Mapping node, Integer port) {
        return port == null ? node : node.put("port", (long) port);
    }
}
