package dev.tlctl.audit;

import dev.tlctl.audit.Difference.Subject;
import dev.tlctl.audit.Difference.Type;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.Sensitivity;
import dev.tlctl.plan.Values;
import dev.tlctl.secret.Fingerprint;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.TreeSet;

/**
 * Two live environments compared, as a pure function of the live project and the spec as declared
 * (its references unresolved: no secret is needed, and none is read from the spec). Per service:
 * instances, settings (an unset setting counts as Railway's default) and variables on one side
 * only or different; then shared variables; service variables that shadow a shared one with a
 * value of their own; and secrets whose values are equal in both environments, at any address
 * (staging's database URL pointing at production's). Values are compared in memory, secrets by
 * keyed fingerprints that die with the run. A difference the spec declares (an overlay sets
 * another value) is marked {@link Difference#declared()}.
 */
public final class EnvironmentComparison {
    private final Spec spec;
    private final LiveProject project;
    private final LiveEnvironment left;
    private final LiveEnvironment right;
    private final List<Difference> differences = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** A key for this run only: fingerprints of secret values, never stored or shown. */
    private final byte[] key = Fingerprint.newSalt();

    private EnvironmentComparison(Spec spec, LiveProject project, LiveEnvironment left, LiveEnvironment right) {
        this.spec = spec;
        this.project = project;
        this.left = left;
        this.right = right;
    }

    /** Compares {@code left} with {@code right}, both environments of {@code project}. */
    public static Comparison of(Spec spec, LiveProject project, LiveEnvironment left, LiveEnvironment right) {
        return new EnvironmentComparison(spec, project, left, right).run();
    }

