package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Variables, kept in the config store: service variables at
 * {@code services.<id>.variables.<NAME>{value,isSealed}}, shared ones at
 * {@code sharedVariables.<NAME>{value}}. Reading renders Railway references (and Railway's
 * provided RAILWAY_* variables) unless asked not to; a sealed variable's value never leaves the
 * sandbox, not even through a reference to it.
 */
final class Variables {
    /** ${{shared.NAME}}, ${{ServiceName.NAME}}, ${{NAME}} (spaces inside the braces allowed). */
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{\\{\\s*([^{}]+?)\\s*}}");
    private static final int MAX_DEPTH = 10;

    private Variables() {}

    /** Variable names: letters, digits and underscores, not starting with a digit (what an environment variable can be). */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** A variable name must follow {@link #NAME}; {@code where} says which input it came from. */
    static void requireValidName(String where, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SandboxException(invalidName(where, name));
        }
    }

    static String invalidName(String where, String name) {
        return (where == null ? "" : where + ": ") + "Invalid variable name \"" + name
                + "\": use letters, digits and underscores, not starting with a digit";
    }

    static boolean isSealed(JsonNode variable) {
        return variable != null && variable.path("isSealed").asBoolean(false);
    }

    /** Where a scope's variables live: the service's instance config, or the shared variables. */
    static ObjectNode scope(Store store, State.EnvironmentRec environment, String serviceId, boolean create) {
        if (serviceId == null) {
            return create ? Json.child(environment.config, "sharedVariables")
                    : Json.at(environment.config, "sharedVariables");
        }
        ObjectNode instance = store.requireInstance(environment, serviceId);
        return create ? Json.child(instance, "variables") : Json.at(instance, "variables");
    }

