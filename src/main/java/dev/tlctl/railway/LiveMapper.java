package dev.tlctl.railway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveUsage;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveWorkspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps Railway's wire JSON to {@code live} records. */
final class LiveMapper {
    private LiveMapper() {}

    /**
     * An environment as read. One whose {@code canAccess} is false (environment RBAC) keeps none
     * of what may have come with it: its config is not this token's to trust.
     */
    static LiveEnvironment environment(JsonNode node) {
        boolean accessible = node.path("canAccess").asBoolean(true);
        JsonNode config = accessible ? config(node.get("config")) : null;
        JsonNode source = node.get("sourceEnvironment");
        return new LiveEnvironment(
                node.path("id").asText(),
                node.path("name").asText(),
                source == null || source.isNull() ? null : source.path("id").asText(),
                accessible ? text(node, "configEtag") : null,
                ConfigCodec.readInstances(config),
                ConfigCodec.readSharedVariables(config),
                accessible ? node.path("unmergedChangesCount").asInt(0) : 0,
                node.path("isEphemeral").asBoolean(false),
                accessible,
                instant(text(node, "createdAt")));
    }

    /** An EnvironmentConfig is a JSON scalar: an object on the wire, defensively also a JSON string. */
    static JsonNode config(JsonNode node) {
        if (node != null && node.isTextual()) {
            try {
                // Made here only: a config is an object on the wire, and a mapper costs start-up.
                return new ObjectMapper().readTree(node.asText());
            } catch (JsonProcessingException e) {
                return null;
            }
        }
        return node;
    }

    private static java.time.Instant instant(String text) {
        try {
            return text == null ? null : java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** A project's pull request environment settings; null when the read did not select them. */
    static dev.tlctl.live.LivePullRequestSettings pullRequests(JsonNode project) {
        if (!project.has("prDeploys")) {
            return null;
        }
        return new dev.tlctl.live.LivePullRequestSettings(project.path("prDeploys").asBoolean(false),
                text(project, "baseEnvironmentId"), project.path("focusedPrEnvironments").asBoolean(false),
                project.path("botPrEnvironments").asBoolean(false));
    }

    static List<LiveEnvironment> environments(JsonNode connection) {
        List<LiveEnvironment> out = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            out.add(environment(edge.path("node")));
        }
        return out;
    }

    static List<LiveService> services(JsonNode connection) {
        List<LiveService> out = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            JsonNode n = edge.path("node");
            out.add(new LiveService(n.path("id").asText(), n.path("name").asText()));
        }
        return out;
    }

    static List<LiveVolume> volumes(JsonNode connection) {
        List<LiveVolume> out = new ArrayList<>();
        for (JsonNode edge : connection.path("edges")) {
            JsonNode n = edge.path("node");
            out.add(new LiveVolume(n.path("id").asText(), n.path("name").asText()));
        }
        return out;
    }

    /** A workspace with its customer; {@code workspace.customer} must have been selected. */
    static LiveWorkspace workspace(JsonNode workspace) {
        JsonNode customer = workspace.path("customer");
        JsonNode limit = customer.get("usageLimit");
        LiveUsageLimit usageLimit = limit == null || limit.isNull() ? null
                : new LiveUsageLimit(limit.path("softLimit").asInt(),
                        limit.path("hardLimit").isNumber() ? limit.get("hardLimit").asInt() : null,
                        limit.path("isOverLimit").asBoolean(false));
        return new LiveWorkspace(text(workspace, "id"), text(workspace, "name"), text(customer, "id"), true,
                usageLimit, customer.path("currentUsage").asDouble(0));
    }

    /**
     * The project's usage from a ReadProject answer read with {@code $usage}: {@code usage} and
     * {@code estimatedUsage} at the root, the billing period under the customer. Measurements tlctl
     * does not price are left out.
     */
    static LiveUsage usage(JsonNode data, JsonNode billingPeriod) {
        List<LiveUsage.Figure> figures = new ArrayList<>();
        for (JsonNode node : data.path("usage")) {
            LiveUsage.Measurement measurement = measurement(node.path("measurement").asText());
            if (measurement != null) {
                figures.add(new LiveUsage.Figure(measurement, text(node.path("tags"), "environmentId"),
                        text(node.path("tags"), "serviceId"), node.path("value").asDouble(0)));
            }
        }
        List<LiveUsage.Estimate> estimates = new ArrayList<>();
        for (JsonNode node : data.path("estimatedUsage")) {
            LiveUsage.Measurement measurement = measurement(node.path("measurement").asText());
            if (measurement != null) {
                estimates.add(new LiveUsage.Estimate(measurement, node.path("estimatedValue").asDouble(0)));
            }
        }
        return new LiveUsage(Instant.parse(billingPeriod.path("start").asText()),
                Instant.parse(billingPeriod.path("end").asText()), figures, estimates);
    }

    private static LiveUsage.Measurement measurement(String name) {
        for (LiveUsage.Measurement m : LiveUsage.Measurement.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** A workspace whose billing this token may not read. */
    static LiveWorkspace workspaceWithoutBilling(String id, String name) {
        return new LiveWorkspace(id, name, null, false, null, 0);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
