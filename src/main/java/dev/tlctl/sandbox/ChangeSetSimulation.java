package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.ChangeSetValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One change set played change by change on a copy of an environment's config. Nothing in the
 * store changes until {@link #createServices()} (and the caller swapping the config in): every
 * refusal happens before, so a refused change set leaves no trace. Addresses are
 * {@code service.<display name>}, resolved by name within the environment's project (or among
 * the services this change set creates).
 */
final class ChangeSetSimulation {
    static final int VERSION = 1;
    /** The fields resource.update may replace, each as a whole. */
    static final Set<String> UPDATABLE_FIELDS = Set.of("source", "build", "deploy");
    /** Keys of a service node that the sandbox writes (source, build, deploy, variables) or ignores (the rest). */
    private static final Set<String> NODE_KEYS = Set.of("address", "type", "name", "kind", "source", "build", "deploy",
            "variables");
    /** Keys of a service node the sandbox cannot apply: accepted only when absent, null or empty. */
    private static final Set<String> UNSUPPORTED_NODE_KEYS = Set.of("networking", "volumeAttachments", "configFile",
            "groupId", "parentServiceId", "clusterRole");
    /** The config key of a service a change set creates, until apply draws its id. */
    private static final String PENDING = "pending:";

    /** What one change did: {@code noop} when the config is the same after it. */
    record Step(ObjectNode change, String kind, String address, String path, String summary, boolean noop,
                String createdName) {}

    private final Store store;
    private final Caller caller;
    private final State.EnvironmentRec environment;
    private final ObjectNode config;
    /** Services this change set creates: display name to pending config key. */
    private final Map<String, String> created = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();

    private ChangeSetSimulation(Store store, Caller caller, State.EnvironmentRec environment) {
        this.store = store;
        this.caller = caller;
        this.environment = environment;
        this.config = environment.config.deepCopy();
    }

    /** Checks the change set and plays every change; a SandboxException names the first problem. */
    static ChangeSetSimulation run(Store store, Caller caller, State.EnvironmentRec environment, Object input) {
        ChangeSetSimulation simulation = new ChangeSetSimulation(store, caller, environment);
        ArrayNode changes = checkEnvelope(Json.toTree(input));
        for (int i = 0; i < changes.size(); i++) {
            simulation.play("changes[" + i + "]", changes.get(i));
        }
        InstanceRules.checkChanged(store, environment, environment.config, simulation.config);
        return simulation;
    }

    private static ArrayNode checkEnvelope(JsonNode input) {
        if (!(input instanceof ObjectNode changeSet)) {
            throw new SandboxException("input must be a change set: {version: 1, changes: [...], diagnostics: [...]}");
        }
        JsonNode version = changeSet.get("version");
        if (version == null || !version.isIntegralNumber() || version.intValue() != VERSION) {
            throw new SandboxException("Unsupported change set version " + (version == null ? "(none)" : version)
                    + ": the tlctl sandbox applies version " + VERSION + " only");
        }
        if (!(changeSet.get("changes") instanceof ArrayNode changes)) {
            throw new SandboxException("input.changes must be an array of changes");
        }
        JsonNode diagnostics = changeSet.get("diagnostics");
        if (diagnostics != null && !diagnostics.isNull()) {
            if (!diagnostics.isArray()) {
                throw new SandboxException("input.diagnostics must be an array");
            }
            for (JsonNode diagnostic : diagnostics) {
                if ("error".equals(diagnostic.path("severity").asText())) {
                    throw new SandboxException("The change set carries an error diagnostic"
                            + (diagnostic.hasNonNull("path") ? " at " + diagnostic.get("path").asText() : "") + ": "
                            + diagnostic.path("message").asText("(no message)") + ". Fix it, then plan again.");
                }
            }
        }
        return changes;
    }

    List<Step> steps() {
        return steps;
    }

    ObjectNode config() {
        return config;
    }

    /** Whether any change is more than a no-op. */
    boolean changesAnything() {
        return steps.stream().anyMatch(s -> !s.noop());
    }

