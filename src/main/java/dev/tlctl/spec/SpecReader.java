package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.YMap;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Interprets the base spec and the overlays into a {@link Spec}, reporting every problem to
 * {@link Problems}. Each environment's state is read from the base deep-merged with that
 * environment's overlay, so a base problem is found once per environment and reported once.
 */
final class SpecReader {
    static final List<String> TOP_KEYS = SpecKeys.TOP.names();
    static final List<String> DRIFT_KEYS = SpecKeys.DRIFT.names();
    static final List<String> OVERLAY_KEYS = SpecKeys.OVERLAY.names();
    static final List<String> PROJECT_KEYS = SpecKeys.PROJECT.names();
    static final List<String> ENVIRONMENT_KEYS = SpecKeys.ENVIRONMENT.names();
    static final List<String> SERVICE_KEYS = SpecKeys.SERVICE.names();
    static final List<String> SECTIONS = List.of("source", "build", "deploy");
    static final int FORMAT_VERSION = 1;

    /** An overlay file as read: its label for messages and its root (null when empty). */
    record Overlay(String label, YNode root) {}

    private final Problems problems;
    private final NodeReader r;
    private final VariableReader variables;
    private final RuntimeReader runtime;

    SpecReader(Problems problems, References references) {
        this.problems = problems;
        this.r = new NodeReader(problems);
        this.variables = new VariableReader(r, references);
        this.runtime = new RuntimeReader(r);
    }

    /**
     * Reads the spec.
     *
     * @param scope the environments whose references are resolved; null for all
     */
    Spec read(java.nio.file.Path file, YMap base, Map<String, Overlay> overlays, Set<String> scope) {
        return read(file, base, overlays, scope, path -> null);
    }