    /** Sets the values (keeping each variable's other keys, such as isSealed); replace empties the scope first. */
    /** The names the scope holds now. */
    static List<String> names(Store store, State.EnvironmentRec environment, String serviceId) {
        ObjectNode scope = scope(store, environment, serviceId, false);
        List<String> names = new java.util.ArrayList<>();
        if (scope != null) {
            scope.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    static void upsert(Store store, State.EnvironmentRec environment, String serviceId,
                       Map<String, String> values, boolean replace) {
        values.keySet().forEach(name -> requireValidName(null, name));
        ObjectNode variables = scope(store, environment, serviceId, true);
        if (replace) {
            variables.removeAll();
        }
        values.forEach((name, value) -> Json.child(variables, name).put("value", value));
        store.touched(environment);
    }

    /** variableDelete: a variable that is not there is an error, as Railway's CLI expects (it checks first). */
    static void delete(Store store, State.EnvironmentRec environment, String serviceId, String name) {
        ObjectNode variables = scope(store, environment, serviceId, false);
        if (variables == null || !variables.has(name)) {
            throw new SandboxException("Variable " + name + " not found");
        }
        variables.remove(name);
        store.touched(environment);
    }

    /**
     * The service ids a change of these variables deploys: the service; for shared variables, every
     * instance that references one of them ({@code ${{shared.NAME}}}), the only way a service sees one.
     */
    static List<String> deployTargets(Store store, State.EnvironmentRec environment, String serviceId,
            java.util.Collection<String> names) {
        if (serviceId != null) {
            return List.of(serviceId);
        }
        java.util.Set<String> changed = new java.util.TreeSet<>(names);
        return store.instanceServiceIds(environment).stream()
                .filter(id -> Patches.readsAny(store.serviceConfig(environment, id), changed))
                .toList();
    }

    /** The EnvironmentVariables input: a JSON object of name to string. */
    static Map<String, String> parseCollection(Object input) {
        JsonNode tree = Json.toTree(input);
        if (!(tree instanceof ObjectNode object)) {
            throw new SandboxException("variables must be a JSON object of name to string value");
        }
        Map<String, String> values = new LinkedHashMap<>();
        object.properties().forEach(entry -> {
            requireValidName(null, entry.getKey());
            JsonNode value = entry.getValue();
            if (!value.isValueNode() || value.isNull()) {
                throw new SandboxException("variable " + entry.getKey() + " must have a string value");
            }
            values.put(entry.getKey(), value.asText());
        });
        return values;
    }

    /**
     * What {@code variables(...)} returns: name to value, rendered unless unrendered. A sealed
     * variable comes back by name with a null value (its value never leaves the sandbox), and so
     * does a variable whose rendering uses a sealed one.
     */
    static Map<String, String> read(Store store, State.EnvironmentRec environment, String serviceId,
                                    boolean unrendered) {
        ObjectNode variables = serviceId == null ? Json.at(environment.config, "sharedVariables")
                : Json.at(environment.config, "services", serviceId, "variables");
        Map<String, String> result = new TreeMap<>();
        if (variables == null) {
            return result;
        }
        variables.properties().forEach(entry -> {
            String value = ConfigMapping.text(entry.getValue(), "value");
            if (isSealed(entry.getValue())) {
                result.put(entry.getKey(), null);
            } else if (value != null) {
                result.put(entry.getKey(), unrendered ? value : new Renderer(store, environment).render(serviceId, value));
            }
        });
        return result;
    }

    /**
     * variablesForServiceDeployment: what a deployment of the service gets: Railway's provided
     * variables ({@link SystemVariables}) and the service's variables rendered, the service's own
     * winning on a clash; sealed ones (and those using them) by name with a null value.
     */
    static Map<String, String> forDeployment(Store store, State.EnvironmentRec environment, String serviceId) {
        Map<String, String> result = new TreeMap<>(SystemVariables.of(store, environment, serviceId));
        result.putAll(read(store, environment, serviceId, false));
        return result;
    }

    /** Renders references, depth-limited; an unresolvable or circular one renders as "", a sealed one makes the whole value null. */
    private static final class Renderer {
        private final Store store;
        private final State.EnvironmentRec environment;
        private final Set<String> visiting = new HashSet<>();
        private boolean sealed;

        Renderer(Store store, State.EnvironmentRec environment) {
            this.store = store;
            this.environment = environment;
        }

        String render(String serviceId, String value) {
            String rendered = render(serviceId, value, 0);
            return sealed ? null : rendered;
        }

        private String render(String serviceId, String value, int depth) {
            Matcher matcher = REFERENCE.matcher(value);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(serviceId, matcher.group(1), depth)));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private String resolve(String serviceId, String reference, int depth) {
            int dot = reference.indexOf('.');
            String scopeId = serviceId;
            String name = reference;
            if (dot >= 0) {
                String prefix = reference.substring(0, dot).trim();
                name = reference.substring(dot + 1).trim();
                if (prefix.equals("shared")) {
                    scopeId = null;
                } else {
                    State.ServiceRec service = store.serviceNamed(environment.projectId, prefix);
                    if (service == null) {
                        return "";
                    }
                    scopeId = service.id;
                }
            }
            ObjectNode variables = scopeId == null ? Json.at(environment.config, "sharedVariables")
                    : Json.at(environment.config, "services", scopeId, "variables");
            JsonNode variable = variables == null ? null : variables.get(name);
            if (isSealed(variable)) {
                sealed = true;
                return "";
            }
            String raw = ConfigMapping.text(variable, "value");
            if (raw == null) {
                String system = scopeId == null ? null : SystemVariables.of(store, environment, scopeId).get(name);
                return system == null ? "" : system;
            }
            String key = scopeId + "/" + name;
            if (depth >= MAX_DEPTH || !visiting.add(key)) {
                return "";
            }
            try {
                return render(scopeId, raw, depth + 1);
            } finally {
                visiting.remove(key);
            }
        }
    }

    /** The reference expressions in a value, as written inside ${{...}}, such as "shared.DOMAIN" or "api.PORT". */
    static List<String> references(String value) {
        List<String> references = new ArrayList<>();
        if (value != null) {
            Matcher matcher = REFERENCE.matcher(value);
            while (matcher.find()) {
                references.add(matcher.group(1).replaceAll("\\s+", ""));
            }
        }
        return references;
    }

    /** The Variable nodes of Environment.variables: shared ones first, then each instance's; names, no values. */
    static List<Map<String, Object>> nodes(Store store, State.EnvironmentRec environment) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        addNodes(nodes, environment, null, Json.at(environment.config, "sharedVariables"));
        for (String serviceId : store.instanceServiceIds(environment)) {
            addNodes(nodes, environment, serviceId, Json.at(environment.config, "services", serviceId, "variables"));
        }
        return nodes;
    }

