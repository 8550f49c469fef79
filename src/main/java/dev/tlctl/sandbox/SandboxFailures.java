package dev.tlctl.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Makes a service's deployments fail (or succeed again) straight in a state file, without a
 * running sandbox, as {@link Sandbox#failDeployments} does: a sandbox serving the same file sees it
 * on its next request, for demos and tests of {@code apply --wait}.
 */
public final class SandboxFailures {
    private SandboxFailures() {}

    /**
     * Makes the next deployments of the service in that environment fail: {@code build},
     * {@code crash} or {@code healthcheck}; {@code none}: they succeed again.
     *
     * @throws IllegalArgumentException for another failure name
     * @throws SandboxException when the project, environment or service does not exist
     */
    public static void fail(Path stateFile, Clock clock, String project, String environment, String service,
            String failure) throws IOException {
        Lifecycle.Failure parsed = Lifecycle.failure(failure);
        Store store = Store.open(stateFile, null, SandboxConfig.DEFAULT_SEED, clock);
        store.transaction(() -> Lifecycle.fail(store, project, environment, service, parsed));
    }
}