    /**
     * Reads the spec; an environment in {@code scope} that the spec does not declare but a
     * template ({@code previews:}) names is read too, after the declared ones: the template's
     * source environment with the template's overlay over it.
     *
     * @param overlayFile loads a template's overlay by its path relative to the spec's folder
     */
    Spec read(java.nio.file.Path file, YMap base, Map<String, Overlay> overlays, Set<String> scope,
            java.util.function.Function<String, Overlay> overlayFile) {
        variables.sharing(PureReads.of(base));
        r.checkKeys(base, TOP_KEYS);
        Map<String, Entry> top = base.entries();
        readVersion(base, top.get("version"));
        ProjectSpec project = readProject(base, top.get("project"));

        Map<String, YMap> environmentNodes = new LinkedHashMap<>();
        Map<String, String> from = new LinkedHashMap<>();
        Map<String, Location> environmentLocations = new LinkedHashMap<>();
        readEnvironments(base, top.get("environments"), environmentNodes, from, environmentLocations);
        List<String> declared = List.copyOf(environmentNodes.keySet());
        PreviewReader previewReader = new PreviewReader(r);
        PreviewReader.Read previews = previewReader.previews(top.get("previews"), declared, overlayFile);
        PullRequestEnvironmentsSpec pullRequests = previewReader.pullRequests(top.get("pullRequestEnvironments"), declared);
        // A template's overlay may sit among the environments' overlays: it belongs to the template.
        Set<String> templateLabels = new java.util.HashSet<>();
        previews.overlays().values().forEach(o -> templateLabels.add(o.label()));
        overlays = new LinkedHashMap<>(overlays);
        for (Map.Entry<String, Overlay> o : List.copyOf(overlays.entrySet())) {
            if (templateLabels.contains(o.getValue().label()) && environmentNodes.containsKey(o.getKey())) {
                problems.error(Location.ofFile(o.getValue().label()), "a template's overlay is environment "
                        + o.getKey() + "'s overlay", "Give the template a file of its own, such as "
                        + SpecLoader.OVERLAY_DIR + "/preview.yaml.");
            } else if (templateLabels.contains(o.getValue().label())) {
                overlays.remove(o.getKey());
            }
        }
        Map<String, Overlay> environmentOverlays = new LinkedHashMap<>(overlays);
        List<String> order = new ArrayList<>(declared);
        if (scope != null) {
            for (String name : new java.util.TreeSet<>(scope)) {
                if (PreviewReader.instance(previews.previews(), environmentNodes.keySet(), name)) {
                    PreviewTemplate template = previews.previews().match(name).orElseThrow().template();
                    order.add(name);
                    from.put(name, template.from());
                    environmentLocations.put(name, template.location());
                    Overlay overlay = previews.overlays().get(template.name());
                    if (overlay != null) {
                        environmentOverlays.put(name, overlay);
                    }
                }
            }
        }

        YMap baseServices = top.containsKey("services") ? r.map(top.get("services").value(), "a mapping of service names", true) : null;
        Map<String, Entry> serviceEntries = new LinkedHashMap<>();
        Map<String, Boolean> baseEnabled = new LinkedHashMap<>();
        if (baseServices != null) {
            for (Entry entry : baseServices.entries().values()) {
                Names.check("service", entry.key(), entry.keyLocation(), problems);
                YMap service = r.map(entry.value(), "a mapping of service settings", true);
                if (service == null) {
                    continue;
                }
                r.checkKeys(service, SERVICE_KEYS);
                serviceEntries.put(entry.key(), entry);
                Entry enabled = service.entries().get("enabled");
                Boolean value = enabled == null ? Boolean.TRUE : r.bool(enabled.value());
                baseEnabled.put(entry.key(), value == null || value);
            }
        }
        YNode baseShared = top.containsKey("sharedVariables") ? top.get("sharedVariables").value() : null;

        checkOverlays(overlays, environmentNodes.keySet(), serviceEntries.keySet());
        checkOverlays(previews.overlays(), previews.overlays().keySet(), serviceEntries.keySet());

        // An environment's state is its parent's (the one it is declared `from`, else the base)
        // deep-merged with its own overlay; parents are declared first, so they are ready here.
        List<EnvironmentSpec> environments = new ArrayList<>();
        Map<String, Boolean> enabledAnywhere = new LinkedHashMap<>();
        Map<String, Map<String, YNode>> serviceNodes = new LinkedHashMap<>();
        Map<String, YNode> sharedNodes = new LinkedHashMap<>();
        Map<String, YNode> baseServiceNodes = new LinkedHashMap<>();
        serviceEntries.forEach((name, entry) -> baseServiceNodes.put(name, entry.value()));
        boolean first = true;
        for (String name : order) {
            String parent = from.get(name);
            boolean inherits = parent != null && serviceNodes.containsKey(parent);
            Map<String, YNode> parentServices = inherits ? serviceNodes.get(parent) : baseServiceNodes;
            YNode parentShared = inherits ? sharedNodes.get(parent) : baseShared;
            PreviewTemplate template = environmentNodes.containsKey(name) ? null
                    : previews.previews().match(name).map(Previews.Match::template).orElse(null);
            if (template != null && !template.inheritSecrets()) {
                // A preview's secrets are its own: what it would inherit is left out, its overlay gives them.
                parentServices = SecretNodes.withoutSecretsOfServices(parentServices);
                parentShared = SecretNodes.withoutSecrets(parentShared);
            }
            Overlay overlay = environmentOverlays.get(name);
            YMap overlayRoot = overlay != null && overlay.root() instanceof YMap m ? m : null;
            boolean resolve = scope == null || scope.contains(name);
            Map<String, YNode> nodes = new LinkedHashMap<>();
            Map<String, ServiceInstanceSpec> instances = new LinkedHashMap<>();
            for (Entry entry : serviceEntries.values()) {
                YNode node = parentServices.get(entry.key());
                Entry overlayService = overlayEntry(overlayRoot, "services", entry.key());
                if (overlayService != null && overlayService.value() instanceof YMap) {
                    node = Overlays.merge(node, overlayService.value());
                }
                nodes.put(entry.key(), node);
                ServiceInstanceSpec instance = readInstance(entry, node, resolve, name);
                if (instance != null) {
                    instances.put(entry.key(), instance);
                    enabledAnywhere.merge(entry.key(), instance.enabled(), Boolean::logicalOr);
                }
            }
            YNode shared = parentShared;
            Entry overlayShared = overlayRoot == null ? null : overlayRoot.entries().get("sharedVariables");
            if (overlayShared != null) {
                YNode sharedOverlay = overlayShared.value();
                // As inside Overlays.merge: null in the overlay removes; a mapping merges over the parent.
                shared = sharedOverlay instanceof YNode.YScalar s && s.isNull() ? null
                        : shared == null ? sharedOverlay : Overlays.merge(shared, sharedOverlay);
            }
            serviceNodes.put(name, nodes);
            sharedNodes.put(name, shared);
            Map<String, VariableSpec> sharedVariables = shared == null ? Map.of() : variables.readAll(shared, resolve);
            environments.add(new EnvironmentSpec(name, parent, first, resolve, sharedVariables, instances,
                    environmentLocations.get(name)));
            first = false;
        }

        List<ServiceSpec> services = new ArrayList<>();
        for (Entry entry : serviceEntries.values()) {
            services.add(new ServiceSpec(entry.key(), baseEnabled.getOrDefault(entry.key(), true),
                    enabledAnywhere.getOrDefault(entry.key(), false), entry.keyLocation()));
        }
        BillingSpec billing = new BillingReader(r).read(top.get("billing"), environmentNodes.keySet());
        variables.references().report(problems);
        if (!problems.hasErrors()) {
            RailwayRules.check(environments, overlayLabels(overlays), problems, environments.stream()
                    .map(EnvironmentSpec::name).filter(n -> !environmentNodes.containsKey(n))
                    .collect(java.util.stream.Collectors.toSet()));
        }
        DriftSpec drift = readDrift(top.get("drift"));
        return new Spec(file, project, services, environments, billing, drift,
                problems.sorted().stream().filter(d -> !d.isError()).toList(), previews.previews(), pullRequests);
    }

