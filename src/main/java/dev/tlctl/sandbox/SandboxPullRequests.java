package dev.tlctl.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens and closes pull requests straight in a state file, without a running sandbox (a missing
 * file becomes a fresh state first): Railway's PR environments appear and disappear as they do
 * when a pull request opens and is merged or closed ({@link Sandbox#openPullRequest}). A sandbox
 * serving the same file sees them on its next request.
 */
public final class SandboxPullRequests {
    private SandboxPullRequests() {}

    /** Opens pull request {@code number} of the project; returns the environment's name. */
    public static String open(Path stateFile, Clock clock, String project, int number, String branch)
            throws IOException {
        Store store = Store.open(stateFile, null, SandboxConfig.DEFAULT_SEED, clock);
        return store.transaction(() -> PullRequests.open(store, project, number, branch));
    }

    /** Closes pull request {@code number} of the project; returns the name of the environment deleted. */
    public static String close(Path stateFile, Clock clock, String project, int number) throws IOException {
        Store store = Store.open(stateFile, null, SandboxConfig.DEFAULT_SEED, clock);
        return store.transaction(() -> PullRequests.close(store, project, number));
    }
}
