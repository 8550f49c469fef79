package dev.tlctl.reconcile;

import dev.tlctl.railway.Credentials;
import java.net.URI;

/**
 * Where Railway is for this run: the GraphQL endpoint, the token to send, and the key under which
 * local records for this endpoint are kept (the URL, or the sandbox's state file).
 */
public record Endpoint(URI url, Credentials credentials, String key) {}
