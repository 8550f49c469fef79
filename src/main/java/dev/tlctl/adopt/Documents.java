package dev.tlctl.adopt;

import dev.tlctl.adopt.Declared.Service;
import dev.tlctl.adopt.Declared.Value;
import dev.tlctl.adopt.SpecDocument.Mapping;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveUsageLimit;
import dev.tlctl.spec.Settings;
import dev.tlctl.spec.SpecLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the base file and the overlays in the repository's order: version, project,
 * environments, sharedVariables, services (each: enabled, source, build, deploy in the order of
 * {@link Settings}, variables, domains, volumes), billing; variables by name. The base's header says where and when
 * the project was read; each overlay's says what it differs from; what the spec cannot express
 * is listed as comments at the end of the file it belongs to.
 */
final class Documents {
    private final LiveProject project;
    private final AdoptOptions options;
    private final List<String> services;
    private final List<Unexpressed.Item> unexpressed;
    /** Services with a domain in some environment: their base declares {@code domains}, so that the spec manages them everywhere. */
    private final java.util.Set<String> withDomains;

    Documents(LiveProject project, AdoptOptions options, List<String> services, List<Unexpressed.Item> unexpressed,
            java.util.Set<String> withDomains) {
        this.project = project;
        this.options = options;
        this.services = services;
        this.unexpressed = unexpressed;
        this.withDomains = withDomains;
    }

    SpecDocument base(Declared base, List<String> environments, Map<String, String> from, LiveUsageLimit limit) {
        SpecDocument document = new SpecDocument().header(
                project.name() + " on Railway, imported by `tlctl import` from " + options.source() + " on "
                        + options.date() + " (UTC).",
                "`tlctl plan` shows what differs on Railway; `tlctl apply` makes Railway match. What differs per",
                "environment lives in " + SpecLoader.OVERLAY_DIR + "/<name>.yaml, deep-merged over this file for that"
                        + " environment",
                "(null there removes a key). Secrets are ${env:...} references: set them before plan or apply.");
        Mapping root = document.root();
        root.put("version", 1L);
        Mapping projectNode = root.mapping("project").put("name", project.name());
        if (options.workspace() != null) {
            projectNode.put("workspace", options.workspace());
        }
        projectNode.put("id", project.id());
        Mapping environmentsNode = root.mapping("environments");
        for (String environment : environments) {
            Mapping node = environmentsNode.mapping(environment);
            if (from.containsKey(environment)) {
                node.put("from", from.get(environment));
            }
        }
        environmentsNode.comment(environments.get(0), List.of("The first environment is the project's default."));
        if (!base.shared().isEmpty()) {
            variables(root.mapping("sharedVariables"), base.shared());
        }
        if (!services.isEmpty()) {
            Mapping servicesNode = root.mapping("services");
            for (String name : services) {
                Service service = base.services().get(name);
                Mapping node = servicesNode.mapping(name);
                if (!service.enabled()) {
                    node.put("enabled", false);
                }
                settings(node, service.settings());
                if (!service.variables().isEmpty()) {
                    variables(node.mapping("variables"), service.variables());
                }
                RuntimeValues.write(node, service.runtime(), withDomains.contains(name));
            }
        }
        if (limit != null) {
            Mapping usage = root.mapping("billing").mapping("usageLimit");
            usage.put("softLimitDollars", (long) limit.softLimitDollars());
            if (limit.hardLimitDollars() != null) {
                usage.put("hardLimitDollars", (long) limit.hardLimitDollars());
            }
            root.comment("billing", List.of("Usage limits are workspace-wide on Railway: they cover every project of"
                    + " the workspace."));
        }
        document.footer(unexpressedComment(null));
        return document;
    }

    SpecDocument overlay(String environment, String from, Layers.Overlay overlay) {
        SpecDocument document = new SpecDocument().header(environment + ": what differs from "
                + (from == null ? SpecLoader.DEFAULT_FILE : from) + " (imported by `tlctl import`)."
                + (overlay.isEmpty() ? " Nothing does." : ""));
        Mapping root = document.root();
        if (!overlay.shared().isEmpty()) {
            variables(root.mapping("sharedVariables"), overlay.shared());
        }
        for (String name : services) {
            Layers.Change change = overlay.services().get(name);
            if (change == null || change.isEmpty()) {
                continue;
            }
            Mapping node = root.mapping("services").mapping(name);
            if (change.enabled() != null) {
                node.put("enabled", change.enabled());
            }
            settings(node, change.settings());
            if (!change.variables().isEmpty()) {
                variables(node.mapping("variables"), change.variables());
            }
            RuntimeValues.write(node, change.runtime(), false);
        }
        document.footer(unexpressedComment(environment));
        return document;
    }

    /** Settings in the order of {@link Settings}, nested by their keys ({@code deploy.limits.vCPUs}). */
    private static void settings(Mapping service, Map<String, Object> settings) {
        for (String key : Settings.all().keySet()) {
            if (!settings.containsKey(key)) {
                continue;
            }
            String[] path = key.split("\\.");
            Mapping parent = service;
            for (int i = 0; i < path.length - 1; i++) {
                parent = parent.mapping(path[i]);
            }
            parent.put(path[path.length - 1], settings.get(key));
        }
    }

    private static void variables(Mapping node, Map<String, Value> variables) {
        variables.forEach((name, value) -> node.put(name, value == null ? null : value.text()));
    }

    /** The comment listing what the spec cannot express in one environment (null: the whole project). */
    private List<String> unexpressedComment(String environment) {
        List<String> lines = new ArrayList<>();
        for (Unexpressed.Item item : unexpressed) {
            if (java.util.Objects.equals(item.environment(), environment)) {
                lines.add("  " + (item.service() == null ? "" : item.service() + ": ") + item.what());
            }
        }
        if (lines.isEmpty()) {
            return lines;
        }
        lines.add(0, "Railway holds" + (environment == null ? " in this project" : " here") + " what the spec cannot"
                + " express yet; tlctl leaves it as it is:");
        return lines;
    }
}
