package dev.tlctl.cli;

import dev.tlctl.railway.ClientConfig;
import dev.tlctl.railway.Credentials;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.railway.RailwayTransport;
import dev.tlctl.railway.RequestListener;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The way to Railway for one command: the real API at {@code --api-url} / {@code TLCTL_API_URL}
 * (default Railway's) with the token from {@code RAILWAY_TOKEN} or {@code RAILWAY_API_TOKEN}; or,
 * with {@code --sandbox}, an in-process sandbox on loopback with its own local token. To the
 * client both are only a URL and a token.
 */
final class Connection implements AutoCloseable {
    static final String API_URL_VARIABLE = "TLCTL_API_URL";

    private final RailwayClient client;
    private final Sandbox sandbox;
    private final String endpointKey;
    private Connection(RailwayClient client, Sandbox sandbox, String endpointKey) {
        this.client = client;
        this.sandbox = sandbox;
        this.endpointKey = endpointKey;
    }

    static Connection open(TlctlCommand root, Path specFile, RequestListener listener) {
        CliContext context = root.context();
        if (root.sandbox) {
            Path state = root.sandboxState != null ? root.context().cwd().resolve(root.sandboxState)
                    : specFile.toAbsolutePath().getParent().resolve(LocalState.DIR).resolve("sandbox.json");
            Sandbox sandbox;
            try {
                sandbox = Sandbox.start(SandboxConfig.defaults().withStateFile(state).withClock(context.clock()));
            } catch (IOException | RuntimeException e) {
                throw new CliException(ExitCodes.ERROR, "could not start the sandbox with state " + state,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
            Credentials token = new Credentials.BearerToken(Secret.of(sandbox.accountToken()));
            RailwayClient client = client(sandbox.graphqlUrl(), token, listener);
            return new Connection(client, sandbox, "sandbox:" + state.toAbsolutePath().normalize());
        }
        String url = root.apiUrl != null ? root.apiUrl : context.getenv(API_URL_VARIABLE);
        URI endpoint;
        try {
            endpoint = url == null ? ClientConfig.DEFAULT_ENDPOINT : URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "invalid API URL: " + url, e.getMessage());
        }
        Credentials credentials = Credentials.fromEnvironment(context.env()).orElseThrow(() -> new CliException(
                ExitCodes.ERROR, "no Railway token",
                "Set RAILWAY_API_TOKEN to an account or workspace token, or RAILWAY_TOKEN to a project token"
                        + " (one environment of one project). To try tlctl without Railway, add --sandbox."));
        return new Connection(client(endpoint, credentials, listener), null, endpoint.toString());
    }

    private static RailwayClient client(URI endpoint, Credentials credentials, RequestListener listener) {
        try {
            ClientConfig config = ClientConfig.of(endpoint, credentials, VersionProvider.version()).withListener(listener);
            return new RailwayClient(new RailwayTransport(config));
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "refusing the API URL " + endpoint, e.getMessage());
        }
    }

    RailwayClient client() {
        return client;
    }

    /** The key this endpoint's cached ids are stored under (the URL, or the sandbox's state file). */
    String endpointKey() {
        return endpointKey;
    }

    @Override
    public void close() {
        client.close();
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
