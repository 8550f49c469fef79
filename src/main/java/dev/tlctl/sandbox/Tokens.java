package dev.tlctl.sandbox;

/** Minting workspace and project tokens into a store (from the Java API or the token command). */
final class Tokens {
    private Tokens() {}

    /** A workspace token for the named workspace (null: the account's first workspace). */
    static String mintWorkspace(Store store, String workspaceNameOrNull) {
        State state = store.state();
        State.WorkspaceRec workspace = workspaceNameOrNull == null ? state.workspaces.get(0)
                : state.workspaces.stream().filter(w -> w.name.equals(workspaceNameOrNull)).findFirst()
                        .orElseThrow(() -> new SandboxException("No workspace named " + workspaceNameOrNull
                                + " in the sandbox state"));
        State.TokenRec token = newToken(store, State.TokenKind.WORKSPACE, "workspace token " + workspace.name);
        token.workspaceId = workspace.id;
        return token.token;
    }

    /** A project token for one environment of a live project, both by name. */
    static String mintProject(Store store, String projectName, String environmentName) {
        State.ProjectRec project = store.projectNamed(projectName);
        State.EnvironmentRec environment = store.environmentNamed(project, environmentName);
        State.TokenRec token = newToken(store, State.TokenKind.PROJECT,
                "project token " + projectName + "/" + environmentName);
        token.projectId = project.id;
        token.environmentId = environment.id;
        return token.token;
    }

    private static State.TokenRec newToken(Store store, State.TokenKind kind, String name) {
        State.TokenRec token = new State.TokenRec();
        token.id = store.newId();
        token.token = store.newId();
        token.kind = kind;
        token.name = name;
        token.createdAt = store.now();
        store.state().tokens.add(token);
        store.markDirty();
        return token;
    }
}
