package dev.tlctl.railway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.tlctl.secret.Secret;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Railway change set ({@code environmentApplyChangeSet} input, version 1, CHANGESETS.md) for one
 * environment: the changes of its services' variables, settings and instances, addressed by
 * service name ({@code service.engine-api}). Applied with the {@code configEtag} the plan read as
 * {@code baseConfigEtag}, Railway refuses it whole if the environment changed since: the write
 * cannot overwrite what someone else wrote in between. Shared variables have no address in the
 * change-set vocabulary, so an environment whose changes include one is written as an
 * {@link EnvironmentPatch} instead. A settings part ({@code source}, {@code build},
 * {@code deploy}) is replaced whole, so it is built from the part as read with tlctl's changes
 * on top: keys tlctl does not model stay. Secret values stay {@link Secret}s until the transport
 * writes the request body.
 */
public final class ChangeSet {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ArrayNode changes = JSON.arrayNode();

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** How many changes it holds. */
    public int size() {
        return changes.size();
    }

    private static String address(String service) {
        return "service." + service;
    }

    private ObjectNode change(String kind, String service, String path, String summary, String severity) {
        ObjectNode change = changes.addObject();
        change.put("kind", kind);
        change.put("address", address(service));
        change.put("path", "resources." + address(service) + path);
        change.put("summary", summary);
        change.put("severity", severity);
        change.put("deployEffect", "deploy");
        return change;
    }

    /**
     * Sets a service variable: a literal value, sealed for good when {@code sealed}; with its
     * value {@code before} when it exists already ({@code null}: new), as Railway's CLI sends it
     * (src/iac/change_set.rs {@code diff_variables}). A value that cannot be read (sealed, masked)
     * goes as {@code {type: "preserve"}}.
     */
    public ChangeSet setVariable(String service, String name, Secret value, Secret before, boolean exists,
            boolean sensitive, boolean sealed) {
        ObjectNode change = change("variable.set", service, ".variables." + name,
                (exists ? "Update" : "Set") + " variable " + service + "." + name, "safe");
        change.put("variable", name);
        if (exists) {
            change.set("before", before == null ? preserve() : literal(before, true, false));
        }
        change.set("after", literal(value, sensitive, sealed));
        return this;
    }

    /**
     * Removes a service variable, with its value {@code previous} (Railway's change-set type
     * requires it: railway-ts-sdk src/iac/change-set.ts {@code DeleteVariableChange}); a value
     * that cannot be read goes as {@code {type: "preserve"}}.
     */
    public ChangeSet deleteVariable(String service, String name, Secret previous) {
        ObjectNode change = change("variable.delete", service, ".variables." + name,
                "Delete variable " + service + "." + name, "destructive");
        change.put("variable", name);
        change.set("previous", previous == null ? preserve() : literal(previous, true, false));
        return this;
    }

    /**
     * Changes settings of an instance: each part of the config the keys live in ({@code source},
     * {@code build}, {@code deploy}) is sent whole, as read ({@code sections}) with the changed keys
     * written over it as {@link ConfigCodec} writes a patch, nulls included: Railway reads
     * {@code after} as a sparse patch of the part, where a key left out stays and a null removes
     * one (a region the replicas leave), and under a whole replacement a null is simply absent. A
     * {@code source} carries its {@code type} ({@code github} with a repository, {@code image}
     * with an image): Railway's translators keep repo and branch only for type github, and image
     * only for type image (railwayapp/cli src/iac/compiler.rs, railway-ts-sdk src/iac/compiler.ts).
     */
    public ChangeSet updateSettings(String service, Set<String> changed, Map<String, Object> prior,
            Map<String, Object> desired, Map<String, String> sections) {
        ObjectNode before = JSON.objectNode();
        sections.forEach((part, json) -> before.set(part, parse(json)));
        ObjectNode after = before.deepCopy();
        ConfigCodec.writeSettings(after, changed, prior, desired);
        for (String part : parts(changed)) {
            ObjectNode change = change("resource.update", service, "." + part, "Update " + service + " " + part, "safe");
            change.put("field", part);
            change.set("before", before.has(part) ? typed(part, before.get(part)) : JSON.nullNode());
            JsonNode written = after.get(part);
            change.set("after", written == null || written.isEmpty() ? JSON.nullNode() : typed(part, written));
        }
        return this;
    }

