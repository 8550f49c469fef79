package dev.tlctl.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Mints tokens straight into a state file, without a running sandbox (a missing file becomes a
 * fresh state first). A sandbox serving the same file notices the change on its next request.
 */
public final class SandboxTokens {
    private SandboxTokens() {}

    /** A workspace token for the named workspace (null: the default one). */
    public static String mintWorkspaceToken(Path stateFile, String workspaceNameOrNull) throws IOException {
        Store store = open(stateFile);
        return store.transaction(() -> Tokens.mintWorkspace(store, workspaceNameOrNull));
    }

    /** A project token for one environment of a project, both by name; SandboxException when missing. */
    public static String mintProjectToken(Path stateFile, String projectName, String environmentName)
            throws IOException {
        Store store = open(stateFile);
        return store.transaction(() -> Tokens.mintProject(store, projectName, environmentName));
    }

    /** The account token of the state file (made, and saved, when the file is new). */
    public static String accountToken(Path stateFile) throws IOException {
        Store store = open(stateFile);
        return store.transaction(() -> FreshState.accountToken(store.state()).token);
    }

    private static Store open(Path stateFile) throws IOException {
        return Store.open(stateFile, null, SandboxConfig.DEFAULT_SEED, Clock.systemUTC());
    }
}
