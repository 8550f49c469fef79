package dev.tlctl.sandbox;

import java.util.List;

/**
 * Who sent a request, from its token, and what that token may touch (Railway's rules): an
 * account token reaches its user's workspaces; a workspace token its one workspace; a project
 * token reads its project and reads and writes its one environment, and nothing else.
 */
record Caller(State.TokenRec token) {

    /**
     * The caller of a request: {@code Authorization: Bearer} takes account and workspace tokens,
     * {@code Project-Access-Token} takes project tokens. Null: no token, or one the sandbox does
     * not know (or sent in the wrong header).
     */
    static Caller resolve(State state, String bearer, String projectAccessToken) {
        if (projectAccessToken != null) {
            return find(state, projectAccessToken, true);
        }
        if (bearer != null) {
            return find(state, bearer, false);
        }
        return null;
    }

    private static Caller find(State state, String value, boolean project) {
        for (State.TokenRec token : state.tokens) {
            if (token.token != null && token.token.equals(value)
                    && (token.kind == State.TokenKind.PROJECT) == project) {
                return new Caller(token);
            }
        }
        return null;
    }

    State.TokenKind kind() {
        return token.kind;
    }

    boolean isProjectToken() {
        return token.kind == State.TokenKind.PROJECT;
    }

    /** The workspaces this token reaches (none for a project token). */
    List<State.WorkspaceRec> workspaces(State state) {
        return switch (token.kind) {
            case ACCOUNT -> state.workspaces.stream().filter(w -> w.memberIds.contains(token.userId)).toList();
            case WORKSPACE -> state.workspaces.stream().filter(w -> w.id.equals(token.workspaceId)).toList();
            case PROJECT -> List.of();
        };
    }

    void requireAccount() {
        if (token.kind != State.TokenKind.ACCOUNT) {
            throw SandboxException.notAuthorized();
        }
    }

    /** Account or workspace token (Bearer): the workspace-level operations. */
    void requireBearer() {
        if (isProjectToken()) {
            throw SandboxException.notAuthorized();
        }
    }

    void requireWorkspace(State state, String workspaceId) {
        if (workspaces(state).stream().noneMatch(w -> w.id.equals(workspaceId))) {
            throw SandboxException.notAuthorized();
        }
    }

    /**
     * May read the project: its workspace is reachable, the account was invited to it (a project
     * member outside its workspace), or it is the project token's project.
     */
    void requireProjectRead(State state, State.ProjectRec project) {
        if (isProjectToken()) {
            if (!project.id.equals(token.projectId)) {
                throw SandboxException.notAuthorized();
            }
            return;
        }
        if (token.kind == State.TokenKind.ACCOUNT && project.invitedUserIds.contains(token.userId)) {
            return;
        }
        requireWorkspace(state, project.workspaceId);
    }

    /** May change the project itself (its services, environments, settings): never a project token. */
    void requireProjectAdmin(State state, State.ProjectRec project) {
        requireBearer();
        if (token.kind == State.TokenKind.ACCOUNT && project.invitedUserIds.contains(token.userId)) {
            return; // invited to configure this project (an assumption, docs/railway-semantics.md)
        }
        requireWorkspace(state, project.workspaceId);
    }

    /** May read and write the environment: it is reachable, and (environment RBAC) not closed to this caller. */
    void requireEnvironment(State state, State.EnvironmentRec environment) {
        if (isProjectToken()) {
            if (!environment.id.equals(token.environmentId)) {
                throw SandboxException.notAuthorized();
            }
            return;
        }
        State.ProjectRec project = state.projects.stream()
                .filter(p -> p.id.equals(environment.projectId)).findFirst().orElseThrow(SandboxException::notAuthorized);
        requireProjectRead(state, project);
        if (!canAccess(state, environment)) {
            throw SandboxException.notAuthorized();
        }
    }

    /**
     * May see the environment (its id, name, canAccess), even one it may not open: a project
     * token its own only.
     */
    void requireEnvironmentVisible(State state, State.EnvironmentRec environment) {
        if (isProjectToken()) {
            requireEnvironment(state, environment);
            return;
        }
        state.projects.stream().filter(p -> p.id.equals(environment.projectId)).findFirst()
                .ifPresentOrElse(p -> requireProjectRead(state, p), () -> {
                    throw SandboxException.notAuthorized();
                });
    }

    /** Whether the environment is listed to this caller at all (a project token sees its own only). */
    boolean canSeeEnvironment(State.EnvironmentRec environment) {
        return !isProjectToken() || environment.id.equals(token.environmentId);
    }

    /**
     * Environment.canAccess: whether the caller may open the environment's resources. A restricted
     * environment is open to the workspace's admins only; members and deployers "can see that
     * the environment exists but cannot access its resources (variables, logs, metrics, services,
     * and configurations)" (docs enterprise/environment-rbac). Workspace tokens count as admins and
     * invited project members as members (assumptions, docs/railway-semantics.md).
     */
    boolean canAccess(State state, State.EnvironmentRec environment) {
        if (isProjectToken()) {
            return environment.id.equals(token.environmentId);
        }
        if (!environment.restricted || token.kind == State.TokenKind.WORKSPACE) {
            return true;
        }
        State.ProjectRec project = state.projects.stream().filter(p -> p.id.equals(environment.projectId))
                .findFirst().orElse(null);
        State.WorkspaceRec workspace = project == null ? null : state.workspaces.stream()
                .filter(w -> w.id.equals(project.workspaceId)).findFirst().orElse(null);
        return workspace != null && workspace.memberIds.contains(token.userId)
                && !workspace.memberRoles.containsKey(token.userId);
    }

    /** Refuses to open a restricted environment's resources (config, variables, instances) to this caller. */
    void requireAccess(State state, State.EnvironmentRec environment) {
        if (!canAccess(state, environment)) {
            throw SandboxException.notAuthorized();
        }
    }
}
