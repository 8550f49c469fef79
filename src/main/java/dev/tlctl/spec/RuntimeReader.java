package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import dev.tlctl.spec.YNode.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a service's {@code domains} and {@code volumes} (base or overlay, merged like its other
 * keys) and checks them as Railway would: ports 1-65535, custom domains that are host names and
 * not Railway's own, each custom domain on one service in one environment only (Railway refuses a
 * domain another instance holds), one volume per service (docs volumes: "Each service can only
 * have a single volume"), absolute mount paths.
 */
final class RuntimeReader {
    static final List<String> DOMAIN_KEYS = SpecKeys.DOMAINS.names();
    static final List<String> RAILWAY_DOMAIN_KEYS = SpecKeys.RAILWAY_DOMAIN.names();
    static final List<String> CUSTOM_DOMAIN_KEYS = SpecKeys.CUSTOM_DOMAIN.names();
    static final List<String> VOLUME_KEYS = SpecKeys.VOLUME.names();
    private static final Pattern HOST = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(MB|GB)", Pattern.CASE_INSENSITIVE);

    private final NodeReader r;
    private final Problems problems;
    /** Custom domains of running instances read so far: name to the first one's environment and service. */
    private final Map<String, String> claimed = new LinkedHashMap<>();

    RuntimeReader(NodeReader r) {
        this.r = r;
        this.problems = r.problems();
    }

    DomainsSpec domains(Entry entry) {
        if (entry == null) {
            return DomainsSpec.UNDECLARED;
        }
        YMap map = r.map(entry.value(), "a mapping with railway and custom", true);
        if (map == null) {
            return DomainsSpec.UNDECLARED;
        }
        r.checkKeys(map, DOMAIN_KEYS);
        DomainsSpec.RailwayDomain railway = null;
        Entry railwayEntry = map.entries().get("railway");
        if (railwayEntry != null && !(railwayEntry.value() instanceof YScalar s && s.isNull())) {
            YMap body = r.map(railwayEntry.value(), "a mapping such as {port: 8080}", false);
            if (body != null) {
                r.checkKeys(body, RAILWAY_DOMAIN_KEYS);
                railway = new DomainsSpec.RailwayDomain(port(body.entries().get("port")), railwayEntry.keyLocation());
            }
        }
        List<DomainsSpec.CustomDomain> custom = new ArrayList<>();
        Entry customEntry = map.entries().get("custom");
        if (customEntry != null && !(customEntry.value() instanceof YScalar s && s.isNull())) {
            for (YNode item : list(customEntry.value(), "a list such as [{name: api.example.com, port: 8080}]")) {
                DomainsSpec.CustomDomain domain = customDomain(item);
                if (domain != null) {
                    custom.add(domain);
                }
            }
        }
        return new DomainsSpec(railway, custom, entry.keyLocation());
    }

    private DomainsSpec.CustomDomain customDomain(YNode item) {
        YMap body = r.map(item, "a mapping such as {name: api.example.com, port: 8080}", false);
        if (body == null) {
            return null;
        }
        r.checkKeys(body, CUSTOM_DOMAIN_KEYS);
        Entry nameEntry = body.entries().get("name");
        if (nameEntry == null) {
            problems.error(body.location(), "a custom domain needs a name", "Write name: api.example.com.");
            return null;
        }
        String name = r.string(nameEntry.value());
        if (name == null) {
            return null;
        }
        String host = name.trim().toLowerCase(Locale.ROOT);
        Location at = nameEntry.value().location();
        if (!HOST.matcher(host).matches()) {
            problems.error(at, "\"" + name + "\" is not a domain name", "Write a host name such as api.example.com,"
                    + " without a scheme, path or port.");
            return null;
        }
        if (host.endsWith(".up.railway.app") || host.endsWith(".railway.app")) {
            problems.error(at, "\"" + host + "\" is a Railway domain", "Railway generates those: write"
                    + " domains.railway: {port: ...} instead of listing it under custom.");
            return null;
        }
        return new DomainsSpec.CustomDomain(host, port(body.entries().get("port")), nameEntry.keyLocation());
    }

    /**
     * Takes the custom domains of a service that runs in an environment: a domain another running
     * instance of the spec already has is an error (Railway refuses it), reported once per
     * location.
     */
    void claim(DomainsSpec domains, String environment, String service) {
        for (DomainsSpec.CustomDomain domain : domains.custom()) {
            String here = service + " in " + environment;
            String first = claimed.putIfAbsent(domain.name(), here);
            if (first != null && !first.equals(here)) {
                problems.error(domain.location(), "custom domain " + domain.name() + " is declared for " + first
                        + " and for " + here, "A domain routes to one service in one environment: Railway refuses"
                        + " it on a second. Declare it in one environment's overlay, or turn the service off"
                        + " (enabled: false) where it must not run.");
            }
        }
    }

    List<VolumeSpec> volumes(Entry entry) {
        if (entry == null || entry.value() instanceof YScalar s && s.isNull()) {
            return List.of();
        }
        List<VolumeSpec> volumes = new ArrayList<>();
        for (YNode item : list(entry.value(), "a list such as [{mountPath: /data}]")) {
            YMap body = r.map(item, "a mapping such as {mountPath: /data}", false);
            if (body == null) {
                continue;
            }
            r.checkKeys(body, VOLUME_KEYS);
            Entry path = body.entries().get("mountPath");
            if (path == null) {
                problems.error(body.location(), "a volume needs a mountPath", "Write mountPath: /data.");
                continue;
            }
            String mountPath = r.string(path.value());
            if (mountPath == null) {
                continue;
            }
            if (!mountPath.startsWith("/")) {
                problems.error(path.value().location(), "mountPath must be an absolute path",
                        "Write a path that starts with /, such as /data.");
                continue;
            }
            volumes.add(new VolumeSpec(mountPath, size(body.entries().get("size")), body.location()));
        }
        if (volumes.size() > 1) {
            problems.error(volumes.get(1).location(), "a service can mount only one volume",
                    "Railway gives each service a single volume. Keep one entry under volumes.");
            return volumes.subList(0, 1);
        }
        return volumes;
    }

    private List<YNode> list(YNode node, String expected) {
        if (node instanceof YSeq seq) {
            return seq.items();
        }
        problems.error(node.location(), "expected " + expected + ", found " + YNode.describe(node), null);
        return List.of();
    }

    private Integer port(Entry entry) {
        if (entry == null || entry.value() instanceof YScalar s && s.isNull()) {
            return null;
        }
        Long port = r.integer(entry.value());
        if (port != null && (port < 1 || port > 65535)) {
            problems.error(entry.value().location(), "port " + port + " is out of range", "A port is 1 to 65535.");
            return null;
        }
        return port == null ? null : port.intValue();
    }

    /** A size: whole megabytes, or a text such as 500MB or 10GB (1 GB = 1000 MB, as Railway counts). */
    private Integer size(Entry entry) {
        if (entry == null || entry.value() instanceof YScalar s && s.isNull()) {
            return null;
        }
        if (entry.value() instanceof YScalar s && s.kind() == YNode.Kind.INT) {
            Long mb = r.integer(entry.value());
            return mb == null ? null : positive(mb, entry);
        }
        String text = r.string(entry.value());
        Matcher m = text == null ? null : SIZE.matcher(text.trim());
        if (m == null || !m.matches()) {
            if (text != null) {
                problems.error(entry.value().location(), "size must be megabytes or a size such as 10GB",
                        "Write a whole number of megabytes, or a number followed by MB or GB.");
            }
            return null;
        }
        long mb = Long.parseLong(m.group(1)) * (m.group(2).equalsIgnoreCase("GB") ? 1000 : 1);
        return positive(mb, entry);
    }

    private Integer positive(long mb, Entry entry) {
        if (mb < 1 || mb > Integer.MAX_VALUE) {
            problems.error(entry.value().location(), "size " + mb + " MB is out of range", "A volume is at least 1 MB.");
            return null;
        }
        return (int) mb;
    }
}
