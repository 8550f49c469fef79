package dev.tlctl.sandbox;

import java.util.Set;

/**
 * Who else uses Railway, for tests of access: workspaces the sandbox user does not belong to,
 * projects the user was invited to there (Railway's externalWorkspaces), workspace members with
 * a role short of admin, and restricted environments (environment RBAC: docs
 * enterprise/environment-rbac).
 */
final class Members {
    static final Set<String> ROLES = Set.of("ADMIN", "MEMBER", "DEPLOYER");

    private Members() {}

    /** A team workspace with an owner of its own; returns the owner's account token. */
    static String addWorkspace(Store store, String name) {
        ProjectOps.requireName("Workspace", name);
        if (store.state().workspaces.stream().anyMatch(w -> w.name.equals(name))) {
            throw new SandboxException("A workspace named " + name + " already exists in the sandbox state");
        }
        State.UserRec owner = user(store, name + " owner");
        State.WorkspaceRec workspace = new State.WorkspaceRec();
        workspace.id = store.newId();
        workspace.name = name;
        workspace.memberIds.add(owner.id);
        workspace.createdAt = store.now();
        workspace.updatedAt = workspace.createdAt;
        State.CustomerRec customer = new State.CustomerRec();
        customer.id = store.newId();
        State.CustomerRec first = store.state().workspaces.get(0).customer;
        customer.billingPeriodStart = first.billingPeriodStart;
        customer.billingPeriodEnd = first.billingPeriodEnd;
        workspace.customer = customer;
        store.state().workspaces.add(workspace);
        return token(store, owner).token;
    }

    /** A new user in the sandbox's workspace with {@code role}; returns their account token. */
    static String addMember(Store store, String name, String role) {
        if (!ROLES.contains(role)) {
            throw new SandboxException("Unknown role " + role + "; expected ADMIN, MEMBER or DEPLOYER");
        }
        State.UserRec user = user(store, name);
        State.WorkspaceRec workspace = store.state().workspaces.get(0);
        workspace.memberIds.add(user.id);
        if (!role.equals("ADMIN")) {
            workspace.memberRoles.put(user.id, role);
        }
        return token(store, user).token;
    }

    /** Invites the sandbox's own user to a project of another workspace. */
    static void invite(Store store, String projectName) {
        State.ProjectRec project = store.projectNamed(projectName);
        String userId = store.state().users.get(0).id;
        if (!project.invitedUserIds.contains(userId)) {
            project.invitedUserIds.add(userId);
            store.markDirty();
        }
    }

    /** Marks an environment restricted (or not): only the workspace's admins may open it. */
    static void restrict(Store store, String projectName, String environmentName, boolean restricted) {
        State.ProjectRec project = store.projectNamed(projectName);
        State.EnvironmentRec environment = store.environmentNamed(project, environmentName);
        environment.restricted = restricted;
        store.markDirty();
    }

    private static State.UserRec user(Store store, String name) {
        State.UserRec user = new State.UserRec();
        user.id = store.newId();
        user.name = name;
        user.username = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        user.email = user.username + "@tlctl.invalid";
        user.createdAt = store.now();
        store.state().users.add(user);
        store.markDirty();
        return user;
    }

    private static State.TokenRec token(Store store, State.UserRec user) {
        State.TokenRec token = new State.TokenRec();
        token.id = store.newId();
        token.token = store.newId();
        token.kind = State.TokenKind.ACCOUNT;
        token.name = "account token of " + user.name;
        token.userId = user.id;
        token.createdAt = store.now();
        store.state().tokens.add(token);
        return token;
    }
}