    /**
     * Creates the project services this change set adds and gives their config entries the new
     * ids; returns display name to id. The only step that writes to the store.
     */
    Map<String, String> createServices() {
        Map<String, String> ids = new LinkedHashMap<>();
        ObjectNode services = Json.child(config, "services");
        created.forEach((name, pendingKey) -> {
            State.ServiceRec service = new State.ServiceRec();
            service.id = store.newId();
            service.projectId = environment.projectId;
            service.name = name;
            service.createdAt = store.now();
            service.updatedAt = service.createdAt;
            store.state().services.add(service);
            services.set(service.id, services.remove(pendingKey));
            ids.put(name, service.id);
        });
        return ids;
    }

    /** The addresses whose instance the change set would deploy, compared with the config before it. */
    List<String> deployedAddresses(ObjectNode before) {
        List<String> addresses = new ArrayList<>();
        for (String key : Json.fieldNames(Json.at(config, "services"))) {
            if (ConfigMapping.needsDeploy(Json.at(before, "services", key), Json.at(config, "services", key))
                    && ServiceOps.hasSource(Json.at(config, "services", key))) {
                addresses.add("service." + nameOf(key));
            }
        }
        return addresses;
    }

    private String nameOf(String key) {
        if (key.startsWith(PENDING)) {
            return key.substring(PENDING.length());
        }
        State.ServiceRec service = store.serviceAny(key);
        return service == null ? key : service.name;
    }

    // ---- one change ----

    private void play(String where, JsonNode node) {
        if (!(node instanceof ObjectNode change)) {
            throw new SandboxException(where + " must be an object");
        }
        String kind = text(change, "kind");
        if (kind == null) {
            throw new SandboxException(where + " has no kind");
        }
        String address = text(change, "address");
        if (address == null && change.get("resource") instanceof ObjectNode resource) {
            address = text(resource, "address");
        }
        String label = where + " (" + kind + (address == null ? "" : " " + address) + ")";
        switch (kind) {
            case "variable.set" -> setVariable(label, change, address);
            case "variable.delete" -> deleteVariable(label, change, address);
            case "resource.update" -> updateResource(label, change, address);
            case "resource.create" -> createResource(label, change, address);
            case "resource.delete" -> deleteResource(label, change, address);
            default -> throw new SandboxException(label + ": the tlctl sandbox does not apply " + kind
                    + " changes (it applies variable.set, variable.delete, resource.create, resource.update and"
                    + " resource.delete of services); nothing was applied");
        }
    }

    private void setVariable(String label, ObjectNode change, String address) {
        String serviceName = serviceName(label, address);
        ObjectNode instance = instance(label, address, serviceName);
        String name = variableName(label, change);
        ObjectNode value = ChangeSetValues.variable(label, change.get("after"), this::knownService);
        String path = "resources." + address + ".variables." + name;
        if (value == null) {
            record(change, label, address, path, "Preserve variable " + serviceName + "." + name, true, null);
            return;
        }
        ObjectNode variables = Json.child(instance, "variables");
        JsonNode before = variables.get(name);
        if (Variables.isSealed(before)) {
            value.put("isSealed", true);
        }
        variables.set(name, value);
        record(change, label, address, path, (before == null ? "Set" : "Update") + " variable " + serviceName + "." + name,
                Objects.equals(before, value), null);
    }

    /**
     * variable.delete removes the variable. Its {@code previous} (the value before) is required,
     * as Railway's change-set type declares it (railway-ts-sdk src/iac/change-set.ts
     * {@code DeleteVariableChange.previous}); a change without it is refused.
     */
    private void deleteVariable(String label, ObjectNode change, String address) {
        String serviceName = serviceName(label, address);
        ObjectNode instance = instance(label, address, serviceName);
        String name = variableName(label, change);
        if (!change.has("previous")) {
            throw new SandboxException(label + ": previous is missing (the variable's value before the delete, which"
                    + " Railway's change-set type requires); nothing was applied");
        }
        ObjectNode variables = Json.at(instance, "variables");
        boolean present = variables != null && variables.has(name);
        if (present) {
            variables.remove(name);
        }
        record(change, label, address, "resources." + address + ".variables." + name,
                "Delete variable " + serviceName + "." + name, !present, null);
    }

