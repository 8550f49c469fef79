package dev.tlctl.railway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One GraphQL call and what tlctl was doing when it made it.
 *
 * @param operation the name shown in errors, such as {@code environmentPatchCommit}
 * @param action what tlctl was doing, completing "Could not …", such as "commit the config of
 *     environment staging"
 * @param document the GraphQL document, sent as is
 * @param variables the variables; values may be {@link dev.tlctl.secret.Secret}s, revealed only
 *     into the request body
 * @param retrySafe true for reads and idempotent writes, which the transport may send again;
 *     false for creates, which it never re-sends once they may have reached Railway
 */
public record GraphQLRequest(
        String operation, String action, String document, Map<String, Object> variables, boolean retrySafe) {

    public GraphQLRequest {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(document, "document");
        // Values may be null (an optional argument sent as null), so no Map.copyOf.
        variables = variables == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** A read: safe to retry. */
    public static GraphQLRequest read(String operation, String action, String document, Map<String, Object> variables) {
        return new GraphQLRequest(operation, action, document, variables, true);
    }

    /** A write that is safe to repeat, such as a patch or a delete. */
    public static GraphQLRequest idempotentWrite(
            String operation, String action, String document, Map<String, Object> variables) {
        return new GraphQLRequest(operation, action, document, variables, true);
    }

    /** A create: never re-sent once it may have reached Railway. */
    public static GraphQLRequest create(String operation, String action, String document, Map<String, Object> variables) {
        return new GraphQLRequest(operation, action, document, variables, false);
    }

    /** Names the variables, never their values. */
    @Override
    public String toString() {
        return "GraphQLRequest[operation=" + operation + ", action=" + action + ", variables="
                + variables.keySet() + ", retrySafe=" + retrySafe + "]";
    }
}
