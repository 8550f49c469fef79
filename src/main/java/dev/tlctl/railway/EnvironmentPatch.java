package dev.tlctl.railway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.tlctl.secret.Secret;
import java.util.Map;
import java.util.Set;

/**
 * A partial {@code EnvironmentConfig} for {@code environmentPatchCommit}: Railway deep-merges it
 * into the environment's config, and a null removes a key. Secret values stay {@link Secret}s
 * inside the JSON tree until the transport writes the request body, so printing a patch never
 * shows them. Counts what it holds, for progress messages.
 */
public final class EnvironmentPatch {
    private final ObjectNode root = ConfigCodec.newObject();
    private int entries;

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
        ObjectNode variable = variables(serviceId).putObject(name);
        if (sensitive || sealed) {
            variable.set("value", new POJONode(value));
        } else {
            variable.put("value", value.reveal());
        }
        if (sealed) {
            variable.put("isSealed", true);
        }
        entries++;
        return this;
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
        return maskTree(root.deepCopy()).toString();
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

    /** The JSON to send; holds {@link Secret}s that only the transport's mapper reveals. */
    ObjectNode json() {
        return root;
    }

    private ObjectNode service(String serviceId) {
        return ConfigCodec.object(ConfigCodec.object(root, "services"), serviceId);
    }

    private ObjectNode variables(String serviceId) {
        return serviceId == null ? ConfigCodec.object(root, "sharedVariables")
                : ConfigCodec.object(service(serviceId), "variables");
    }

    @Override
    public String toString() {
        return "EnvironmentPatch(" + entries + " entries)";
    }
}
