package dev.tlctl.audit;

import dev.tlctl.audit.Difference.Subject;
import dev.tlctl.audit.Difference.Type;
import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.plan.Address;
import dev.tlctl.plan.History;
import dev.tlctl.plan.Sensitivity;
import dev.tlctl.plan.Values;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import dev.tlctl.spec.Spec;
import dev.tlctl.spec.VariableSpec;
import dev.tlctl.secret.Witness;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final History history;

    private EnvironmentComparison(Spec spec, LiveProject project, LiveEnvironment left, LiveEnvironment right,
            History history) {
        this.spec = spec;
        this.history = history;
        this.project = project;
        this.left = left;
        this.right = right;
    }

    /** Compares {@code left} with {@code right}, both environments of {@code project}, with nothing recorded. */
    public static Comparison of(Spec spec, LiveProject project, LiveEnvironment left, LiveEnvironment right) {
        return of(spec, project, left, right, History.NONE);
    }

    /**
     * Compares {@code left} with {@code right}; {@code history} (tlctl's records) tells whether a value
     * the spec reads from the environment is still the one tlctl wrote.
     */
    public static Comparison of(Spec spec, LiveProject project, LiveEnvironment left, LiveEnvironment right,
            History history) {
        return new EnvironmentComparison(spec, project, left, right, history).run();
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
            // Declared only when each side holds what the spec says there (an undeclared side, Railway's default).
            boolean declared = !Values.same(declaredX, declaredY) && holds(key, declaredX, x) && holds(key, declaredY, y);
            differences.add(new Difference(Type.DIFFERENT, Subject.SETTING, service, key,
                    Address.setting(left.name(), service, key).text(), Address.setting(right.name(), service, key).text(),
                    x, y, false, declared, null));
        }
    }

    private static boolean holds(String key, Object declared, Object live) {
        return declared == null ? RailwayDefaults.isDefault(key, live) : Values.same(declared, live);
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
                boolean declared = x == null ? declaredY != null && declaredX == null && holds(right, service, y, declaredY)
                        : declaredX != null && declaredY == null && holds(left, service, x, declaredX);
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
            // Declared only when the spec declares the difference and both sides hold what it says: a hand edit is not.
            boolean declared = textX != null && textY != null && !textX.equals(textY)
                    && holds(left, service, x, declaredX) && holds(right, service, y, declaredY);
            differences.add(new Difference(Type.DIFFERENT, Subject.VARIABLE, service, name, leftAddress, rightAddress,
                    x.value(), y.value(), sensitive(left, x, declaredX, declaredY) || sensitive(right, y, declaredY, declaredX),
                    declared, null));
        }
    }

    /**
     * Whether Railway holds what the spec declares for a variable: its literal value; for a value
     * from {@code ${env:...}} or {@code ${file:...}} (not read here), what tlctl last wrote there, as
     * its records say; a sealed one only by those records.
     */
    private boolean holds(LiveEnvironment env, String service, LiveVariable live, VariableSpec declared) {
        if (declared == null || live == null) {
            return false;
        }
        if (declared.value() != null && live.readable()) {
            return live.value().equals(declared.value());
        }
        Witness written = history.written(Address.variable(env.name(), service, live.name()));
        if (written == null || !live.readable() && !live.sealed()) {
            return false;
        }
        // Sealed: Railway holds what tlctl wrote, unless someone wrote it since (the record cannot tell): trust it.
        return live.sealed() || written.matches(live.value());
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
                        text != null && !References.isSharedReference(text, variable.name())
                                && holds(env, service.name(), variable, declared),
                        "in " + env.name() + ", shadows the shared " + variable.name() + " with a value of its own (not ${{shared."
                                + variable.name() + "}})"));
            }
        }
    }

    /** Every secret of the right environment whose value equals a secret of the left one, at any address. */
    private void sameSecrets() {
        for (SameSecrets.Match m : SameSecrets.between(spec, project, left, right)) {
            differences.add(new Difference(Type.SAME_SECRET, Subject.VARIABLE, m.right().service(), m.right().name(),
                    m.left().text(), m.right().text(), null, null, true, m.declared(), m.detail()));
        }
    }

    // ---- the spec's side --------------------------------------------------------------------

    /** A variable of {@code env} (declared there as {@code here}; {@code there} in the other environment). */
    private boolean sensitive(LiveEnvironment env, LiveVariable v, VariableSpec here, VariableSpec there) {
        return Sensitivity.in(declaredEnvironment(env), env, project).variable(v.name(), here, v)
                || there != null && there.sensitive();
    }

    private EnvironmentSpec declaredEnvironment(LiveEnvironment env) {
        return SameSecrets.environment(spec, env.name());
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
        return SameSecrets.variable(spec, env.name(), service, name);
    }

    private static String declaredText(VariableSpec v) {
        return SameSecrets.text(v);
    }
}