    /**
     * resource.update applies {@code after} as a sparse patch of the field: a key {@code after}
     * leaves out stays as Railway has it, a {@code null} removes one, an object merges key by key
     * (railwayapp/cli src/iac/change_set.rs {@code networking_after_apply}: "environmentApplyChangeSet
     * reads the block as a sparse patch: a key the author leaves out stays as Railway has it ...
     * a null entry deletes one"; and railway-ts-sdk {@code changeSetToEnvironmentPatch}, which
     * composes a patch to deep-merge). So moving replicas to another region keeps the old one
     * unless {@code after} names it with null. {@code after: null} changes nothing (the
     * translators prune nulls).
     */
    private void updateResource(String label, ObjectNode change, String address) {
        String serviceName = serviceName(label, address);
        ObjectNode instance = instance(label, address, serviceName);
        String field = text(change, "field");
        if (field == null || !UPDATABLE_FIELDS.contains(field)) {
            throw new SandboxException(label + ": the tlctl sandbox updates the fields source, build and deploy only, not "
                    + (field == null ? "(none)" : field) + "; nothing was applied");
        }
        if (!change.has("after")) {
            throw new SandboxException(label + ": after is missing (the new " + field + ", or null)");
        }
        JsonNode after = change.get("after");
        if (!after.isNull() && !after.isObject()) {
            throw new SandboxException(label + ": after must be the " + field + " object, or null");
        }
        JsonNode before = instance.get(field) == null ? null : instance.get(field).deepCopy();
        if (!after.isNull()) {
            Patches.merge(Json.child(instance, field), ChangeSetValues.field(field, (ObjectNode) after));
            if (instance.get(field).isEmpty()) {
                instance.remove(field);
            }
        }
        record(change, label, address, "resources." + address + "." + field, "Update " + serviceName + " " + field,
                Objects.equals(before, instance.get(field)), null);
    }

