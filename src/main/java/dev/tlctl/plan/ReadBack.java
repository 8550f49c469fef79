package dev.tlctl.plan;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveService;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.Secret;
import dev.tlctl.spec.EnvironmentSpec;
import dev.tlctl.spec.ServiceInstanceSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a write Railway could not guard: an environment read back after its commit must hold,
 * for everything the spec declares there and everything the plan changes there, exactly what the
 * plan read plus the plan's changes (instances, their settings and variables, shared variables).
 * Anything else means someone else wrote to it at the same time, and one of the two writes may be
 * lost: the caller fails loudly, naming what differs. What the spec does not declare is not
 * compared (Railway fills in defaults of its own in a new instance, and tlctl does not own the
 * rest), and a setting equal to Railway's default is the same as not set ({@link Defaults}). A
 * pure function of the plan, the environment's spec and two reads; immutable once made.
 */
public final class ReadBack {
    private final Plan plan;
    private final LiveProject before;
    /** The services the plan deletes: found once per check, not once per environment (a plan can be large). */
    private final Set<String> deletedServices = new LinkedHashSet<>();

    private ReadBack(Plan plan, LiveProject before) {
        this.plan = plan;
        this.before = before;
        for (Change c : plan.changes()) {
            if (c instanceof Change.Service && c.action() == Action.DELETE) {
                deletedServices.add(c.address().service());
            }
        }
    }

    /** The check of environments written by {@code plan}, which read {@code before} (null: no project yet). */
    public static ReadBack of(Plan plan, LiveProject before) {
        return new ReadBack(plan, before);
    }

    /**
     * The addresses in {@code environment} whose value after the apply is not what the plan's
     * before-state and changes say; empty when the write landed alone.
     */
    public List<String> differences(EnvironmentSpec environment, LiveProject after) {
        String env = environment.name();
        LiveEnvironment was = before == null ? null : before.environment(env).orElse(null);
        LiveEnvironment now = after.environment(env).orElse(null);
        List<String> out = new ArrayList<>();
        if (now == null) {
            out.add(Address.environment(env).text());
            return out;
        }
        // The changes at each address (an instance added and removed in one apply ends removed: the later
        // change wins), grouped once by service (null: the shared variables), then by setting or variable,
        // each in the order its address first comes: no address text per change (changes can be many).
        Map<String, Change.Instance> instanceChanges = new HashMap<>();
        Map<String, Map<String, Change.Setting>> settingsOf = new HashMap<>();
        Map<String, Map<String, Change.Variable>> variablesOf = new HashMap<>();
        Set<String> services = new LinkedHashSet<>(environment.services().keySet());
        for (Change c : plan.changesIn(env)) {
            if (c instanceof Change.Instance i) {
                instanceChanges.put(i.service(), i);
            } else if (c instanceof Change.Setting s) {
                settingsOf.computeIfAbsent(s.service(), k -> new LinkedHashMap<>()).put(s.key(), s);
            } else if (c instanceof Change.Variable v) {
                variablesOf.computeIfAbsent(v.service(), k -> new LinkedHashMap<>()).put(v.name(), v);
            }
            // The service without an address made per change (changes can be many); the address's otherwise.
            String service = c instanceof Change.Variable v ? v.service()
                    : c instanceof Change.Setting s ? s.service() : c.address().service();
            if (service != null) {
                services.add(service);
            }
        }
        for (String service : services) {
            LiveServiceInstance old = instance(before, was, service);
            LiveServiceInstance current = instance(after, now, service);
            Change.Instance change = instanceChanges.get(service);
            boolean expected = deletedServices.contains(service) ? false
                    : change != null ? change.action() == Action.CREATE : old != null;
            if (expected != (current != null)) {
                out.add(Address.instance(env, service).text());
                continue;
            }
            if (current == null) {
                continue;
            }
            ServiceInstanceSpec declared = environment.services().get(service);
            Set<String> keys = new LinkedHashSet<>();
            Set<String> names = Set.of();
            if (declared != null && declared.enabled()) {
                keys.addAll(declared.settings().keySet());
                names = declared.variables().keySet();
            }
            compareSettings(env, service, keys, old, current, settingsOf.getOrDefault(service, Map.of()), out);
            compareVariables(env, service, names, old == null ? Map.of() : old.variables(), current.variables(),
                    variablesOf.getOrDefault(service, Map.of()), out);
        }
        compareVariables(env, null, environment.sharedVariables().keySet(),
                was == null ? Map.of() : was.sharedVariables(), now.sharedVariables(),
                variablesOf.getOrDefault(null, Map.of()), out);
        return out;
    }

    /**
     * The addresses of this plan's own changes in {@code environment} that the read-back does not
     * hold as written: for an environment whose staged changes were committed together with them,
     * where everything else may rightly have changed too.
     */
    public List<String> ownDifferences(EnvironmentSpec environment, LiveProject after) {
        Set<String> own = new LinkedHashSet<>();
        plan.changesIn(environment.name()).forEach(c -> own.add(c.address().text()));
        return differences(environment, after).stream().filter(own::contains).toList();
    }

    private static LiveServiceInstance instance(LiveProject project, LiveEnvironment environment, String service) {
        if (project == null || environment == null) {
            return null;
        }
        return project.service(service).map(LiveService::id).flatMap(environment::instance).orElse(null);
    }

    private static void compareSettings(String env, String service, Set<String> declared, LiveServiceInstance old,
            LiveServiceInstance current, Map<String, Change.Setting> own, List<String> out) {
        Set<String> keys = new LinkedHashSet<>(declared);
        keys.addAll(own.keySet());
        for (String key : keys) {
            Change.Setting change = own.get(key);
            Object expected = change != null ? change.after() : old == null ? null : old.settings().get(key);
            if (!Defaults.same(key, expected, current.settings().get(key))) {
                out.add(Address.setting(env, service, key).text());
            }
        }
    }

    private static void compareVariables(String env, String service, Set<String> declared,
            Map<String, LiveVariable> old, Map<String, LiveVariable> current, Map<String, Change.Variable> own,
            List<String> out) {
        for (String name : declared) {
            compareVariable(env, service, name, old, current, own, out);
        }
        for (String name : own.keySet()) {
            if (!declared.contains(name)) {
                compareVariable(env, service, name, old, current, own, out);
            }
        }
    }

    /** Compares one variable; a set of each instance's names is not copied (variables can be many). */
    private static void compareVariable(String env, String service, String name, Map<String, LiveVariable> old,
            Map<String, LiveVariable> current, Map<String, Change.Variable> own, List<String> out) {
        LiveVariable now = current.get(name);
        Change.Variable change = own.get(name);
        boolean present;
        Secret value;
        if (change != null) {
            present = change.action() != Action.DELETE;
            value = change.after();
        } else {
            LiveVariable was = old.get(name);
            present = was != null;
            value = was == null ? null : was.value();
        }
        if (present != (now != null)) {
            out.add(Address.variable(env, service, name).text());
        } else if (now != null && value != null && now.value() != null && !value.equals(now.value())) {
            // a sealed or unreadable value compares by presence only
            out.add(Address.variable(env, service, name).text());
        }
    }
}
