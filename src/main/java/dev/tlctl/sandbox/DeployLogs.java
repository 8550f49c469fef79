package dev.tlctl.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few log lines per deployment, as Railway's {@code buildLogs} and {@code deploymentLogs}
 * answer them (schema type {@code Log}: message, timestamp, severity, attributes, tags; the
 * official CLI's BuildLogs.graphql and DeploymentLogs.graphql), written from the phases the
 * deployment has reached: what was built, and why it failed when it did.
 */
final class DeployLogs {
    private DeployLogs() {}

    /** The build's lines up to now: from INITIALIZING to the end of BUILDING. */
    static List<Map<String, Object>> build(State.DeploymentRec d, Instant now) {
        List<Map<String, Object>> lines = new ArrayList<>();
        add(lines, d, d.createdAt, now, "info", "Initializing build for " + what(d));
        if (d.buildAt == null) {
            return lines;
        }
        add(lines, d, d.buildAt, now, "info", "Building " + what(d));
        if (Lifecycle.Failure.BUILD.name().equals(d.failure)) {
            add(lines, d, d.deployAt, now, "error", "Build failed: the build command exited with code 1");
        } else {
            add(lines, d, d.deployAt, now, "info", "Build completed");
        }
        return lines;
    }

    /** The deploy's lines up to now: from DEPLOYING to the end. */
    static List<Map<String, Object>> deploy(State.DeploymentRec d, Instant now) {
        List<Map<String, Object>> lines = new ArrayList<>();
        if (d.deployAt == null || Lifecycle.Failure.BUILD.name().equals(d.failure)) {
            return lines;
        }
        add(lines, d, d.deployAt, now, "info", "Starting container");
        if (Lifecycle.Failure.CRASH.name().equals(d.failure)) {
            add(lines, d, d.doneAt, now, "error", "Container exited with code 1");
        } else if (Lifecycle.Failure.HEALTHCHECK.name().equals(d.failure)) {
            add(lines, d, d.deployAt, now, "info", "Starting healthcheck");
            add(lines, d, d.doneAt, now, "error", "Healthcheck failed: the service never answered the healthcheck path");
        } else {
            add(lines, d, d.doneAt, now, "info", "Deployment successful");
        }
        return lines;
    }

    /**
     * The lines that match the filter (a substring; null: all), within [startDate, endDate]
     * (ISO; null: open), the last {@code limit} of them (null: all).
     */
    static List<Map<String, Object>> select(List<Map<String, Object>> lines, String filter, Object startDate,
                                            Object endDate, Integer limit) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> line : lines) {
            Instant at = Instant.parse((String) line.get("timestamp"));
            if ((filter == null || ((String) line.get("message")).contains(filter))
                    && (startDate == null || !at.isBefore(instant(startDate)))
                    && (endDate == null || !at.isAfter(instant(endDate)))) {
                out.add(line);
            }
        }
        return limit == null || limit >= out.size() ? out : out.subList(out.size() - Math.max(limit, 0), out.size());
    }

    private static Instant instant(Object dateTime) {
        try {
            return Instant.parse(dateTime.toString());
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(dateTime.toString()).toInstant();
        }
    }

    private static String what(State.DeploymentRec d) {
        String image = d.meta == null ? null : ConfigMapping.text(d.meta, "image");
        String repo = d.meta == null ? null : ConfigMapping.text(d.meta, "repo");
        return image != null ? "image " + image : repo != null ? "repo " + repo : "the service";
    }

    /** A line stamped {@code at}, once that moment has come. */
    private static void add(List<Map<String, Object>> lines, State.DeploymentRec d, String at, Instant now,
                            String severity, String message) {
        if (at == null || now.isBefore(Instant.parse(at))) {
            return;
        }
        Map<String, Object> tags = new LinkedHashMap<>();
        tags.put("deploymentId", d.id);
        tags.put("deploymentInstanceId", null);
        tags.put("environmentId", d.environmentId);
        tags.put("pluginId", null);
        tags.put("projectId", d.projectId);
        tags.put("serviceId", d.serviceId);
        tags.put("snapshotId", null);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("message", message);
        line.put("timestamp", at);
        line.put("severity", severity);
        line.put("attributes", List.of(Map.of("key", "level", "value", severity)));
        line.put("tags", tags);
        lines.add(line);
    }
}