    /**
     * resource.create of a service node: an instance of an existing project service in this
     * environment, or a new project service with an instance in this environment only.
     */
    private void createResource(String label, ObjectNode change, String address) {
        if (!(change.get("resource") instanceof ObjectNode node)) {
            throw new SandboxException(label + ": resource is missing (the full node to create)");
        }
        if (!"service".equals(text(node, "type"))) {
            throw new SandboxException(label + ": the tlctl sandbox creates service nodes only, not "
                    + (text(node, "type") == null ? "(no type)" : text(node, "type")) + "; nothing was applied");
        }
        String name = addressName(label, address);
        if (text(node, "name") != null && !text(node, "name").equals(name)) {
            throw new SandboxException(label + ": resource.name " + text(node, "name") + " differs from the address "
                    + address);
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            boolean empty = value.isNull() || (value.isContainerNode() && value.isEmpty());
            if (UNSUPPORTED_NODE_KEYS.contains(entry.getKey()) && !empty) {
                throw new SandboxException(label + ": the tlctl sandbox cannot create a service with "
                        + entry.getKey() + "; nothing was applied");
            }
            if (!NODE_KEYS.contains(entry.getKey()) && !UNSUPPORTED_NODE_KEYS.contains(entry.getKey())) {
                throw new SandboxException(label + ": unknown key " + entry.getKey() + " in the service node");
            }
        }
        String key;
        State.ServiceRec existing = store.serviceNamed(environment.projectId, name);
        if (existing != null || created.containsKey(name)) {
            key = existing != null ? existing.id : created.get(name);
            if (Json.at(config, "services", key) != null) {
                throw new SandboxException(label + ": " + address + " already exists in environment "
                        + environment.name);
            }
        } else {
            caller.requireBearer();
            key = PENDING + name;
            created.put(name, key);
        }
        ObjectNode instance = Json.child(config, "services").putObject(key);
        for (String field : UPDATABLE_FIELDS) {
            if (node.get(field) instanceof ObjectNode value) {
                ObjectNode written = Json.MAPPER.createObjectNode();
                Patches.merge(written, ChangeSetValues.field(field, value));
                if (!written.isEmpty()) {
                    instance.set(field, written);
                }
            } else if (node.hasNonNull(field)) {
                throw new SandboxException(label + ": resource." + field + " must be an object");
            }
        }
        JsonNode variables = node.get("variables");
        if (variables != null && !variables.isNull()) {
            if (!variables.isObject()) {
                throw new SandboxException(label + ": resource.variables must be an object of NAME to value");
            }
            ObjectNode written = Json.MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> entry : variables.properties()) {
                String variableLabel = label + " variable " + entry.getKey();
                Variables.requireValidName(variableLabel, entry.getKey());
                ObjectNode value = ChangeSetValues.variable(variableLabel, entry.getValue(), this::knownService);
                if (value != null) {
                    written.set(entry.getKey(), value);
                }
            }
            if (!written.isEmpty()) {
                instance.set("variables", written);
            }
        }
        InstanceDefaults.fill(instance);
        record(change, label, address, "resources." + address, "Create service " + name, false,
                key.startsWith(PENDING) ? name : null);
    }

    /** resource.delete removes the service's instance from this environment only. */
    private void deleteResource(String label, ObjectNode change, String address) {
        String name = serviceName(label, address);
        String key = serviceKey(label, address, name);
        ObjectNode services = Json.at(config, "services");
        boolean present = services != null && services.has(key);
        if (present) {
            services.remove(key);
        }
        record(change, label, address, "resources." + address, "Delete service " + name, !present, null);
    }

    private void record(ObjectNode change, String label, String address, String path, String summary, boolean noop,
                        String createdName) {
        String givenPath = text(change, "path");
        String givenSummary = text(change, "summary");
        steps.add(new Step(change, text(change, "kind"), address, givenPath != null ? givenPath : path,
                givenSummary != null ? givenSummary : summary, noop, createdName));
    }

    // ---- addresses and values ----

    /** The display name of a {@code service.<name>} address; any other address is refused. */
    private String serviceName(String label, String address) {
        String name = addressName(label, address);
        serviceKey(label, address, name);
        return name;
    }

    private static String addressName(String label, String address) {
        if (address == null) {
            throw new SandboxException(label + ": address is missing");
        }
        int dot = address.indexOf('.');
        String type = dot < 0 ? address : address.substring(0, dot);
        if (!type.equals("service") || dot == address.length() - 1) {
            throw new SandboxException(label + ": unsupported address " + address + ": the tlctl sandbox addresses"
                    + " services only, as service.<name>; nothing was applied");
        }
        return address.substring(dot + 1);
    }

    /** The config key of the named service: its id, or its pending key when this change set creates it. */
    private String serviceKey(String label, String address, String name) {
        if (created.containsKey(name)) {
            return created.get(name);
        }
        State.ServiceRec service = store.serviceNamed(environment.projectId, name);
        if (service == null) {
            throw new SandboxException(label + ": unknown address " + address + ": no service named " + name
                    + " in this project");
        }
        return service.id;
    }

    private ObjectNode instance(String label, String address, String name) {
        String key = serviceKey(label, address, name);
        ObjectNode instance = Json.at(config, "services", key);
        if (instance == null && Consistency.pending(environment, key)) {
            throw new SandboxException("ServiceInstance not found");
        }
        if (instance == null) {
            throw new SandboxException(label + ": " + address + " has no instance in environment " + environment.name
                    + "; create it first with resource.create");
        }
        return instance;
    }

    private static String variableName(String label, ObjectNode change) {
        String name = text(change, "variable");
        if (name == null) {
            throw new SandboxException(label + ": variable is missing (the variable's name)");
        }
        Variables.requireValidName(label, name);
        return name;
    }

    /** Whether a reference may name the service: one of the project's, or one this change set creates. */
    private boolean knownService(String name) {
        return created.containsKey(name) || store.serviceNamed(environment.projectId, name) != null;
    }
}
