package dev.tlctl.reconcile;

import com.sun.net.httpserver.HttpHandler;
import dev.tlctl.railway.InProcessDoors;
import dev.tlctl.reconcile.ReconcileException.Kind;
import dev.tlctl.secret.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where Railway is for this run: the GraphQL endpoint, the token to send, and the key under which
 * local records for this endpoint are kept (the URL, or the sandbox's state file).
 */
public record Endpoint(URI url, Credentials credentials, String key) {
    /** Railway's public API. */
    public static final URI RAILWAY = dev.tlctl.railway.ClientConfig.DEFAULT_ENDPOINT;

    /**
     * Railway's API at {@code url} (null: {@link #RAILWAY}) with the token of the process
     * environment; an unreadable URL is a usage error, a missing or malformed token exit 77.
     */
    public static Endpoint railway(String url, Map<String, String> env) {
        URI uri;
        try {
            uri = url == null ? RAILWAY : URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ReconcileException(Kind.USAGE, "invalid API URL: " + url, e.getMessage());
        }
        return new Endpoint(uri, Credentials.fromEnvironment(env), uri.toString());
    }

    /** A sandbox serving {@code url} with its account token, keeping its state in {@code state}. */
    public static Endpoint sandbox(URI url, String accountToken, Path state) {
        return new Endpoint(url, Credentials.account(Secret.of(accountToken)), "sandbox:" + state.toAbsolutePath().normalize());
    }

    /**
     * A sandbox in this JVM that {@code door} serves (no port, no socket), with its account token,
     * keeping its state in {@code state}: the same key as the same sandbox on loopback. Its URL
     * reaches it until {@link #release}.
     */
    public static Endpoint inProcessSandbox(HttpHandler door, String accountToken, Path state) {
        return sandbox(InProcessDoors.open(door), accountToken, state);
    }

    /** Closes this endpoint's in-process door, if it has one: its URL then reaches nothing. */
    public void release() {
        InProcessDoors.close(url);
    }
}
