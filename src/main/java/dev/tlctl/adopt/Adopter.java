package dev.tlctl.adopt;

import dev.tlctl.adopt.Declared.Service;
import dev.tlctl.adopt.Declared.Value;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveRuntime;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.live.LiveVolume;
import dev.tlctl.live.LiveWorkspace;
import dev.tlctl.plan.Defaults;
import dev.tlctl.spec.Settings;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns a live project into spec documents: a pure function of what one read found. Every
 * environment the token may open is imported (Railway's PR environments are left out with a
 * note), in Railway's order with each environment after the one it was created from; a service
 * without an instance in an environment is disabled there; settings at Railway's defaults are
 * left out; variables keep Railway's references; secrets become {@code ${env:...}} references
 * (see {@link LiveValues}, {@link SecretNames}); tlctl's own records ({@code TLCTL_RECORD*}) are
 * not variables of the project; each service's domains and volume are written where Railway's
 * answer carried them ({@link RuntimeValues}); the workspace's usage limit is included. Then {@link Layers}
 * splits the environments into the base and overlays, and {@link Documents} writes them.
 */
public final class Adopter {
    private final LiveProject project;
    private final AdoptOptions options;
    private final List<String> notes = new ArrayList<>();
    private final List<Unexpressed.Item> unexpressed = new ArrayList<>();
    private final List<ImportedSecret> secrets = new ArrayList<>();
    private final SecretNames names = new SecretNames();

    private Adopter(LiveProject project, AdoptOptions options) {
        this.project = project;
        this.options = options;
    }

    /**
     * The documents for {@code project}; {@code workspace} gives the usage limit (null, or its
     * billing unreadable: none). Throws {@link IllegalArgumentException} for an environment asked
     * for that the project does not have (the caller checks first).
     */
    public static Adopted adopt(LiveProject project, LiveWorkspace workspace, AdoptOptions options) {
        return new Adopter(project, options).run(workspace);
    }

    private Adopted run(LiveWorkspace workspace) {
        List<LiveEnvironment> environments = environments();
        List<LiveService> services = project.services().stream().sorted(Comparator.comparing(LiveService::name)).toList();
        List<String> serviceNames = services.stream().map(LiveService::name).toList();
        Map<String, String> from = from(environments);
        Map<String, Declared> declared = new LinkedHashMap<>();
        for (LiveEnvironment environment : environments) {
            declared.put(environment.name(), declared(environment, services));
        }
        for (LiveService service : services) {
            if (environments.stream().noneMatch(e -> e.instances().containsKey(service.id()))) {
                notes.add("Service " + service.name() + " runs in no environment imported: it is declared with"
                        + " enabled: false.");
            }
        }
        Set<String> mounted = new HashSet<>();
        for (LiveEnvironment environment : environments) {
            project.runtime().volumes(environment.id()).stream()
                    .filter(v -> v.serviceId() != null && environment.instances().containsKey(v.serviceId()))
                    .forEach(v -> mounted.add(v.volumeId()));
        }
        project.volumes().stream().filter(v -> !mounted.contains(v.id())).sorted(Comparator.comparing(LiveVolume::name))
                .forEach(v -> unexpressed.add(Unexpressed.volume(v.name())));
        Declared base = Layers.base(List.copyOf(declared.values()), serviceNames);
        Map<String, Layers.Overlay> overlays = new LinkedHashMap<>();
        Map<String, Declared> resolved = new LinkedHashMap<>();
        declared.forEach((name, state) -> {
            Declared parent = from.containsKey(name) ? resolved.get(from.get(name)) : base;
            Layers.Overlay overlay = Layers.diff(state, parent);
            overlays.put(name, overlay);
            resolved.put(name, Layers.merge(parent, overlay));
        });
        Set<String> withDomains = new HashSet<>();
        declared.values().forEach(d -> d.services().forEach((name, service) -> {
            if (service.runtime() != null && (service.runtime().containsKey(RuntimeValues.RAILWAY)
                    || service.runtime().containsKey(RuntimeValues.CUSTOM))) {
                withDomains.add(name);
            }
        }));
        Documents documents = new Documents(project, options, serviceNames, unexpressed, withDomains);
        Map<String, SpecDocument> overlayDocuments = new LinkedHashMap<>();
        overlays.forEach((name, overlay) -> overlayDocuments.put(name, documents.overlay(name, from.get(name), overlay)));
        SpecDocument baseDocument = documents.base(base, environments.stream().map(LiveEnvironment::name).toList(),
                from, usageLimit(workspace));
        return new Adopted(project.name(), project.id(), baseDocument, overlayDocuments, serviceNames, secrets,
                unexpressed, notes);
    }

