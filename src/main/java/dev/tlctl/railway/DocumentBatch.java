package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlctl.railway.GraphQLRequest.OperationType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document composed by {@link BatchComposer}: the text, the renamed variables, and where each
 * part's answer is found in the {@code data} object.
 */
public final class DocumentBatch {
    private final String document;
    private final String operationName;
    private final OperationType type;
    private final Map<String, Object> variables;
    private final Map<String, Map<String, String>> keys;
    private final String operation;

    DocumentBatch(String document, String operationName, OperationType type, Map<String, Object> variables,
            Map<String, Map<String, String>> keys, String operation) {
        this.document = document;
        this.operationName = operationName;
        this.type = type;
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        keys.forEach((alias, fields) -> copy.put(alias, Collections.unmodifiableMap(new LinkedHashMap<>(fields))));
        this.keys = Collections.unmodifiableMap(copy);
        this.operation = operation;
    }

    /** The composed document. */
    public String document() {
        return document;
    }

    /** The variables under their composed names ({@code <alias>_<name>}); may hold secrets. */
    public Map<String, Object> variables() {
        return variables;
    }

    /** The parts' aliases in the order they were added. */
    public List<String> aliases() {
        return new ArrayList<>(keys.keySet());
    }

    public boolean isMutation() {
        return type == OperationType.MUTATION;
    }

    /** The root fields it calls, for messages: {@code serviceCreate x2, environmentCreate}. */
    public String operation() {
        return operation;
    }

    /** A request for this batch; {@code retrySafe} only when every part is a read or idempotent. */
    public GraphQLRequest request(String action, boolean retrySafe) {
        return new GraphQLRequest(operation, action, document, operationName, type, variables, retrySafe);
    }

    /**
     * The answer of a part with one root field: {@code data.<alias>}; missing when absent.
     *
     * @throws IllegalArgumentException for an unknown alias or a part with several root fields
     */
    public JsonNode result(JsonNode data, String alias) {
        Map<String, String> fields = fields(alias);
        if (fields.size() != 1) {
            throw new IllegalArgumentException("Part " + alias + " has " + fields.size()
                    + " root fields; read it with data(data, alias).");
        }
        return data.path(fields.values().iterator().next());
    }

    /** A part's answer as if it had been sent alone: its root fields under their own names. */
    public ObjectNode data(JsonNode data, String alias) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        fields(alias).forEach((key, composed) -> {
            if (data.has(composed)) {
                out.set(key, data.get(composed));
            }
        });
        return out;
    }

    private Map<String, String> fields(String alias) {
        Map<String, String> fields = keys.get(alias);
        if (fields == null) {
            throw new IllegalArgumentException("The batch has no part with alias " + alias + "; it has " + keys.keySet() + ".");
        }
        return fields;
    }

    static String label(List<String> fieldNames) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        fieldNames.forEach(name -> counts.merge(name, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((name, count) -> parts.add(count == 1 ? name : name + " x" + count));
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return "DocumentBatch[" + operation + ", variables=" + variables.keySet() + "]";
    }
}
