package dev.tlctl.testing;

import dev.tlctl.secret.Secret;
import dev.tlctl.secret.SecretText;
import dev.tlctl.spec.BillingSpec;
import dev.tlctl.spec.DriftSpec;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.Location;
import dev.tlctl.spec.ProjectSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.ServiceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A {@link Spec} built in code, for pure tests of what reads one (the planner, the audits): the
 * records the loader would make of a {@code tl-engine.yaml} and its overlays, without a file. A
 * base (shared variables, services with their settings and variables) that every environment
 * starts from, the environment it is declared {@code from} when it has one, then what its own
 * overlay sets. A variable is a secret as the loader decides it: from a reference, sealed, marked,
 * or by its name or content.
 *
 * <pre>{@code
 * Spec spec = SpecBuilder.project("tl-engine")
 *         .environment("production").environment("staging", "production")
 *         .shared("DATABASE_URL", SpecBuilder.fromEnv("DB", "postgresql://..."))
 *         .service("engine-api", s -> s.setting("deploy.numReplicas", 2L).variable("WORKERS", "4"))
 *         .in("staging", e -> e.setting("engine-api", "deploy.numReplicas", 1L))
 *         .build();
 * }</pre>
 */
public final class SpecBuilder {
    private static final Location HERE = Location.ofFile("tl-engine.yaml");

    /** A variable's value as written: its text, what Railway gets, and how it is marked. */
    public record Value(String template, String value, boolean sealed, boolean secret) {}

    private final String project;
    private final Map<String, String> environments = new LinkedHashMap<>();
    private final Layer base = new Layer();
    private final Map<String, Layer> overlays = new LinkedHashMap<>();
    private final Map<String, Boolean> servicesEnabled = new LinkedHashMap<>();
    private final Set<String> unresolved = new LinkedHashSet<>();
    private final List<String> ignore = new ArrayList<>();
    private BillingSpec.UsageLimitSpec usageLimit;

    private SpecBuilder(String project) {
        this.project = project;
    }

    public static SpecBuilder project(String name) {
        return new SpecBuilder(name);
    }

    /** {@code ${env:NAME}} read as {@code value}: a secret. */
    public static Value fromEnv(String name, String value) {
        return new Value("${env:" + name + "}", value, false, false);
    }

    /** {@code {value: ..., sealed: true}}: written once, never read back. */
    public static Value sealed(Value value) {
        return new Value(value.template(), value.value(), true, false);
    }

    /** {@code {value: ..., secret: true}}. */
    public static Value secret(String value) {
        return new Value(null, value, false, true);
    }

    /** An environment; the first is the project's default. */
    public SpecBuilder environment(String name) {
        return environment(name, null);
    }

    /** An environment declared {@code from} another: it starts from that one's declaration. */
    public SpecBuilder environment(String name, String from) {
        environments.put(name, from);
        overlays.putIfAbsent(name, new Layer());
        return this;
    }

    public SpecBuilder shared(String name, Object value) {
        base.shared(name, value);
        return this;
    }

    /** A service, enabled in every environment, with its base settings and variables. */
    public SpecBuilder service(String name, Consumer<Service> declaration) {
        servicesEnabled.put(name, true);
        declaration.accept(new Service(name, base));
        return this;
    }

    /** A service declared with {@code enabled: false}: validated, created nowhere. */
    public SpecBuilder disabledService(String name, Consumer<Service> declaration) {
        servicesEnabled.put(name, false);
        declaration.accept(new Service(name, base));
        return this;
    }

    /** What {@code environments/<name>.yaml} sets. */
    public SpecBuilder in(String environment, Consumer<Layer> overlay) {
        overlay.accept(overlays.computeIfAbsent(environment, k -> new Layer()));
        return this;
    }

    /** Environments outside the run's scope: their references are not read (their values are null). */
    public SpecBuilder unresolved(String... names) {
        unresolved.addAll(List.of(names));
        return this;
    }

    public SpecBuilder usageLimit(int softDollars, Integer hardDollars) {
        usageLimit = new BillingSpec.UsageLimitSpec(softDollars, hardDollars, HERE);
        return this;
    }

