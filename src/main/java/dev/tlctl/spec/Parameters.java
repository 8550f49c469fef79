package dev.tlctl.spec;

import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per-instance parameters of one environment, from the command line: {@code --set
 * SERVICE.SETTING=VALUE} (such as {@code engine-api.source.branch=feature-x}) and {@code --branch
 * B} (the branch of every service of the environment that deploys a repository), checked like the
 * spec (the settings table, types, "branch needs repo") with errors naming the parameter.
 *
 * <p>Keys a parameter sets belong to that environment (a preview's branch is its own). The data
 * that makes this work: {@link #keys()} are the keys given now (as {@code service/setting});
 * whoever applies them records them with the environment (phase B: in tlctl's record of it), and
 * a later run passes the recorded keys to {@link #over}: a recorded key not given again takes
 * Railway's current value (neither a change nor drift), a key given takes the parameter's value,
 * every other key the spec's.
 */
public record Parameters(Map<String, Map<String, Object>> values) {

    public Parameters {
        Map<String, Map<String, Object>> copy = new TreeMap<>();
        values.forEach((service, settings) -> copy.put(service, Collections.unmodifiableMap(new TreeMap<>(settings))));
        values = Collections.unmodifiableMap(copy);
    }

    public static Parameters none() {
        return new Parameters(Map.of());
    }

    /** The keys given, each {@code service/setting} (such as {@code engine-api/source.branch}), sorted. */
    public Set<String> keys() {
        Set<String> keys = new TreeSet<>();
        values.forEach((service, settings) -> settings.keySet().forEach(k -> keys.add(key(service, k))));
        return Collections.unmodifiableSet(keys);
    }

    /** {@code service/setting}, as {@link #keys()} and the recorded keys write a key. */
    public static String key(String service, String setting) {
        return service + "/" + setting;
    }

    /**
     * Parses and checks the parameters of {@code environment} (a declared environment or one a
     * template names, as read into {@code spec}).
     *
     * @param sets each {@code SERVICE.SETTING=VALUE}; VALUE is read as YAML reads a value
     * @param branch the branch of every service with a repository there; null for none
     * @throws SpecException naming each parameter that is wrong, before anything is sent
     */
    public static Parameters parse(List<String> sets, String branch, Spec spec, String environment) {
        EnvironmentSpec target = spec.environment(environment).orElseThrow(
                () -> new IllegalArgumentException("environment " + environment + " is not in the spec"));
        Problems problems = new Problems();
        NodeReader r = new NodeReader(problems);
        Map<String, Map<String, Object>> values = new TreeMap<>();
        Map<String, Map<String, Location>> where = new TreeMap<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            String address = eq < 0 ? set : set.substring(0, eq);
            // The location names the parameter without its value, which may be a credential.
            Location at = Location.ofFile("--set " + printable(address));
            String service = serviceOf(address, spec);
            if (eq < 0) {
                problems.error(at, "expected SERVICE.SETTING=VALUE", "For example --set engine-api.source.branch=feature-x.");
                continue;
            }
            if (service == null) {
                String name = address.contains(".") ? address.substring(0, address.indexOf('.')) : address;
                List<String> names = spec.services().stream().map(ServiceSpec::name).toList();
                String guess = NodeReader.closest(name, names);
                problems.error(at, "unknown service \"" + printable(name) + "\"", (guess == null ? "" : "Did you mean \""
                        + guess + "\"? ") + "Declared services: " + String.join(", ", names) + ".");
                continue;
            }
            String setting = address.substring(service.length() + 1);
            Settings.Def def = Settings.get(setting);
            if (def == null) {
                String guess = NodeReader.closest(setting, Settings.all().keySet());
                problems.error(at, "unknown setting \"" + printable(setting) + "\"", (guess == null ? "" : "Did you mean \""
                        + guess + "\"? ") + "A parameter sets one of the settings a service takes in the spec,"
                        + " such as source.branch or deploy.numReplicas.");
                continue;
            }
            if (where.getOrDefault(service, Map.of()).containsKey(setting)) {
                problems.error(at, service + "." + setting + " is set twice", "Give each setting once.");
                continue;
            }
            Object value = value(r, def, set.substring(eq + 1), at);
            if (value != null) {
                values.computeIfAbsent(service, s -> new TreeMap<>()).put(setting, value);
                where.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(setting, at);
            }
        }
        if (branch != null) {
            branch(branch, target, values, where, problems, r);
        }
        for (Map.Entry<String, Map<String, Object>> s : values.entrySet()) {
            ServiceInstanceSpec instance = target.service(s.getKey()).orElse(null);
            Map<String, Object> merged = new TreeMap<>(instance == null ? Map.of() : instance.settings());
            merged.putAll(s.getValue());
            Map<String, Location> locations = new LinkedHashMap<>(instance == null ? Map.of() : instance.settingLocations());
            locations.putAll(where.get(s.getKey()));
            if (s.getValue().containsKey(Settings.SOURCE_BRANCH) && !merged.containsKey(Settings.SOURCE_REPO)) {
                problems.error(locations.get(Settings.SOURCE_BRANCH), "source.branch needs source.repo",
                        s.getKey() + " deploys no repository in " + environment + "; a branch belongs to a repository.");
            }
            SettingRules.check(merged, locations, problems);
        }
        problems.throwIfErrors();
        return new Parameters(values);
    }

    private static void branch(String branch, EnvironmentSpec target, Map<String, Map<String, Object>> values,
            Map<String, Map<String, Location>> where, Problems problems, NodeReader r) {
        Location at = Location.ofFile("--branch");
        Object value = value(r, Settings.get(Settings.SOURCE_BRANCH), branch, at);
        List<String> withRepo = new ArrayList<>();
        for (ServiceInstanceSpec instance : target.services().values()) {
            if (instance.enabled() && instance.settings().containsKey(Settings.SOURCE_REPO)) {
                withRepo.add(instance.service());
            }
        }
        if (withRepo.isEmpty()) {
            problems.error(at, "no service of " + target.name() + " deploys a repository",
                    "--branch sets the branch of the services with source.repo; use --set SERVICE.source.image=... for images.");
        }
        if (value == null) {
            return;
        }
        for (String service : withRepo) {
            // --set for one service wins over --branch for all.
            if (values.computeIfAbsent(service, s -> new TreeMap<>()).putIfAbsent(Settings.SOURCE_BRANCH, value) == null) {
                where.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(Settings.SOURCE_BRANCH, at);
            }
        }
    }

    /** The value as YAML reads it, checked by the setting's definition; null (reported) when wrong. */
    private static Object value(NodeReader r, Settings.Def def, String text, Location at) {
        Problems problems = r.problems();
        Problems parsing = new Problems();
        YNode node = text.isBlank() ? null : YamlLoader.parse(text, at.file(), parsing);
        if (node == null || parsing.hasErrors() || node instanceof YMap) {
            problems.error(at, "expected a value for " + def.key(), "Write --set SERVICE." + def.key() + "=VALUE.");
            return null;
        }
        // Messages name the parameter, not a line of a one-line document.
        YNode placed = node instanceof YScalar s ? new YScalar(at, s.text(), s.kind()) : node;
        return SettingReader.read(r, def, placed);
    }

    /** The longest declared service name that {@code address} starts with, followed by a dot. */
    private static String serviceOf(String address, Spec spec) {
        String found = null;
        for (ServiceSpec service : spec.services()) {
            String name = service.name();
            if (address.startsWith(name + ".") && (found == null || name.length() > found.length())) {
                found = name;
            }
        }
        return found;
    }

    private static String printable(String text) {
        String shown = text.chars().anyMatch(Character::isISOControl) ? text.replaceAll("\\p{Cntrl}", "?") : text;
        return shown.length() <= 80 ? shown : shown.substring(0, 77) + "...";
    }

    /**
     * {@code environment} as a run plans it: every setting a parameter gives takes its value; a
     * setting in {@code recorded} (keys parameters set in an earlier run) that is not given again
     * takes Railway's value from {@code current} (service, then setting) when Railway has one;
     * everything else stays the spec's.
     */
    public EnvironmentSpec over(EnvironmentSpec environment, Set<String> recorded,
            Map<String, Map<String, Object>> current) {
        Map<String, ServiceInstanceSpec> services = new LinkedHashMap<>();
        for (ServiceInstanceSpec instance : environment.services().values()) {
            String service = instance.service();
            TreeMap<String, Object> settings = new TreeMap<>(instance.settings());
            Map<String, Object> live = current.getOrDefault(service, Map.of());
            for (String key : recorded) {
                String setting = key.startsWith(service + "/") ? key.substring(service.length() + 1) : null;
                if (setting != null && live.containsKey(setting)) {
                    settings.put(setting, live.get(setting));
                }
            }
            settings.putAll(values.getOrDefault(service, Map.of()));
            services.put(service, new ServiceInstanceSpec(service, instance.enabled(), settings, instance.variables(),
                    instance.location(), instance.settingLocations(), instance.domains(), instance.volumes()));
        }
        return new EnvironmentSpec(environment.name(), environment.from(), environment.isDefault(),
                environment.resolved(), environment.sharedVariables(), services, environment.location());
    }
}
