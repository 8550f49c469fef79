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
        Instant plain = plainUtc(text);
        if (plain != null) {
            return plain;
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

    /**
     * Railway's usual form, {@code 2026-12-07T21:02:40.123Z} (fraction optional, up to nine
     * digits), read without {@link java.time.format.DateTimeFormatter}, which at a large project's
     * thousand timestamps costs more than the rest of the read of the deployments; null for any
     * other form (a leap second, an offset, a bad date), which {@link Instant#parse} then reads or
     * refuses as before.
     */
    static Instant plainUtc(String text) {
        int n = text.length();
        if (n < 20 || n == 21 || n > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(n - 1) != 'Z'
                || n > 20 && text.charAt(19) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = n > 20 ? digits(text, 20, n - 1) : 0;
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59
                || fraction < 0) {
            return null;
        }
        for (int i = n - 1; i < 29; i++) {
            fraction *= 10; // to nanoseconds
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, fraction);
    }

    /** The decimal number of {@code text[from, to)}; -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
