package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.ConfigMapping.bool;
import static dev.tlctl.sandbox.ConfigMapping.integer;
import static dev.tlctl.sandbox.ConfigMapping.region;
import static dev.tlctl.sandbox.ConfigMapping.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Views derived from an environment's config that Railway keeps as records of their own: an
 * instance's domains (from networking), its GitHub deployment trigger (from a repo source) and
 * the environment's volume instances (from volumes and volumeMounts). Ids are derived from what
 * each one is, so they need no bookkeeping.
 */
final class ConfigViews {
    private ConfigViews() {}

    /** The instance's domains: service domains first, then custom ones, in config order (a null entry is a removal). */
    static List<String> domainNames(ObjectNode instance) {
        List<String> names = new ArrayList<>();
        for (String kind : List.of("serviceDomains", "customDomains")) {
            ObjectNode domains = Json.at(instance, "networking", kind);
            if (domains != null) {
                domains.properties().forEach(e -> {
                    if (!e.getValue().isNull()) {
                        names.add(e.getKey());
                    }
                });
            }
        }
        return names;
    }

    /** AllDomains from networking.serviceDomains and networking.customDomains ({@code <domain>: {port}}). */
    static Map<String, Object> domains(State.EnvironmentRec environment, String serviceId, ObjectNode instance) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String kind : List.of("serviceDomains", "customDomains")) {
            List<Map<String, Object>> views = new ArrayList<>();
            ObjectNode domains = Json.at(instance, "networking", kind);
            if (domains != null) {
                domains.properties().forEach(e -> {
                    if (e.getValue().isNull()) {
                        return;
                    }
                    String domain = e.getKey();
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", Ids.derived(environment.id, serviceId, kind, domain));
                    view.put("domain", domain);
                    view.put("environmentId", environment.id);
                    view.put("projectId", environment.projectId);
                    view.put("serviceId", serviceId);
                    view.put("targetPort", integer(e.getValue(), "port"));
                    view.put("syncStatus", "ACTIVE");
                    view.put("cdnMode", null);
                    view.put("createdAt", null);
                    view.put("updatedAt", null);
                    view.put("deletedAt", null);
                    view.put("edgeId", null);
                    if (kind.equals("serviceDomains")) {
                        int dot = domain.indexOf('.');
                        view.put("suffix", dot < 0 ? null : domain.substring(dot + 1));
                        view.put("newDomainName", null);
                        view.put("newHostLabel", null);
                    } else {
                        view.put("isRailwayDomain", false);
                        customDomainStatus(domain, Ids.derived(environment.id, serviceId, "cname", domain), view);
                    }
                    views.add(view);
                });
            }
            all.put(kind, views);
        }
        return all;
    }

    /**
     * A custom domain's DNS and certificate, as Railway reports them for a domain whose CNAME points
     * to Railway and whose certificate is issued: the sandbox checks no DNS and issues nothing, so
     * every custom domain is taken as set up (one CNAME record, propagated; one valid certificate).
     */
    private static void customDomainStatus(String domain, String id, Map<String, Object> view) {
        String target = id.substring(0, 8) + ".up.railway.app";
        int dot = domain.indexOf('.');
        boolean apex = dot < 0 || domain.indexOf('.', dot + 1) < 0;
        Map<String, Object> cname = new LinkedHashMap<>();
        cname.put("link", null);
        cname.put("message", "CNAME record of " + domain + " points to " + target);
        cname.put("status", "VALID");
        view.put("cnameCheck", cname);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("fqdn", domain);
        record.put("hostlabel", apex ? "@" : domain.substring(0, dot));
        record.put("zone", apex ? domain : domain.substring(dot + 1));
        record.put("purpose", "DNS_RECORD_PURPOSE_TRAFFIC_ROUTE");
        record.put("recordType", "DNS_RECORD_TYPE_CNAME");
        record.put("requiredValue", target);
        record.put("currentValue", target);
        record.put("status", "DNS_RECORD_STATUS_PROPAGATED");
        Map<String, Object> certificate = new LinkedHashMap<>();
        certificate.put("domainNames", List.of(domain));
        certificate.put("fingerprintSha256", (id + Ids.derived(id, "certificate")).replace("-", ""));
        certificate.put("issuedAt", null);
        certificate.put("expiresAt", null);
        certificate.put("keyType", "KEY_TYPE_ECDSA");
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("cdnProvider", null);
        status.put("certificateErrorMessage", null);
        status.put("certificateErrorType", null);
        status.put("certificateRetryable", null);
        status.put("certificateStatus", "CERTIFICATE_STATUS_TYPE_VALID");
        status.put("certificateStatusDetailed", "CERTIFICATE_STATUS_TYPE_DETAILED_COMPLETE");
        status.put("certificates", List.of(certificate));
        status.put("dnsRecords", List.of(record));
        status.put("verificationDnsHost", null);
        status.put("verificationToken", null);
        status.put("verified", true);
        view.put("status", status);
    }

    /** The GitHub trigger of an instance whose source is a repo (branch default main), or none. */
    static List<Map<String, Object>> deploymentTriggers(State.EnvironmentRec environment, String serviceId,
                                                        ObjectNode instance) {
        ObjectNode source = Json.at(instance, "source");
        String repo = text(source, "repo");
        if (repo == null) {
            return List.of();
        }
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("id", Ids.derived(environment.id, serviceId, "trigger"));
        trigger.put("provider", "github");
        trigger.put("repository", repo);
        String branch = text(source, "branch");
        trigger.put("branch", branch == null ? "main" : branch);
        Boolean checkSuites = bool(source, "checkSuites");
        trigger.put("checkSuites", checkSuites != null && checkSuites);
        trigger.put("validCheckSuites", 0);
        trigger.put("environmentId", environment.id);
        trigger.put("projectId", environment.projectId);
        trigger.put("serviceId", serviceId);
        trigger.put("baseEnvironmentOverrideId", null);
        return List.of(trigger);
    }

    /** Railway's default volume size when the config gives none, in MB (Hobby's 5 GB). */
    static final int DEFAULT_VOLUME_SIZE_MB = 5000;

    /**
     * The volume instances of an environment: each volume of the project that the config lists
     * under volumes (not isDeleted) or that an instance mounts (volumeMounts), with the mounting
     * service and its mount path ("" for a volume mounted nowhere), size (sizeMB, else 5000),
     * region (the volume's, else the service's single region), READY and empty.
     */
    static List<Map<String, Object>> volumeInstances(Store store, State.EnvironmentRec environment) {
        List<Map<String, Object>> instances = new ArrayList<>();
        for (State.VolumeRec volume : store.state().volumes) {
            if (!volume.projectId.equals(environment.projectId)) {
                continue;
            }
            ObjectNode volumeConfig = Json.at(environment.config, "volumes", volume.id);
            String mountingService = null;
            String mountPath = text(volumeConfig, "mountPath");
            for (String serviceId : store.instanceServiceIds(environment)) {
                JsonNode mount = Json.at(environment.config, "services", serviceId, "volumeMounts", volume.id);
                if (mount != null) {
                    mountingService = serviceId;
                    mountPath = text(mount, "mountPath") != null ? text(mount, "mountPath") : mountPath;
                }
            }
            if ((volumeConfig == null || volumeConfig.path("isDeleted").asBoolean(false)) && mountingService == null) {
                continue;
            }
            String region = text(volumeConfig, "region");
            if (region == null && mountingService != null) {
                region = region(Json.at(environment.config, "services", mountingService, "deploy"));
            }
            Integer size = integer(volumeConfig, "sizeMB");
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", Ids.derived(environment.id, volume.id, "volumeInstance"));
            view.put("volumeId", volume.id);
            view.put("environmentId", environment.id);
            view.put("serviceId", mountingService);
            view.put("mountPath", mountPath == null ? "" : mountPath);
            view.put("sizeMB", size == null ? DEFAULT_VOLUME_SIZE_MB : size);
            view.put("currentSizeMB", 0.0);
            view.put("region", region);
            view.put("state", "READY");
            view.put("isPendingDeletion", false);
            view.put("deletedAt", null);
            view.put("externalId", null);
            view.put("createdAt", environment.createdAt);
            instances.add(view);
        }
        return instances;
    }
}