    /** Adds the service's instance to this environment, with its settings and variables. */
    public ChangeSet createInstance(String service, Map<String, Object> settings, Map<String, VariableWrite> variables) {
        ObjectNode node = JSON.objectNode();
        node.put("address", address(service));
        node.put("type", "service");
        node.put("name", service);
        ConfigCodec.writeSettings(node, settings.keySet(), Map.of(), settings);
        for (String part : ConfigCodec.SECTIONS) {
            JsonNode written = withoutNulls(node.get(part));
            if (written == null || written.isEmpty()) {
                node.remove(part);
            } else {
                node.set(part, typed(part, written));
            }
        }
        if (!variables.isEmpty()) {
            ObjectNode vars = node.putObject("variables");
            variables.forEach((name, v) -> vars.set(name, literal(v.value(), v.sensitive(), v.sealed())));
        }
        ObjectNode change = change("resource.create", service, "", "Create service " + service, "safe");
        change.set("resource", node);
        return this;
    }

    /** A {@code source} part with its graph {@code type}: github with a repository, image with an image. */
    private static JsonNode typed(String part, JsonNode value) {
        if (!part.equals("source") || !(value instanceof ObjectNode object)) {
            return value;
        }
        ObjectNode copy = object.deepCopy();
        if (copy.hasNonNull("repo")) {
            copy.put("type", "github");
        } else if (copy.hasNonNull("image")) {
            copy.put("type", "image");
        }
        return copy;
    }

    /** A variable of an instance created by a change set. */
    public record VariableWrite(Secret value, boolean sensitive, boolean sealed) {}

    /** Removes the service's instance from this environment only. */
    public ChangeSet deleteInstance(String service) {
        ObjectNode change = change("resource.delete", service, "", "Delete service " + service, "destructive");
        change.putObject("previous").put("address", address(service)).put("type", "service").put("name", service);
        return this;
    }

    /** A change's identity across Railway's preview: its kind and path. */
    static String key(JsonNode change) {
        return change.path("kind").asText() + " " + change.path("path").asText();
    }

    /** The changes of this set that {@code kept} (keys, see {@link #key}) names, in that order. */
    ChangeSet keeping(java.util.List<String> kept) {
        ChangeSet out = new ChangeSet();
        for (String key : kept) {
            for (JsonNode change : changes) {
                if (key(change).equals(key)) {
                    out.changes.add(change);
                    break;
                }
            }
        }
        return out;
    }

    /** The {@code input} to send; holds {@link Secret}s that only the transport's mapper reveals. */
    ObjectNode input() {
        ObjectNode input = JSON.objectNode();
        input.put("version", 1);
        input.set("changes", changes);
        input.putArray("diagnostics");
        return input;
    }

    /** The change set as JSON text with every secret shown as {@code (sensitive)}: never what is sent. */
    public String masked() {
        return EnvironmentPatch.maskTree(input().deepCopy()).toString();
    }

    private static ObjectNode preserve() {
        ObjectNode preserve = JSON.objectNode();
        preserve.put("type", "preserve");
        return preserve;
    }

    private static ObjectNode literal(Secret value, boolean sensitive, boolean sealed) {
        ObjectNode literal = JSON.objectNode();
        literal.put("type", "literal");
        if (sensitive || sealed) {
            literal.set("value", new POJONode(value));
        } else {
            literal.put("value", value.reveal());
        }
        if (sealed) {
            literal.put("isSealed", true);
        }
        return literal;
    }

    /** The config parts that hold these setting keys. */
    private static Set<String> parts(Set<String> keys) {
        Set<String> parts = new LinkedHashSet<>();
        for (String part : ConfigCodec.SECTIONS) {
            if (keys.stream().anyMatch(k -> k.startsWith(part + "."))) {
                parts.add(part);
            }
        }
        return parts;
    }

    private static ObjectNode parse(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            return node instanceof ObjectNode o ? o : JSON.objectNode();
        } catch (JsonProcessingException e) {
            return JSON.objectNode();
        }
    }

    /** A copy without null members (in a patch a null removes a key; in a whole part it is simply absent). */
    private static JsonNode withoutNulls(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return node;
        }
        ObjectNode copy = JSON.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue() == null || e.getValue().isNull()) {
                continue;
            }
            JsonNode value = withoutNulls(e.getValue());
            if (value instanceof ObjectNode o && o.isEmpty() && e.getValue().size() > 0) {
                continue; // only nulls inside: removed
            }
            copy.set(e.getKey(), value);
        }
        return copy;
    }

    @Override
    public String toString() {
        return "ChangeSet(" + changes.size() + " changes)";
    }
}