    private static void addNodes(List<Map<String, Object>> nodes, State.EnvironmentRec environment,
                                 String serviceId, ObjectNode variables) {
        if (variables == null) {
            return;
        }
        new TreeMap<>(toMap(variables)).forEach((name, variable) -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", Ids.variable(environment.id, serviceId, name));
            node.put("name", name);
            node.put("isSealed", isSealed(variable));
            node.put("serviceId", serviceId);
            node.put("environmentId", environment.id);
            node.put("pluginId", null);
            node.put("references", references(ConfigMapping.text(variable, "value")));
            State.InstanceRec instance = serviceId == null ? null : environment.instances.get(serviceId);
            node.put("createdAt", instance != null ? instance.createdAt : environment.createdAt);
            node.put("updatedAt", environment.updatedAt);
            nodes.add(node);
        });
    }

    private static Map<String, JsonNode> toMap(ObjectNode object) {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }

    /** Checks a variables object of a patch: each NAME maps to null or {value: string, isSealed: boolean}. */
    static void validate(String path, JsonNode variables, List<String> problems) {
        if (variables == null || variables.isNull()) {
            return;
        }
        if (!variables.isObject()) {
            problems.add(path + " must be an object of NAME -> {value}");
            return;
        }
        variables.properties().forEach(entry -> {
            JsonNode variable = entry.getValue();
            if (!NAME.matcher(entry.getKey()).matches()) {
                problems.add(invalidName(path, entry.getKey()));
                return;
            }
            if (variable.isNull()) {
                return;
            }
            if (!variable.isObject()) {
                problems.add(path + "." + entry.getKey() + " must be an object {value} or null");
            } else if (variable.has("value") && !variable.get("value").isTextual() && !variable.get("value").isNull()) {
                problems.add(path + "." + entry.getKey() + ".value must be a string");
            } else if (variable.has("isSealed") && !variable.get("isSealed").isBoolean()) {
                problems.add(path + "." + entry.getKey() + ".isSealed must be a boolean");
            }
        });
    }

    /** A copy of a config without its sealed variables: what duplicating an environment copies. */
    static ObjectNode withoutSealed(ObjectNode config) {
        ObjectNode copy = config.deepCopy();
        ObjectNode services = Json.at(copy, "services");
        if (services != null) {
            services.forEach(service -> dropSealed(Json.at(service, "variables")));
        }
        dropSealed(Json.at(copy, "sharedVariables"));
        return copy;
    }

    private static void dropSealed(ObjectNode variables) {
        if (variables != null) {
            variables.properties().removeIf(e -> isSealed(e.getValue()));
        }
    }

    /** Sealing is for good: a variable sealed before a write stays sealed after it. */
    static void keepSealed(ObjectNode before, ObjectNode after) {
        ObjectNode services = Json.at(before, "services");
        if (services != null) {
            services.properties().forEach(e -> keepSealedIn(
                    Json.at(e.getValue(), "variables"), Json.at(after, "services", e.getKey(), "variables")));
        }
        keepSealedIn(Json.at(before, "sharedVariables"), Json.at(after, "sharedVariables"));
    }

    private static void keepSealedIn(ObjectNode before, ObjectNode after) {
        if (before == null || after == null) {
            return;
        }
        before.properties().forEach(e -> {
            if (isSealed(e.getValue()) && after.get(e.getKey()) instanceof ObjectNode variable) {
                variable.put("isSealed", true);
            }
        });
    }
}