    /** {@code drift.ignore}. */
    public SpecBuilder ignore(String... globs) {
        ignore.addAll(List.of(globs));
        return this;
    }

    /** The settings and variables a service declares in one layer (the base, or an overlay). */
    public static final class Service {
        private final String name;
        private final Layer layer;

        private Service(String name, Layer layer) {
            this.name = name;
            this.layer = layer;
        }

        public Service setting(String key, Object value) {
            layer.setting(name, key, value);
            return this;
        }

        public Service variable(String variable, Object value) {
            layer.variable(name, variable, value);
            return this;
        }
    }

    /** What one layer declares: shared variables, and per service its settings and variables. */
    public static final class Layer {
        private final Map<String, Object> shared = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> variables = new LinkedHashMap<>();

        public Layer shared(String name, Object value) {
            shared.put(name, value);
            return this;
        }

        public Layer setting(String service, String key, Object value) {
            settings.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        public Layer variable(String service, String name, Object value) {
            variables.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** {@code above} deep-merged over this layer (its keys in their order, new ones after), as overlays are. */
        Layer and(Layer above) {
            Layer out = new Layer();
            for (Layer layer : List.of(this, above)) {
                out.shared.putAll(layer.shared);
                layer.settings.forEach((s, m) -> out.settings.computeIfAbsent(s, x -> new LinkedHashMap<>()).putAll(m));
                layer.variables.forEach((s, m) -> out.variables.computeIfAbsent(s, x -> new LinkedHashMap<>()).putAll(m));
            }
            return out;
        }
    }

    public Spec build() {
        List<EnvironmentSpec> built = new ArrayList<>();
        Map<String, Layer> merged = new LinkedHashMap<>();
        boolean first = true;
        for (Map.Entry<String, String> env : environments.entrySet()) {
            Layer layer = (env.getValue() == null ? base : merged.get(env.getValue())).and(overlays.get(env.getKey()));
            merged.put(env.getKey(), layer);
            boolean resolved = !unresolved.contains(env.getKey());
            Map<String, ServiceInstanceSpec> instances = new LinkedHashMap<>();
            servicesEnabled.forEach((service, enabled) -> instances.put(service, new ServiceInstanceSpec(service, enabled,
                    new TreeMap<>(layer.settings.getOrDefault(service, Map.of())),
                    variables(layer.variables.getOrDefault(service, Map.of()), resolved), HERE, Map.of())));
            built.add(new EnvironmentSpec(env.getKey(), env.getValue(), first, resolved, variables(layer.shared, resolved),
                    instances, HERE));
            first = false;
        }
        List<ServiceSpec> services = new ArrayList<>();
        servicesEnabled.forEach((name, enabled) -> services.add(new ServiceSpec(name, enabled, enabled, HERE)));
        BillingSpec billing = new BillingSpec(usageLimit, BillingSpec.DEFAULT_WARN_AT_PERCENT, BillingSpec.PricesSpec.NONE,
                Map.of());
        return new Spec(Path.of("tl-engine.yaml"), new ProjectSpec(project, null, null, HERE), services, built, billing,
                new DriftSpec(ignore), List.of());
    }

    private static Map<String, VariableSpec> variables(Map<String, Object> declared, boolean resolved) {
        Map<String, VariableSpec> out = new LinkedHashMap<>();
        declared.forEach((name, written) -> out.put(name, variable(name, written, resolved)));
        return out;
    }

    private static VariableSpec variable(String name, Object written, boolean resolved) {
        Value v = written instanceof Value value ? value : new Value(null, (String) written, false, false);
        boolean reference = v.template() != null;
        String value = reference && !resolved ? null : v.value();
        boolean sensitive = reference || v.sealed() || v.secret() || SecretText.nameLooksSecret(name)
                || value != null && SecretText.looksSecret(value);
        return new VariableSpec(name, value == null ? null : Secret.of(value), v.template(), sensitive, v.sealed(), HERE);
    }
}