    /** {@code drift: {ignore: [address globs]}}. */
    private DriftSpec readDrift(Entry entry) {
        if (entry == null) {
            return DriftSpec.none();
        }
        YMap drift = r.map(entry.value(), "a mapping with ignore", true);
        if (drift == null) {
            return DriftSpec.none();
        }
        r.checkKeys(drift, DRIFT_KEYS);
        Entry ignore = drift.entries().get("ignore");
        if (ignore == null) {
            return DriftSpec.none();
        }
        List<String> patterns = r.stringList(ignore.value());
        if (patterns == null) {
            return DriftSpec.none();
        }
        List<String> valid = new ArrayList<>();
        for (String pattern : patterns) {
            if (pattern.isBlank() || pattern.chars().anyMatch(Character::isISOControl)) {
                problems.error(ignore.value().location(), "an empty or unprintable pattern in drift.ignore",
                        "Each pattern is an address such as staging/engine-api/variable/FEATURE_* (* within a segment,"
                                + " ** across segments).");
            } else if (pattern.length() > DriftSpec.MAX_PATTERN) {
                problems.error(ignore.value().location(), "a pattern in drift.ignore is longer than "
                        + DriftSpec.MAX_PATTERN + " characters", "An address is much shorter; use * and ** globs.");
            } else if (pattern.contains("***")) {
                problems.error(ignore.value().location(), "\"" + pattern + "\" has *** in drift.ignore",
                        "Use * within a segment or ** across segments.");
            } else {
                valid.add(pattern);
            }
        }
        return new DriftSpec(valid);
    }

    private static Map<String, String> overlayLabels(Map<String, Overlay> overlays) {
        Map<String, String> labels = new LinkedHashMap<>();
        overlays.forEach((name, overlay) -> labels.put(overlay.label(), name));
        return labels;
    }

