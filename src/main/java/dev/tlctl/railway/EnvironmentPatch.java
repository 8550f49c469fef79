package dev.tlctl.railway;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A partial {@code EnvironmentConfig} for {@code environmentPatchCommit}: Railway deep-merges it
 * into the environment's config, and a null removes a key. Secret values stay {@link Secret}s
 * inside the JSON tree until the transport writes the request body, so printing a patch never
 * shows them. Counts what it holds, for progress messages.
 *
 * <p>A variable is held in the tree as one {@link Variable} (a patch can set a hundred thousand of
 * them: an object node, its map and a value node each came to about 30 MB per large apply), and
 * the patch writes itself into the request body ({@link JsonSerializable}), byte for byte as the
 * tree {@link #json()} makes would be written.
 */
public final class EnvironmentPatch implements JsonSerializable {
    private final ObjectNode root = ConfigCodec.newObject();
    private int entries;
    /** The variables object last written to, and its service id (null: the shared variables). */
    private ObjectNode lastVariables;
    private String lastService;

    public boolean isEmpty() {
        return entries == 0;
    }

    /** How many settings, variables and instance changes the patch holds. */
    public int size() {
        return entries;
    }

    /** Adds the service to this environment ({@code isCreated: true}, as Railway's CLI does). */
    public EnvironmentPatch createInstance(String serviceId) {
        service(serviceId).put("isCreated", true);
        entries++;
        return this;
    }

    /** Removes the service from this environment only. */
    public EnvironmentPatch deleteInstance(String serviceId) {
        service(serviceId).put("isDeleted", true);
        entries++;
        return this;
    }

    /** Writes the changed settings of one instance; see {@link ConfigCodec#writeSettings}. */
    public EnvironmentPatch settings(String serviceId, Set<String> changed, Map<String, Object> prior,
            Map<String, Object> desired) {
        ConfigCodec.writeSettings(service(serviceId), changed, prior, desired);
        entries += changed.size();
        return this;
    }

    /**
     * Sets a service variable, or a shared one when {@code serviceId} is null. A sensitive value
     * stays a {@link Secret} in the tree (revealed only into the request body, and cleared from
     * any error text Railway sends back); any other value is written as plain text.
     */
    public EnvironmentPatch setVariable(String serviceId, String name, Secret value, boolean sensitive, boolean sealed) {
        variables(serviceId).set(name, new POJONode(new Variable(sensitive || sealed ? value : value.reveal(), sealed)));
        entries++;
        return this;
    }

    /**
     * A variable set by the patch, written {@code {"value": ..., "isSealed": true}} (the last only
     * when sealed).
     *
     * @param value a {@link Secret} (revealed only into the request body) or plain text
     */
    private record Variable(Object value, boolean sealed) {
        /** The variable as an object node (its secret a {@link POJONode}), as the tree held it. */
        ObjectNode node() {
            ObjectNode node = ConfigCodec.newObject();
            if (value instanceof Secret secret) {
                node.set("value", new POJONode(secret));
            } else {
                node.put("value", (String) value);
            }
            if (sealed) {
                node.put("isSealed", true);
            }
            return node;
        }

        void write(JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartObject();
            generator.writeFieldName("value");
            if (value instanceof Secret) {
                provider.defaultSerializeValue(value, generator); // as a POJONode holding it writes it
            } else {
                generator.writeString((String) value);
            }
            if (sealed) {
                generator.writeBooleanField("isSealed", true);
            }
            generator.writeEndObject();
        }
    }

    /** Removes a service variable, or a shared one when {@code serviceId} is null. */
    public EnvironmentPatch deleteVariable(String serviceId, String name) {
        variables(serviceId).putNull(name);
        entries++;
        return this;
    }

    /**
     * Grows a volume to {@code sizeMB} ({@code volumes.<id>.sizeMB}: Railway takes a size only in
     * the environment's config and never shrinks a volume).
     */
    public EnvironmentPatch volumeSize(String volumeId, int sizeMB) {
        ConfigCodec.object(ConfigCodec.object(root, "volumes"), volumeId).put("sizeMB", sizeMB);
        entries++;
        return this;
    }

    /**
     * The patch as JSON text with every secret value shown as {@code (sensitive)}: for messages,
     * logs and tests; never what is sent.
     */
    public String masked() {
        return maskTree(json()).toString();
    }

    /** The tree with every secret (a {@link POJONode}) replaced by {@code (sensitive)}, in place. */
    static com.fasterxml.jackson.databind.JsonNode maskTree(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(e -> object.set(e.getKey(), maskTree(e.getValue())));
        } else if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, maskTree(array.get(i)));
            }
        } else if (node instanceof POJONode) {
            return ConfigCodec.newObject().textNode(Secret.MASK);
        }
        return node;
    }

    /**
     * The JSON to send, as a new tree: holds {@link Secret}s (as {@link POJONode}s) that only the
     * transport's mapper reveals. What {@link #serialize} writes is this tree's JSON.
     */
    ObjectNode json() {
        return (ObjectNode) expanded(root);
    }

    /** A copy of {@code node} with each {@link Variable} as its object node. */
    private static JsonNode expanded(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = ConfigCodec.newObject();
            object.properties().forEach(e -> copy.set(e.getKey(), expanded(e.getValue())));
            return copy;
        }
        if (node instanceof POJONode pojo && pojo.getPojo() instanceof Variable variable) {
            return variable.node();
        }
        return node.deepCopy();
    }

    /**
     * Writes the patch as {@link #json()}'s tree would be written by the same provider (objects in
     * order, nulls and empty arrays kept, as Jackson's defaults write a tree), without making it.
     */
    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        write(root, generator, provider);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSerializer)
            throws IOException {
        serialize(generator, provider); // never written with type information
    }

    private static void write(ObjectNode object, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeStartObject();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            generator.writeFieldName(e.getKey());
            JsonNode value = e.getValue();
            if (value instanceof POJONode pojo && pojo.getPojo() instanceof Variable variable) {
                variable.write(generator, provider);
            } else if (value instanceof ObjectNode child) {
                write(child, generator, provider);
            } else {
                value.serialize(generator, provider);
            }
        }
        generator.writeEndObject();
    }

    private ObjectNode service(String serviceId) {
        return ConfigCodec.object(ConfigCodec.object(root, "services"), serviceId);
    }

    private ObjectNode variables(String serviceId) {
        // Variables come by service: the object of the one before is found again at once (nothing replaces it).
        if (lastVariables != null && Objects.equals(serviceId, lastService)) {
            return lastVariables;
        }
        lastService = serviceId;
        lastVariables = serviceId == null ? ConfigCodec.object(root, "sharedVariables")
                : ConfigCodec.object(service(serviceId), "variables");
        return lastVariables;
    }

    @Override
    public String toString() {
        return "EnvironmentPatch(" + entries + " entries)";
    }
}