    private Comparison run() {
        List<LiveService> services = new ArrayList<>(project.services());
        services.sort(Comparator.comparing(LiveService::name));
        for (LiveService service : services) {
            LiveServiceInstance a = left.instance(service.id()).orElse(null);
            LiveServiceInstance b = right.instance(service.id()).orElse(null);
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null) {
                boolean declared = enabled(left, service.name()) == (a != null) && enabled(right, service.name()) == (b != null);
                differences.add(new Difference(a == null ? Type.ONLY_RIGHT : Type.ONLY_LEFT, Subject.INSTANCE,
                        service.name(), null, a == null ? null : Address.instance(left.name(), service.name()).text(),
                        b == null ? null : Address.instance(right.name(), service.name()).text(), null, null, false,
                        declared, null));
                continue;
            }
            settings(service.name(), a, b);
            variables(service.name(), a.variables(), b.variables());
        }
        variables(null, left.sharedVariables(), right.sharedVariables());
        shadowing(left);
        shadowing(right);
        sameSecrets();
        return new Comparison(project.name(), left.name(), right.name(), ordered(), notes);
    }

    /** Per service in name order, shared variables last; risks first within each. */
    private List<Difference> ordered() {
        List<Difference> out = new ArrayList<>(differences);
        out.sort(Comparator.comparing((Difference d) -> d.service() == null ? "\uffff" : d.service())
                .thenComparing(d -> !d.risk())
                .thenComparing(Difference::subject)
                .thenComparing(d -> d.name() == null ? "" : d.name()));
        return out;
    }

    // ---- settings ---------------------------------------------------------------------------

    private void settings(String service, LiveServiceInstance a, LiveServiceInstance b) {
        TreeSet<String> keys = new TreeSet<>(a.settings().keySet());
        keys.addAll(b.settings().keySet());
        for (String key : keys) {
            Object x = a.settings().get(key);
            Object y = b.settings().get(key);
            if (Values.same(RailwayDefaults.effective(key, x), RailwayDefaults.effective(key, y))) {
                continue;
            }
            Object declaredX = declaredSetting(left, service, key);
            Object declaredY = declaredSetting(right, service, key);
            boolean declared = !Values.same(declaredX, declaredY)
                    && (declaredX == null || Values.same(declaredX, x)) && (declaredY == null || Values.same(declaredY, y));
            differences.add(new Difference(Type.DIFFERENT, Subject.SETTING, service, key,
                    Address.setting(left.name(), service, key).text(), Address.setting(right.name(), service, key).text(),
                    x, y, false, declared, null));
        }
    }

    // ---- variables --------------------------------------------------------------------------

    private void variables(String service, Map<String, LiveVariable> a, Map<String, LiveVariable> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        for (String name : names) {
            LiveVariable x = a.get(name);
            LiveVariable y = b.get(name);
            String leftAddress = x == null ? null : Address.variable(left.name(), service, name).text();
            String rightAddress = y == null ? null : Address.variable(right.name(), service, name).text();
            VariableSpec declaredX = declaredVariable(left, service, name);
            VariableSpec declaredY = declaredVariable(right, service, name);
            if (x == null || y == null) {
                boolean declared = x == null ? declaredY != null && declaredX == null : declaredX != null && declaredY == null;
                differences.add(new Difference(x == null ? Type.ONLY_RIGHT : Type.ONLY_LEFT, Subject.VARIABLE, service, name,
                        leftAddress, rightAddress, x == null ? null : x.value(), y == null ? null : y.value(),
                        x == null ? sensitive(right, y, declaredY, declaredX) : sensitive(left, x, declaredX, declaredY),
                        declared, null));
                continue;
            }
            if (x.sealed() || y.sealed()) {
                notes.add(label(service, name) + " is sealed in " + (x.sealed() && y.sealed() ? "both environments"
                        : x.sealed() ? left.name() : right.name()) + ": Railway never returns it, so it is compared by name only.");
                continue;
            }
            if (!x.readable() || !y.readable()) {
                notes.add(label(service, name) + " cannot be read with this token: compared by name only.");
                continue;
            }
            if (x.value().equals(y.value())) {
                continue; // an equal secret is found by sameSecrets, at any address
            }
            String textX = declaredText(declaredX);
            String textY = declaredText(declaredY);
            boolean declared = textX != null && textY != null && !textX.equals(textY);
            differences.add(new Difference(Type.DIFFERENT, Subject.VARIABLE, service, name, leftAddress, rightAddress,
                    x.value(), y.value(), sensitive(left, x, declaredX, declaredY) || sensitive(right, y, declaredY, declaredX),
                    declared, null));
        }
    }

    private static String label(String service, String name) {
        return service == null ? "The shared variable " + name : service + "'s variable " + name;
    }

    /** A service variable holding a value of its own where its environment shares one of the same name. */
    private void shadowing(LiveEnvironment env) {
        boolean isLeft = env == left;
        for (LiveService service : project.services().stream().sorted(Comparator.comparing(LiveService::name)).toList()) {
            LiveServiceInstance instance = env.instance(service.id()).orElse(null);
            if (instance == null) {
                continue;
            }
            for (LiveVariable variable : instance.variables().values()) {
                if (!env.sharedVariables().containsKey(variable.name()) || variable.readable()
                        && References.isSharedReference(variable.value().reveal(), variable.name())) {
                    continue;
                }
                VariableSpec declared = declaredVariable(env, service.name(), variable.name());
                String text = declaredText(declared);
                String address = Address.variable(env.name(), service.name(), variable.name()).text();
                differences.add(new Difference(Type.SHADOWS, Subject.VARIABLE, service.name(), variable.name(),
                        isLeft ? address : null, isLeft ? null : address, isLeft ? variable.value() : null,
                        isLeft ? null : variable.value(), sensitive(env, variable, declared, null),
                        text != null && !References.isSharedReference(text, variable.name()),
                        "in " + env.name() + ", shadows the shared " + variable.name() + " with a value of its own (not ${{shared."
                                + variable.name() + "}})"));
            }
        }
    }

    /**
     * Every secret of the right environment whose value equals a secret of the left one, at any
     * address. Values holding Railway references are skipped: Railway renders them per environment.
     */
    private void sameSecrets() {
        Map<Fingerprint, List<String>> leftSecrets = new LinkedHashMap<>();
        secrets(left).forEach((address, value) ->
                leftSecrets.computeIfAbsent(Fingerprint.of(value.reveal(), key), k -> new ArrayList<>()).add(address));
        secrets(right).forEach((address, value) -> {
            for (String leftAddress : leftSecrets.getOrDefault(Fingerprint.of(value.reveal(), key), List.of())) {
                Address r = parse(right, address);
                VariableSpec declaredLeft = declaredAt(left, leftAddress);
                VariableSpec declaredRight = declaredVariable(right, r.service(), r.name());
                String textLeft = declaredText(declaredLeft);
                boolean declared = textLeft != null && textLeft.equals(declaredText(declaredRight));
                differences.add(new Difference(Type.SAME_SECRET, Subject.VARIABLE, r.service(), r.name(), leftAddress,
                        address, null, null, true, declared, address + " holds the same secret value as " + leftAddress
                                + (declared ? " (the spec declares the same source for both)" : "")));
            }
        });
    }

    /** The readable secret values of an environment, by address; those holding Railway references left out. */
    private Map<String, Secret> secrets(LiveEnvironment env) {
        Map<String, Secret> out = new LinkedHashMap<>();
        for (LiveService service : project.services()) {
            env.instance(service.id()).ifPresent(instance -> instance.variables().values().forEach(v -> {
                if (secretValue(env, v, declaredVariable(env, service.name(), v.name()))) {
                    out.put(Address.variable(env.name(), service.name(), v.name()).text(), v.value());
                }
            }));
        }
        env.sharedVariables().values().forEach(v -> {
            if (secretValue(env, v, declaredVariable(env, null, v.name()))) {
                out.put(Address.variable(env.name(), null, v.name()).text(), v.value());
            }
        });
        return out;
    }

    private boolean secretValue(LiveEnvironment env, LiveVariable v, VariableSpec declared) {
        return v.readable() && !v.value().isEmpty() && !References.hasReference(v.value().reveal())
                && sensitive(env, v, declared, null);
    }

    private Address parse(LiveEnvironment env, String address) {
        String rest = address.substring(env.name().length() + 1);
        if (rest.startsWith("variable/")) {
            return Address.variable(env.name(), null, rest.substring("variable/".length()));
        }
        int slash = rest.indexOf("/variable/");
        return Address.variable(env.name(), rest.substring(0, slash), rest.substring(slash + "/variable/".length()));
    }

    private VariableSpec declaredAt(LiveEnvironment env, String address) {
        Address a = parse(env, address);
        return declaredVariable(env, a.service(), a.name());
    }

    // ---- the spec's side --------------------------------------------------------------------

    /** A variable of {@code env} (declared there as {@code here}; {@code there} in the other environment). */
    private boolean sensitive(LiveEnvironment env, LiveVariable v, VariableSpec here, VariableSpec there) {
        return Sensitivity.in(declaredEnvironment(env), env, project).variable(v.name(), here, v)
                || there != null && there.sensitive();
    }

    private EnvironmentSpec declaredEnvironment(LiveEnvironment env) {
        return spec.environments().stream().filter(e -> e.name().equals(env.name())).findFirst().orElse(null);
    }

    private boolean enabled(LiveEnvironment env, String service) {
        EnvironmentSpec declared = declaredEnvironment(env);
        return declared != null && declared.service(service).map(ServiceInstanceSpec::enabled).orElse(false);
    }

    private Object declaredSetting(LiveEnvironment env, String service, String key) {
        EnvironmentSpec declared = declaredEnvironment(env);
        return declared == null ? null : declared.service(service).filter(ServiceInstanceSpec::enabled)
                .map(i -> i.settings().get(key)).orElse(null);
    }

    private VariableSpec declaredVariable(LiveEnvironment env, String service, String name) {
        EnvironmentSpec declared = declaredEnvironment(env);
        if (declared == null) {
            return null;
        }
        if (service == null) {
            return declared.sharedVariables().get(name);
        }
        return declared.service(service).filter(ServiceInstanceSpec::enabled).map(i -> i.variables().get(name)).orElse(null);
    }

    /** What the spec writes for a variable ({@code ${env:X}} unresolved), compared in memory, never shown. */
    private static String declaredText(VariableSpec v) {
        if (v == null) {
            return null;
        }
        return v.template() != null ? v.template() : v.value() == null ? null : v.value().reveal();
    }

}
