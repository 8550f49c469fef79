package dev.tlctl.cli;

import dev.tlctl.railway.ClientConfig;
import dev.tlctl.railway.Credentials;
import dev.tlctl.reconcile.Endpoint;
import dev.tlctl.reconcile.FileLocalRecords;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import dev.tlctl.secret.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The way to Railway for one command, as the command line and the environment say: Railway's API
 * at {@code --api-url} / {@code TLCTL_API_URL} with the token of {@code RAILWAY_TOKEN} or
 * {@code RAILWAY_API_TOKEN}; or, with {@code --sandbox}, a sandbox started in this process on
 * loopback with its own local token. To the core both are only an {@link Endpoint}.
 */
final class Connection implements AutoCloseable {
    static final String API_URL_VARIABLE = "TLCTL_API_URL";

    private final Endpoint endpoint;
    private final Sandbox sandbox;

    private Connection(Endpoint endpoint, Sandbox sandbox) {
        this.endpoint = endpoint;
        this.sandbox = sandbox;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    static Connection open(TlctlCommand root, Path specFile) {
        CliContext context = root.context();
        if (root.sandbox) {
            Path state = root.sandboxState != null ? context.cwd().resolve(root.sandboxState)
                    : specFile.toAbsolutePath().getParent().resolve(FileLocalRecords.DIR).resolve("sandbox.json");
            Sandbox sandbox;
            try {
                sandbox = Sandbox.start(SandboxConfig.defaults().withStateFile(state).withClock(context.clock()));
            } catch (IOException | RuntimeException e) {
                throw new CliException(ExitCodes.ERROR, "could not start the sandbox with state " + state,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
            Credentials token = new Credentials.BearerToken(Secret.of(sandbox.accountToken()));
            return new Connection(new Endpoint(sandbox.graphqlUrl(), token,
                    "sandbox:" + state.toAbsolutePath().normalize()), sandbox);
        }
        String url = root.apiUrl != null ? root.apiUrl : context.getenv(API_URL_VARIABLE);
        URI uri;
        try {
            uri = url == null ? ClientConfig.DEFAULT_ENDPOINT : URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "invalid API URL: " + url, e.getMessage());
        }
        Credentials credentials;
        try {
            credentials = Credentials.fromEnvironment(context.env()).orElseThrow(() -> new CliException(
                    ExitCodes.NO_PERMISSION, "no Railway token",
                    "Set RAILWAY_API_TOKEN to an account or workspace token, or RAILWAY_TOKEN to a project token"
                            + " (one environment of one project). To try tlctl without Railway, add --sandbox."));
        } catch (IllegalArgumentException e) {
            // The message says what is wrong and where (never the token); the variable names it.
            String variable = context.getenv(Credentials.RAILWAY_TOKEN) != null ? Credentials.RAILWAY_TOKEN
                    : Credentials.RAILWAY_API_TOKEN;
            throw new CliException(ExitCodes.NO_PERMISSION, "the token in " + variable + " is malformed", e.getMessage()
                    + ". Copy the token again from Railway's dashboard, without quotes or spaces.");
        }
        return new Connection(new Endpoint(uri, credentials, uri.toString()), null);
    }

    @Override
    public void close() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
