package dev.tlctl.railway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One GraphQL call and what tlctl was doing when it made it. Whoever builds it knows which
 * operation it sends (tlctl owns its documents), so the transport never reads the document.
 *
 * @param operation the name shown in errors, such as {@code environmentPatchCommit}
 * @param action what tlctl was doing, completing "Could not …", such as "commit the config of
 *     environment staging"
 * @param document the GraphQL document, sent as is
 * @param operationName the name of the document's operation, sent as {@code operationName}; null
 *     to send none (a document holding one operation needs none)
 * @param type whether the operation reads or writes: the answer to a mutation that was lost
 *     leaves its outcome unknown
 * @param variables the variables; values may be {@link dev.tlctl.secret.Secret}s, revealed only
 *     into the request body
 * @param retrySafe true for reads and idempotent writes, which the transport may send again;
 *     false for creates, which it never re-sends once they may have reached Railway
 */
public record GraphQLRequest(String operation, String action, String document, String operationName,
        OperationType type, Map<String, Object> variables, boolean retrySafe) {

    /** The kinds of operation tlctl sends (it sends no subscription). */
    public enum OperationType {
        QUERY, MUTATION;

        /** The keyword that starts such an operation: {@code query} or {@code mutation}. */
        public String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public GraphQLRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(type, "type");
        // Values may be null (an optional argument sent as null), so no Map.copyOf.
        variables = variables == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** A read: safe to retry; no {@code operationName} is sent. */
    public static GraphQLRequest read(String operation, String action, String document, Map<String, Object> variables) {
        return new GraphQLRequest(operation, action, document, null, OperationType.QUERY, variables, true);
    }

    /** A write that is safe to repeat, such as a patch or a delete; no {@code operationName} is sent. */
    public static GraphQLRequest idempotentWrite(
            String operation, String action, String document, Map<String, Object> variables) {
        return new GraphQLRequest(operation, action, document, null, OperationType.MUTATION, variables, true);
    }

    /** A create: never re-sent once it may have reached Railway; no {@code operationName} is sent. */
    public static GraphQLRequest create(String operation, String action, String document, Map<String, Object> variables) {
        return new GraphQLRequest(operation, action, document, null, OperationType.MUTATION, variables, false);
    }

    /** Whether it writes: a mutation. */
    public boolean mutation() {
        return type == OperationType.MUTATION;
    }

    /** Names the variables, never their values. */
    @Override
    public String toString() {
        return "GraphQLRequest[operation=" + operation + ", action=" + action + ", " + type.keyword()
                + (operationName == null ? "" : " " + operationName) + ", variables=" + variables.keySet()
                + ", retrySafe=" + retrySafe + "]";
    }
}
