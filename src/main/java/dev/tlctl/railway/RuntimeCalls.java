package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tlctl.live.LiveDeployment;
import dev.tlctl.live.LiveDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The calls that act on what runs rather than on the config, one request each: deploy,
 * redeploy, roll back and remove deployments, read a deployment's last log lines, create and
 * delete domains, create, rename and delete volumes. Creates (a deploy, a domain, a volume) are
 * never re-sent once they may have reached Railway; deletes and reads may be. A write Railway
 * refuses while a deployment of the instance builds ("Cannot redeploy yet") is sent again once the
 * build had time to end ({@link Building}): the refusal wrote nothing. Failures are
 * {@link RailwayException}s that say what was being done.
 */
public final class RuntimeCalls {
    private final RailwayTransport transport;
    private final Waits waits;

    RuntimeCalls(RailwayTransport transport) {
        this.transport = transport;
        this.waits = new Waits(transport.config());
    }

    /** Deploys the instance's current source ({@code what} names it in errors); returns the deployment id. */
    public String deploy(String environmentId, String serviceId, String what) {
        return Building.retrying(waits, what, () -> transport.execute(Documents.request("ServiceInstanceDeployV2",
                "deploy " + what, Map.of("environmentId", environmentId, "serviceId", serviceId), false))
                .path("serviceInstanceDeployV2").asText());
    }

    /** A new deployment with that deployment's code and configuration; returns its id. */
    public String redeploy(String deploymentId, String what) {
        return Building.retrying(waits, what, () -> transport.execute(Documents.request("DeploymentRedeploy",
                "redeploy " + what, Map.of("id", deploymentId), false)).path("deploymentRedeploy").path("id").asText());
    }

    /** Rolls the instance back to that deployment (Railway restores its image and variables). */
    public void rollback(String deploymentId, String what) {
        Building.retrying(waits, what, () -> transport.execute(Documents.request("DeploymentRollback", "roll back "
                + what + " to deployment " + deploymentId, Map.of("id", deploymentId), false)));
    }

    /** Stops a finished deployment. */
    public void remove(String deploymentId, String what) {
        transport.execute(Documents.request("DeploymentRemove", "remove deployment " + deploymentId + " of " + what,
                Map.of("id", deploymentId), true));
    }

    /** The newest {@code limit} deployments of the instance, newest first. */
    public List<LiveDeployment> history(String projectId, String environmentId, String serviceId, int limit,
            String what) {
        JsonNode data = transport.execute(Documents.request("InstanceDeployments", "list the deployments of " + what,
                Map.of("input", Map.of("projectId", projectId, "environmentId", environmentId, "serviceId", serviceId),
                        "first", limit), true));
        List<LiveDeployment> out = new ArrayList<>();
        for (JsonNode edge : data.path("deployments").path("edges")) {
            out.add(RuntimeMapper.deployment(edge.path("node"), environmentId, serviceId));
        }
        return out;
    }

    /** A log line. */
    public record LogLine(String timestamp, String severity, String message) {}

    /** The last {@code limit} lines of the deployment's build log, then of its deploy log. */
    public List<LogLine> lastLogLines(String deploymentId, int limit, String what) {
        JsonNode data = transport.execute(Documents.request("DeploymentLogs", "read the logs of " + what,
                Map.of("deploymentId", deploymentId, "limit", limit), true));
        List<LogLine> lines = new ArrayList<>();
        for (String field : List.of("buildLogs", "deploymentLogs")) {
            for (JsonNode line : data.path(field)) {
                lines.add(new LogLine(LiveMapper.text(line, "timestamp"), LiveMapper.text(line, "severity"),
                        line.path("message").asText()));
            }
        }
        return lines;
    }

    /** A Railway-generated domain for the instance, routed to {@code targetPort} (null: the detected port). */
    public LiveDomain createServiceDomain(String environmentId, String serviceId, Integer targetPort, String what) {
        Map<String, Object> variables = new HashMap<>(Map.of("environmentId", environmentId, "serviceId", serviceId));
        variables.put("targetPort", targetPort);
        return RuntimeMapper.serviceDomain(transport.execute(Documents.request("ServiceDomainCreate",
                "create a domain for " + what, variables, false)).path("serviceDomainCreate"));
    }

    /** The owner's domain for the instance; the answer carries the DNS records to create. */
    public LiveDomain createCustomDomain(String projectId, String environmentId, String serviceId, String domain,
            Integer targetPort, String what) {
        Map<String, Object> input = new HashMap<>(Map.of("projectId", projectId, "environmentId", environmentId,
                "serviceId", serviceId, "domain", domain));
        input.put("targetPort", targetPort);
        return RuntimeMapper.customDomain(transport.execute(Documents.request("CustomDomainCreate", "add domain "
                + domain + " to " + what, Map.of("input", input), false)).path("customDomainCreate"));
    }

    /** Routes a domain of either kind to {@code targetPort} (null: the detected port). */
    public void updateDomainPort(LiveDomain domain, String environmentId, String serviceId, Integer targetPort,
            String what) {
        String action = "route domain " + domain.domain() + " of " + what + " to port "
                + (targetPort == null ? "(detected)" : targetPort);
        if (domain.kind() == LiveDomain.Kind.RAILWAY) {
            Map<String, Object> input = new HashMap<>(Map.of("domain", domain.domain(), "environmentId", environmentId,
                    "serviceDomainId", domain.id(), "serviceId", serviceId));
            input.put("targetPort", targetPort);
            transport.execute(Documents.request("ServiceDomainUpdate", action, Map.of("input", input), true));
        } else {
            Map<String, Object> variables = new HashMap<>(Map.of("environmentId", environmentId, "id", domain.id()));
            variables.put("targetPort", targetPort);
            transport.execute(Documents.request("CustomDomainUpdate", action, variables, true));
        }
    }

    /** Deletes a domain of either kind. */
    public void deleteDomain(LiveDomain domain, String what) {
        String document = domain.kind() == LiveDomain.Kind.RAILWAY ? "ServiceDomainDelete" : "CustomDomainDelete";
        transport.execute(Documents.request(document, "delete domain " + domain.domain() + " of " + what,
                Map.of("id", domain.id()), true));
    }

    /** A volume mounted at {@code mountPath} on the instance; returns its id. */
    public String createVolume(String projectId, String environmentId, String serviceId, String mountPath,
            String what) {
        return Building.retrying(waits, what, () -> transport.execute(Documents.request("VolumeCreate",
                "create a volume at " + mountPath + " for " + what, Map.of("projectId", projectId, "environmentId",
                        environmentId, "serviceId", serviceId, "mountPath", mountPath), false)))
                .path("volumeCreate").path("id").asText();
    }

    /** Renames a volume. */
    public void renameVolume(String volumeId, String name) {
        transport.execute(Documents.request("VolumeUpdate", "rename volume " + volumeId + " to " + name,
                Map.of("volumeId", volumeId, "name", name), true));
    }

    /** Deletes a volume and its data in every environment. */
    public void deleteVolume(String volumeId, String name) {
        transport.execute(Documents.request("VolumeDelete", "delete volume " + name,
                Map.of("volumeId", volumeId), true));
    }
}