    private void readVersion(YMap base, Entry entry) {
        if (entry == null) {
            problems.error(base.location().withPath("version"), "the spec has no version",
                    "Write 'version: " + FORMAT_VERSION + "' at the top, so that a later tlctl that reads another"
                            + " format refuses this file instead of misreading it.");
            return;
        }
        Long version = r.integer(entry.value());
        if (version != null && version != FORMAT_VERSION) {
            problems.error(entry.value().location(), "unsupported format version " + version,
                    "This tlctl reads version " + FORMAT_VERSION + ". Upgrade tlctl, or write version: " + FORMAT_VERSION + ".");
        }
    }

    private ProjectSpec readProject(YMap base, Entry entry) {
        if (entry == null) {
            problems.error(base.location().withPath("project"), "the spec has no project",
                    "Add 'project:' with at least 'name: <project name on Railway>'.");
            return null;
        }
        YMap project = r.map(entry.value(), "a mapping with name, workspace and id", false);
        if (project == null) {
            return null;
        }
        r.checkKeys(project, PROJECT_KEYS);
        Map<String, Entry> e = project.entries();
        String name = null;
        if (!e.containsKey("name")) {
            problems.error(project.location().withPath("project.name"), "the project has no name",
                    "Add 'name: <project name on Railway>' under project.");
        } else {
            name = r.string(e.get("name").value());
            if (name != null) {
                Names.check("project", name, e.get("name").value().location(), problems);
            }
        }
        String workspace = e.containsKey("workspace") ? r.string(e.get("workspace").value()) : null;
        String id = e.containsKey("id") ? r.string(e.get("id").value()) : null;
        return new ProjectSpec(name, workspace, id, entry.keyLocation());
    }

    private void readEnvironments(YMap base, Entry entry, Map<String, YMap> nodes, Map<String, String> from,
            Map<String, Location> locations) {
        if (entry == null) {
            problems.error(base.location().withPath("environments"), "the spec declares no environments",
                    "Add 'environments:' with at least one name, such as 'production: {}'.");
            return;
        }
        YMap environments = r.map(entry.value(), "a mapping of environment names", false);
        if (environments == null) {
            return;
        }
        if (environments.entries().isEmpty()) {
            problems.error(entry.keyLocation(), "the spec declares no environments",
                    "Add at least one, such as 'production: {}'.");
        }
        Map<String, Entry> fromEntries = new LinkedHashMap<>();
        for (Entry env : environments.entries().values()) {
            Names.check("environment", env.key(), env.keyLocation(), problems);
            YMap body = r.map(env.value(), "a mapping (or nothing)", true);
            nodes.put(env.key(), body == null ? new YMap(env.keyLocation(), Map.of()) : body);
            locations.put(env.key(), env.keyLocation());
            if (body == null) {
                continue;
            }
            r.checkKeys(body, ENVIRONMENT_KEYS);
            Entry source = body.entries().get("from");
            if (source != null) {
                String sourceName = r.string(source.value());
                if (sourceName != null) {
                    from.put(env.key(), sourceName);
                    fromEntries.put(env.key(), source);
                }
            }
        }
        List<String> declared = new ArrayList<>(nodes.keySet());
        for (Map.Entry<String, String> f : from.entrySet()) {
            Location at = fromEntries.get(f.getKey()).value().location();
            int self = declared.indexOf(f.getKey());
            int source = declared.indexOf(f.getValue());
            if (f.getKey().equals(f.getValue())) {
                problems.error(at, "environment " + f.getKey() + " cannot be created from itself",
                        "Name another environment declared before it, or remove 'from'.");
            } else if (self == 0) {
                problems.error(at, "the first environment cannot be created from another",
                        "The first environment declared is the project's default environment, created with the project."
                                + " Declare " + f.getValue() + " first, or remove 'from'.");
            } else if (source < 0) {
                String guess = NodeReader.closest(f.getValue(), declared);
                problems.error(at, "unknown environment \"" + f.getValue() + "\"",
                        (guess == null ? "" : "Did you mean \"" + guess + "\"? ")
                                + "Declared environments: " + String.join(", ", declared) + ".");
            } else if (source >= self) {
                problems.error(at, "environment " + f.getKey() + " is created from " + f.getValue() + ", declared after it",
                        "Environments are created in the order they are declared; declare " + f.getValue()
                                + " before " + f.getKey() + ".");
            }
        }
    }

