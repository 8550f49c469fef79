package dev.tlctl.reconcile;

import java.util.List;

/**
 * One GraphQL request a run sends to Railway, as a {@link RequestListener} hears it: which
 * operation, what tlctl was doing ("commit the config of environment staging"), the document, and
 * the names of its variables, never their values (nor the token).
 */
public record ApiRequest(String operation, String action, String document, boolean mutation, List<String> variables) {
    public ApiRequest {
        variables = List.copyOf(variables);
    }
}
