package dev.tlctl.cli;

import dev.tlctl.reconcile.Endpoint;
import dev.tlctl.reconcile.FileLocalRecords;
import dev.tlctl.sandbox.Sandbox;
import dev.tlctl.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The way to Railway for one command, as the command line and the environment say: Railway's API
 * at {@code --api-url} / {@code TLCTL_API_URL} with the token of {@code RAILWAY_TOKEN} or
 * {@code RAILWAY_API_TOKEN}; or, with {@code --sandbox}, a sandbox started in this process with
 * its own local token, served in process (no port, no socket: requests go through the client's
 * whole transport, then to the sandbox's handler). To the core both are only an {@link Endpoint}.
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

    static Connection open(Globals root, Path specFile) {
        CliContext context = root.context();
        if (root.sandbox()) {
            Path state = root.sandboxState() != null ? context.cwd().resolve(root.sandboxState())
                    : specFile.toAbsolutePath().getParent().resolve(FileLocalRecords.DIR).resolve("sandbox.json");
            Sandbox sandbox;
            try {
                sandbox = Sandbox.startInProcess(SandboxConfig.defaults().withStateFile(state).withClock(context.clock()));
            } catch (IOException | RuntimeException e) {
                throw new CliException(ExitCodes.ERROR, "could not start the sandbox with state " + state,
                        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
            }
            return new Connection(Endpoint.inProcessSandbox(sandbox.handler(), sandbox.accountToken(), state), sandbox);
        }
        String url = root.apiUrl() != null ? root.apiUrl() : context.getenv(API_URL_VARIABLE);
        return new Connection(Endpoint.railway(url, context.env()), null);
    }

    @Override
    public void close() {
        if (sandbox != null) {
            endpoint.release();
            sandbox.close();
        }
    }
}