    /** The environments to import, in spec order: Railway's, each after the one it was created from. */
    private List<LiveEnvironment> environments() {
        List<LiveEnvironment> chosen = new ArrayList<>();
        for (LiveEnvironment environment : project.environments()) {
            boolean asked = options.environments().isEmpty() || options.environments().contains(environment.name());
            if (environment.ephemeral()) {
                notes.add("Environment " + environment.name() + " is one of Railway's PR environments (Railway creates"
                        + " and deletes it): not imported.");
            } else if (!environment.accessible()) {
                notes.add("Environment " + environment.name() + " is not open to this token: not imported.");
            } else if (asked) {
                chosen.add(environment);
            }
        }
        for (String name : options.environments()) {
            if (chosen.stream().noneMatch(e -> e.name().equals(name))) {
                throw new IllegalArgumentException("no environment " + name + " to import");
            }
        }
        // The first is the project's default, created with it: one not created from another.
        List<LiveEnvironment> ordered = new ArrayList<>();
        chosen.stream().filter(e -> source(e, chosen) == null).findFirst().ifPresent(ordered::add);
        while (ordered.size() < chosen.size()) {
            LiveEnvironment next = chosen.stream().filter(e -> !ordered.contains(e))
                    .filter(e -> source(e, chosen) == null || ordered.contains(source(e, chosen)))
                    .findFirst().orElse(null);
            if (next == null) { // a loop of sources Railway should never have: keep Railway's order
                chosen.stream().filter(e -> !ordered.contains(e)).forEach(ordered::add);
                break;
            }
            ordered.add(next);
        }
        return ordered;
    }

    /** The environment {@code environment} was created from, among {@code chosen}; null when none. */
    private static LiveEnvironment source(LiveEnvironment environment, List<LiveEnvironment> chosen) {
        return environment.sourceEnvironmentId() == null ? null : chosen.stream()
                .filter(e -> e.id().equals(environment.sourceEnvironmentId())).findFirst().orElse(null);
    }

    /** {@code from:} of each environment created from another that is imported before it. */
    private Map<String, String> from(List<LiveEnvironment> environments) {
        Map<String, String> from = new LinkedHashMap<>();
        for (int i = 0; i < environments.size(); i++) {
            LiveEnvironment environment = environments.get(i);
            if (environment.sourceEnvironmentId() == null) {
                continue;
            }
            LiveEnvironment source = source(environment, environments.subList(0, i));
            if (source != null) {
                from.put(environment.name(), source.name());
            } else {
                String known = project.environments().stream().filter(e -> e.id().equals(environment.sourceEnvironmentId()))
                        .map(LiveEnvironment::name).findFirst().orElse("an environment that no longer exists");
                notes.add("Environment " + environment.name() + " was created from " + known + ", which is not imported"
                        + (i == 0 ? " or comes after the project's default" : "") + ": no from: is written.");
            }
        }
        return from;
    }

