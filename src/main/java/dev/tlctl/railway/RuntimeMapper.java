package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.live.LiveDeployment;
import dev.tlctl.live.LiveDomain;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveVolumeInstance;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps what runs in a project (ReadProject's {@code Runtime} fragment, and the polls of
 * DeploymentStatuses) to {@link LiveRuntime}: deployments, domains and volume instances.
 */
final class RuntimeMapper {
    private RuntimeMapper() {}

    /** The runtime of every environment of a connection whose nodes carry the Runtime fragment. */
    static LiveRuntime runtime(JsonNode environments) {
        Map<String, Map<String, LiveRuntime.Instance>> instances = new LinkedHashMap<>();
        List<LiveVolumeInstance> volumes = new ArrayList<>();
        for (JsonNode edge : environments.path("edges")) {
            JsonNode environment = edge.path("node");
            String environmentId = environment.path("id").asText();
            if (!environment.has("serviceInstances")) {
                continue;
            }
            instances.put(environmentId, instances(environmentId, environment.path("serviceInstances")));
            for (JsonNode volumeEdge : environment.path("volumeInstances").path("edges")) {
                JsonNode v = volumeEdge.path("node");
                volumes.add(new LiveVolumeInstance(v.path("volumeId").asText(), LiveMapper.text(v.path("volume"), "name"),
                        environmentId, LiveMapper.text(v, "serviceId"), LiveMapper.text(v, "mountPath"),
                        v.path("sizeMB").asInt(0)));
            }
        }
        return new LiveRuntime(instances, volumes);
    }

    /** The instances of one environment's {@code serviceInstances} connection, by service id. */
    static Map<String, LiveRuntime.Instance> instances(String environmentId, JsonNode connection) {
        Map<String, LiveRuntime.Instance> out = new LinkedHashMap<>();
        for (JsonNode edge : connection.path("edges")) {
            JsonNode node = edge.path("node");
            String serviceId = node.path("serviceId").asText();
            JsonNode active = node.path("activeDeployments").path(0);
            out.put(serviceId, new LiveRuntime.Instance(environmentId, serviceId,
                    deployment(node.get("latestDeployment"), environmentId, serviceId),
                    deployment(active.isMissingNode() ? null : active, environmentId, serviceId),
                    domains(node.path("domains"))));
        }
        return out;
    }

    /** A deployment (id, status, times, meta's image/commit/branch, canRollback when selected); null for null. */
    static LiveDeployment deployment(JsonNode node, String environmentId, String serviceId) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        JsonNode meta = LiveMapper.config(node.get("meta"));
        return new LiveDeployment(node.path("id").asText(), environmentId, serviceId,
                LiveDeployment.Status.of(LiveMapper.text(node, "status")), instant(LiveMapper.text(node, "createdAt")),
                instant(LiveMapper.text(node, "statusUpdatedAt")), LiveMapper.text(meta, "image"),
                LiveMapper.text(meta, "commitHash"), LiveMapper.text(meta, "branch"),
                node.path("canRollback").isBoolean() ? node.get("canRollback").asBoolean() : null);
    }

    private static List<LiveDomain> domains(JsonNode all) {
        List<LiveDomain> out = new ArrayList<>();
        all.path("serviceDomains").forEach(d -> out.add(serviceDomain(d)));
        all.path("customDomains").forEach(d -> out.add(customDomain(d)));
        return out;
    }

    static LiveDomain serviceDomain(JsonNode d) {
        return new LiveDomain(d.path("id").asText(), LiveDomain.Kind.RAILWAY, d.path("domain").asText(), port(d), true,
                List.of());
    }

    /** A custom domain with its DNS records ({@code DNS_RECORD_TYPE_CNAME} read as CNAME). */
    static LiveDomain customDomain(JsonNode d) {
        List<LiveDomain.DnsRecord> records = new ArrayList<>();
        for (JsonNode r : d.path("status").path("dnsRecords")) {
            records.add(new LiveDomain.DnsRecord(r.path("recordType").asText().replace("DNS_RECORD_TYPE_", ""),
                    r.path("fqdn").asText(), r.path("requiredValue").asText(),
                    "DNS_RECORD_STATUS_PROPAGATED".equals(r.path("status").asText())));
        }
        return new LiveDomain(d.path("id").asText(), LiveDomain.Kind.CUSTOM, d.path("domain").asText(), port(d),
                d.path("status").path("verified").asBoolean(false), records);
    }

    private static Integer port(JsonNode domain) {
        return domain.path("targetPort").isInt() ? domain.get("targetPort").asInt() : null;
    }

    /** An ISO instant, with or without an offset; null for null or unreadable text. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
