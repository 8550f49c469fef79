package dev.tlctl.reconcile;

import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.secret.Secret;
import java.util.Map;
import java.util.Optional;

/**
 * The token a run sends to Railway: a project token ({@code RAILWAY_TOKEN}: one environment of one
 * project) or an account or workspace token ({@code RAILWAY_API_TOKEN}). Checked when made (a
 * malformed token never reaches a request); never shown.
 */
public final class Credentials {
    private final dev.tlctl.railway.Credentials client;

    private Credentials(dev.tlctl.railway.Credentials client) {
        this.client = client;
    }

    /** An account or workspace token, such as the sandbox's own. */
    public static Credentials account(Secret token) {
        return new Credentials(new dev.tlctl.railway.Credentials.BearerToken(token));
    }

    /**
     * The token the process environment gives, as Railway's CLI reads it: {@code RAILWAY_TOKEN}
     * (a project token) when set, else {@code RAILWAY_API_TOKEN}. Refuses (exit 77) when there is
     * none, or when it is malformed (saying where, never what).
     */
    public static Credentials fromEnvironment(Map<String, String> env) {
        Optional<dev.tlctl.railway.Credentials> found;
        try {
            found = dev.tlctl.railway.Credentials.fromEnvironment(env);
        } catch (IllegalArgumentException e) {
            String project = env.get(dev.tlctl.railway.Credentials.RAILWAY_TOKEN);
            String variable = project != null && !project.isEmpty() ? dev.tlctl.railway.Credentials.RAILWAY_TOKEN
                    : dev.tlctl.railway.Credentials.RAILWAY_API_TOKEN;
            throw new ReconcileException(Kind.TOKEN, "the token in " + variable + " is malformed", e.getMessage()
                    + ". Copy the token again from Railway's dashboard, without quotes or spaces.");
        }
        return found.map(Credentials::new).orElseThrow(() -> new ReconcileException(Kind.TOKEN, "no Railway token",
                "Set RAILWAY_API_TOKEN to an account or workspace token, or RAILWAY_TOKEN to a project token"
                        + " (one environment of one project). To try tlctl without Railway, add --sandbox."));
    }

    /** Whether this is a project token, which reaches one environment of one project only. */
    public boolean isProjectToken() {
        return client.isProjectToken();
    }

    /** The client's form of the token. */
    dev.tlctl.railway.Credentials forClient() {
        return client;
    }

    @Override
    public String toString() {
        return client.toString();
    }
}
