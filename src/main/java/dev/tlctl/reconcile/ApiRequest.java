package dev.tlctl.reconcile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One GraphQL request a run sends to Railway, as a {@link RequestListener} hears it: which
 * operation, what tlctl was doing ("commit the config of environment staging"), the document, and
 * its variables as the client built them (never the token). A secret among them is a
 * {@link dev.tlctl.secret.Secret}, masked unless revealed; {@link #toString()} names the variables
 * only, so a listener that prints should print their names, as the command line's does.
 */
public record ApiRequest(String operation, String action, String document, boolean mutation,
        Map<String, Object> variables) {
    public ApiRequest {
        // Values may be null (an optional argument sent as null), so no Map.copyOf.
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }

    /** Names the variables, never their values. */
    @Override
    public String toString() {
        return "ApiRequest[operation=" + operation + ", action=" + action + ", mutation=" + mutation
                + ", variables=" + variables.keySet() + "]";
    }
}