    private void checkOverlays(Map<String, Overlay> overlays, Set<String> environments, Set<String> services) {
        for (Map.Entry<String, Overlay> o : overlays.entrySet()) {
            Overlay overlay = o.getValue();
            if (!environments.contains(o.getKey())) {
                String guess = NodeReader.closest(o.getKey(), environments);
                problems.error(Location.ofFile(overlay.label()), "overlay for undeclared environment \"" + o.getKey() + "\"",
                        (guess == null ? "" : "Did you mean \"" + guess + "\"? ")
                                + "Declare it under 'environments:' in the spec, or rename or remove this file."
                                + " Declared environments: " + String.join(", ", environments) + ".");
                continue;
            }
            if (overlay.root() == null) {
                continue; // an empty overlay: nothing differs
            }
            YMap root = r.map(overlay.root(), "a mapping with services and sharedVariables", false);
            if (root == null) {
                continue;
            }
            for (Entry entry : root.entries().values()) {
                if (OVERLAY_KEYS.contains(entry.key())) {
                    continue;
                }
                if (TOP_KEYS.contains(entry.key())) {
                    problems.error(entry.keyLocation(), "\"" + entry.key() + "\" cannot differ per environment",
                            whyNotPerEnvironment(entry.key()) + " An overlay may set only: " + String.join(", ", OVERLAY_KEYS) + ".");
                } else {
                    r.unknownKey(entry, OVERLAY_KEYS);
                }
            }
            Entry overlayServices = root.entries().get("services");
            YMap servicesMap = overlayServices == null ? null : r.map(overlayServices.value(), "a mapping of service names", true);
            if (servicesMap == null) {
                continue;
            }
            for (Entry service : servicesMap.entries().values()) {
                if (!services.contains(service.key())) {
                    String guess = NodeReader.closest(service.key(), services);
                    problems.error(service.keyLocation(), "unknown service \"" + service.key() + "\"",
                            (guess == null ? "" : "Did you mean \"" + guess + "\"? ")
                                    + "An overlay changes services the spec declares; declare it under 'services:' in the spec."
                                    + (services.isEmpty() ? "" : " Declared services: " + String.join(", ", services) + "."));
                } else if (service.value() instanceof YNode.YScalar s && s.isNull()) {
                    problems.error(service.keyLocation(), "a service cannot be removed in one environment",
                            "To keep it out of this environment, write 'enabled: false' under it.");
                } else {
                    YMap body = r.map(service.value(), "a mapping of service settings", false);
                    if (body != null) {
                        r.checkKeys(body, SERVICE_KEYS);
                    }
                }
            }
        }
    }

    private static String whyNotPerEnvironment(String key) {
        return switch (key) {
            case "billing" -> "Usage limits are workspace-wide on Railway: one limit covers every project and environment.";
            case "project" -> "The project is the same in every environment.";
            case "environments" -> "Environments are declared once, in the spec.";
            case "version" -> "The format version is set once, in the spec.";
            default -> "It is set once, in the spec.";
        };
    }

    private static Entry overlayEntry(YMap overlayRoot, String section, String key) {
        Entry sectionEntry = overlayRoot == null ? null : overlayRoot.entries().get(section);
        if (sectionEntry == null || !(sectionEntry.value() instanceof YMap map)) {
            return null;
        }
        return map.entries().get(key);
    }