    private Declared declared(LiveEnvironment environment, List<LiveService> services) {
        SortedMap<String, Value> shared = variables(environment.name(), null, environment.sharedVariables());
        Map<String, Service> byName = new LinkedHashMap<>();
        for (LiveService service : services) {
            LiveServiceInstance instance = environment.instances().get(service.id());
            byName.put(service.name(), instance == null ? Service.DISABLED
                    : new Service(true, settings(environment, service.name(), instance),
                            variables(environment.name(), service.name(), instance.variables()),
                            runtime(environment, service)));
        }
        return new Declared(shared, byName);
    }

    /**
     * The instance's domains and volume; null when Railway's answer did not carry them (an
     * environment read apart): they stay listed as unexpressed, from its config.
     */
    private SortedMap<String, Object> runtime(LiveEnvironment environment, LiveService service) {
        LiveRuntime.Instance runtime = project.runtime().instance(environment.id(), service.id()).orElse(null);
        if (runtime == null) {
            return null;
        }
        List<String> extra = new ArrayList<>();
        SortedMap<String, Object> values = RuntimeValues.of(runtime.domains(), project.runtime().volumes(environment.id())
                .stream().filter(v -> service.id().equals(v.serviceId())).toList(), extra);
        extra.forEach(what -> unexpressed.add(new Unexpressed.Item(environment.name(), service.name(), what)));
        return values;
    }

    /** The settings the spec models, those at Railway's defaults left out; the rest listed as unexpressed. */
    private SortedMap<String, Object> settings(LiveEnvironment env, String service, LiveServiceInstance instance) {
        SortedMap<String, Object> out = new TreeMap<>();
        String environment = env.name();
        boolean runtimeRead = project.runtime().instance(env.id(), instance.serviceId()).isPresent();
        instance.unmodelled().forEach((path, json) -> {
            if (!(runtimeRead && RuntimeValues.expresses(path))) {
                unexpressed.add(new Unexpressed.Item(environment, service,
                        Unexpressed.describe(path, json, this::volumeName)));
            }
        });
        boolean multiRegion = instance.unmodelled().containsKey("deploy.multiRegionConfig");
        instance.settings().forEach((key, value) -> {
            if (Settings.get(key) == null || Defaults.unset(value) || Defaults.same(key, value, null)
                    || multiRegion && key.equals(Settings.DEPLOY_NUM_REPLICAS)) {
                return;
            }
            if (value instanceof String text && LiveValues.holdsReference(text)) {
                unexpressed.add(new Unexpressed.Item(environment, service, "setting " + key
                        + " (its text holds ${env:...} or ${file:...}, which the spec reads as a reference)"));
                return;
            }
            out.put(key, value);
        });
        return out;
    }

    private String volumeName(String id) {
        return project.volumes().stream().filter(v -> v.id().equals(id)).map(LiveVolume::name).findFirst().orElse(id);
    }

    /** Variables as written: secrets as {@code ${env:...}}, tlctl's records left out. */
    private SortedMap<String, Value> variables(String environment, String service, Map<String, LiveVariable> live) {
        SortedMap<String, Value> out = new TreeMap<>();
        for (LiveVariable variable : live.values()) {
            if (VariableSpec.reserved(variable.name())) { // tlctl's records; no spec may declare them
                continue;
            }
            String why = LiveValues.secretReason(variable);
            if (why == null) {
                out.put(variable.name(), new Value(LiveValues.literal(variable.value().reveal()), false));
                continue;
            }
            String name = names.name(environment, service, variable.name());
            secrets.add(new ImportedSecret(name, environment, service, variable.name(), variable.value(),
                    variable.sealed(), why));
            out.put(variable.name(), new Value("${env:" + name + "}", true));
        }
        return out;
    }

    private dev.tlctl.live.LiveUsageLimit usageLimit(LiveWorkspace workspace) {
        if (workspace == null || !workspace.billingReadable()) {
            notes.add("The workspace's usage limit could not be read with this token: billing is left out.");
            return null;
        }
        if (workspace.usageLimit() == null) {
            notes.add("The workspace has no usage limit: billing is left out.");
        }
        return workspace.usageLimit();
    }
}
