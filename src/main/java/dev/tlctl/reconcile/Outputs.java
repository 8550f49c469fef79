package dev.tlctl.reconcile;

import dev.tlctl.live.LiveDomain;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveService;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run leaves for CI to use: the URL of each service's domains, per environment (Railway's
 * generated domain first, then custom ones), such as a preview's link to comment on a pull request.
 *
 * And the DNS records each custom domain needs (those in place marked so), for its owner to create.
 *
 * @param urls by environment, then service (in the project's order), non-empty lists only
 * @param dnsRecords the records the custom domains need, in the order of {@code urls}
 */
public record Outputs(Map<String, Map<String, List<String>>> urls, List<DnsRecord> dnsRecords) {
    /** No URL known. */
    public static final Outputs NONE = new Outputs(Map.of());

    /**
     * A DNS record the owner of a custom domain must create for Railway to route it.
     *
     * @param propagated whether Railway sees it in place already
     */
    public record DnsRecord(String environment, String service, String domain, String type, String name, String value,
            boolean propagated) {}

    /** URLs only. */
    public Outputs(Map<String, Map<String, List<String>>> urls) {
        this(urls, List.of());
    }

    public Outputs {
        dnsRecords = List.copyOf(dnsRecords);
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        urls.forEach((env, services) -> copy.put(env, Collections.unmodifiableMap(new LinkedHashMap<>(services))));
        urls = Collections.unmodifiableMap(copy);
    }

    /** The URLs of the project's services in {@code environments} (in that order), as read. */
    public static Outputs of(LiveProject project, List<String> environments) {
        if (project == null) {
            return NONE;
        }
        Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
        List<DnsRecord> records = new java.util.ArrayList<>();
        for (String name : environments) {
            LiveEnvironment environment = project.environment(name).orElse(null);
            if (environment == null) {
                continue;
            }
            Map<String, List<String>> services = new LinkedHashMap<>();
            for (LiveService service : project.services()) {
                List<String> urls = urls(project, environment.id(), service.id());
                if (!urls.isEmpty()) {
                    services.put(service.name(), urls);
                }
                project.runtime().instance(environment.id(), service.id()).ifPresent(i -> i.domains().stream()
                        .filter(d -> d.kind() == LiveDomain.Kind.CUSTOM)
                        .forEach(d -> d.dnsRecords().forEach(r -> records.add(new DnsRecord(name, service.name(),
                                d.domain(), r.type(), r.name(), r.value(), r.propagated())))));
            }
            if (!services.isEmpty()) {
                out.put(name, services);
            }
        }
        return new Outputs(out, records);
    }

    /** The instance's domains as URLs: Railway's generated one first. */
    static List<String> urls(LiveProject project, String environmentId, String serviceId) {
        List<LiveDomain> domains = project.runtime().instance(environmentId, serviceId)
                .map(LiveRuntime.Instance::domains).orElse(List.of());
        return domains.stream().sorted(java.util.Comparator.comparing(d -> d.kind() != LiveDomain.Kind.RAILWAY))
                .map(LiveDomain::url).toList();
    }

    public boolean isEmpty() {
        return urls.isEmpty();
    }
}
