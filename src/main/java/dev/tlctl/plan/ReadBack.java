package dev.tlctl.plan;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.live.LiveServiceInstance;
import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a write Railway could not guard: an environment read back after its commit must hold
 * exactly what the plan read plus the plan's changes, item by item (instances, their settings
 * and variables, shared variables). Anything else means someone else wrote to it at the same
 * time, and one of the two writes may be lost: the caller fails loudly, naming what differs. A
 * pure function of the plan and two reads.
 */
public final class ReadBack {
    private ReadBack() {}

    /**
     * The addresses in {@code environment} whose value after the apply is not what the plan's
     * before-state and changes say; empty when the write landed alone.
     */
    public static List<String> differences(Plan plan, String environment, LiveProject before, LiveProject after) {
        LiveEnvironment was = before == null ? null : before.environment(environment).orElse(null);
        LiveEnvironment now = after.environment(environment).orElse(null);
        List<String> out = new ArrayList<>();
        if (now == null) {
            out.add(Address.environment(environment).text());
            return out;
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        for (Change c : plan.changesIn(environment)) {
            // An instance added and removed in one apply ends removed: the later change wins.
            changes.put(c.address().text(), c);
        }
        Map<String, String> names = new LinkedHashMap<>();
        if (before != null) {
            before.services().forEach(s -> names.put(s.id(), s.name()));
        }
        after.services().forEach(s -> names.put(s.id(), s.name()));
        Set<String> ids = new LinkedHashSet<>();
        if (was != null) {
            ids.addAll(was.instances().keySet());
        }
        ids.addAll(now.instances().keySet());
        for (String id : ids) {
            String service = names.getOrDefault(id, id);
            LiveServiceInstance old = was == null ? null : was.instance(id).orElse(null);
            LiveServiceInstance current = now.instance(id).orElse(null);
            Address address = Address.instance(environment, service);
            Change change = changes.get(address.text());
            boolean expected = change == null ? old != null : change.action() == Action.CREATE;
            if (expected != (current != null)) {
                out.add(address.text());
                continue;
            }
            if (current == null) {
                continue;
            }
            compareSettings(environment, service, old, current, changes, out);
            compareVariables(environment, service, old == null ? Map.of() : old.variables(), current.variables(), changes, out);
        }
        compareVariables(environment, null, was == null ? Map.of() : was.sharedVariables(), now.sharedVariables(), changes, out);
        return out;
    }

    /**
     * The addresses of this plan's own changes in {@code environment} that the read-back does not
     * hold as written: for an environment whose staged changes were committed together with them,
     * where everything else may rightly have changed too.
     */
    public static List<String> ownDifferences(Plan plan, String environment, LiveProject before, LiveProject after) {
        Set<String> own = new LinkedHashSet<>();
        plan.changesIn(environment).forEach(c -> own.add(c.address().text()));
        return differences(plan, environment, before, after).stream().filter(own::contains).toList();
    }

    private static void compareSettings(String env, String service, LiveServiceInstance old, LiveServiceInstance current,
            Map<String, Change> changes, List<String> out) {
        Set<String> keys = new LinkedHashSet<>(current.settings().keySet());
        if (old != null) {
            keys.addAll(old.settings().keySet());
        }
        for (Change c : changes.values()) {
            if (c instanceof Change.Setting s && service.equals(s.service())) {
                keys.add(s.key());
            }
        }
        for (String key : keys) {
            Address address = Address.setting(env, service, key);
            Object expected = changes.get(address.text()) instanceof Change.Setting s ? s.after()
                    : old == null ? null : old.settings().get(key);
            if (!Values.same(expected, current.settings().get(key))) {
                out.add(address.text());
            }
        }
    }

    private static void compareVariables(String env, String service, Map<String, LiveVariable> old,
            Map<String, LiveVariable> current, Map<String, Change> changes, List<String> out) {
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(current.keySet());
        for (Change c : changes.values()) {
            if (c instanceof Change.Variable v && Objects.equals(service, v.service())) {
                names.add(v.name());
            }
        }
        for (String name : names) {
            Address address = Address.variable(env, service, name);
            LiveVariable now = current.get(name);
            Change change = changes.get(address.text());
            boolean present;
            Secret value;
            if (change instanceof Change.Variable v) {
                present = v.action() != Action.DELETE;
                value = v.after();
            } else {
                LiveVariable was = old.get(name);
                present = was != null;
                value = was == null ? null : was.value();
            }
            if (present != (now != null)) {
                out.add(address.text());
            } else if (now != null && value != null && now.value() != null && !value.equals(now.value())) {
                out.add(address.text()); // a sealed or unreadable value compares by presence only
            }
        }
    }
}