    /** An instance read from a node in a mode, for the service declared by an entry. */
    private record Read(Entry declared, boolean resolve, ServiceInstanceSpec instance) {}

    /**
     * Instances read so far by node (identity): environments that inherit a service's node unchanged
     * get the instance read once (the same settings, variables and diagnostics, which {@link Problems}
     * keeps once), each still claiming its domains.
     */
    private final Map<YNode, List<Read>> readInstances = new IdentityHashMap<>();

    private ServiceInstanceSpec readInstance(Entry declared, YNode node, boolean resolve, String environment) {
        List<Read> known = readInstances.computeIfAbsent(node, n -> new ArrayList<>(2));
        for (Read read : known) {
            if (read.declared() == declared && read.resolve() == resolve) {
                if (read.instance() != null && read.instance().enabled()) {
                    runtime.claim(read.instance().domains(), environment, declared.key());
                }
                return read.instance();
            }
        }
        ServiceInstanceSpec instance = readInstanceOnce(declared, node, resolve, environment);
        known.add(new Read(declared, resolve, instance));
        return instance;
    }

    private ServiceInstanceSpec readInstanceOnce(Entry declared, YNode node, boolean resolve, String environment) {
        if (!(node instanceof YMap service)) {
            return null; // reported when the base was read
        }
        Map<String, Entry> e = service.entries();
        Boolean enabled = e.containsKey("enabled") ? r.bool(e.get("enabled").value()) : Boolean.TRUE;
        TreeMap<String, Object> settings = new TreeMap<>();
        Map<String, Location> where = new LinkedHashMap<>();
        for (String section : SECTIONS) {
            if (e.containsKey(section)) {
                readSettings(section, e.get(section), settings, where);
            }
        }
        checkSettingCombinations(settings, where, declared.keyLocation());
        SettingRules.check(settings, where, problems);
        Map<String, VariableSpec> vars = e.containsKey("variables")
                ? variables.readAll(e.get("variables").value(), resolve) : Map.of();
        boolean runs = enabled == null || enabled;
        DomainsSpec domains = runtime.domains(e.get("domains"));
        if (runs) {
            runtime.claim(domains, environment, declared.key());
        }
        return new ServiceInstanceSpec(declared.key(), runs, settings, vars, declared.keyLocation(), where, domains,
                runtime.volumes(e.get("volumes")));
    }

    private void readSettings(String prefix, Entry entry, Map<String, Object> settings, Map<String, Location> where) {
        YMap map = r.map(entry.value(), "a mapping", true);
        if (map == null) {
            return;
        }
        for (Entry child : map.entries().values()) {
            String key = prefix + "." + child.key();
            Settings.Def def = Settings.get(key);
            if (def != null) {
                Object value = SettingReader.read(r, def, child.value());
                if (value != null) {
                    settings.put(key, value);
                }
                // Written, even when invalid: "branch needs repo" must not follow a bad repo.
                where.put(key, child.value().location());
            } else if (!Settings.keysUnder(key).isEmpty()) {
                readSettings(key, child, settings, where);
            } else {
                r.unknownKey(child, Settings.keysUnder(prefix));
            }
        }
    }

    private void checkSettingCombinations(Map<String, Object> settings, Map<String, Location> where, Location service) {
        if (where.containsKey(Settings.SOURCE_REPO) && where.containsKey(Settings.SOURCE_IMAGE)) {
            problems.error(where.get(Settings.SOURCE_IMAGE), "a service deploys a repository or an image, not both",
                    "Remove source.image or source.repo.");
        }
        if (where.containsKey(Settings.SOURCE_BRANCH) && !where.containsKey(Settings.SOURCE_REPO)) {
            problems.error(where.get(Settings.SOURCE_BRANCH), "source.branch needs source.repo",
                    "A branch belongs to a repository; add source.repo: owner/name.");
        }
    }
}
