package dev.tlctl.sandbox;

import static dev.tlctl.sandbox.Wiring.nested;
import static dev.tlctl.sandbox.Wiring.sourceKey;

import dev.tlctl.sandbox.Wiring.Context;
import graphql.schema.idl.TypeRuntimeWiring;
import java.util.ArrayList;
import java.util.List;

/** The resolvers of the account types: User, Workspace, Team, Customer, Plugin and ProjectToken. */
final class AccountFetchers {
    private AccountFetchers() {}

    static List<TypeRuntimeWiring> types() {
        List<TypeRuntimeWiring> types = new ArrayList<>();
        types.add(TypeRuntimeWiring.newTypeWiring("User")
                .dataFetcher("workspaces", nested((c, env) -> c.requireCaller().workspaces(c.state()).stream()
                        .map(Views::workspace).toList()))
                // The user's personal workspace, and its projects (as root projects without workspaceId).
                .dataFetcher("workspace", nested((c, env) -> personalWorkspace(c, sourceKey(env, "id"))
                        .map(Views::workspace).orElse(null)))
                .dataFetcher("projects", nested((c, env) -> Connections.page(personalWorkspace(c, sourceKey(env, "id"))
                        .map(w -> listedProjects(c, w.id)).orElse(List.of()), Views::project, env)))
                .dataFetcher("providerAuths", nested((c, env) -> Connections.page(c.state().users.stream()
                        .filter(u -> u.id.equals(sourceKey(env, "id"))).findFirst().map(AccountViews::providerAuths)
                        .orElse(List.of()), a -> a, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Workspace")
                .dataFetcher("customer", nested((c, env) ->
                        Views.customer(c.store(), c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("projects", nested((c, env) ->
                        Connections.page(listedProjects(c, sourceKey(env, "id")), Views::project, env)))
                .dataFetcher("members", nested((c, env) ->
                        AccountViews.members(c.state(), c.store().workspace(sourceKey(env, "id")), true)))
                .dataFetcher("projectCount", nested((c, env) -> {
                    String workspaceId = sourceKey(env, "id");
                    boolean deleted = Boolean.TRUE.equals(env.getArgument("includeDeleted"));
                    return (int) c.state().projects.stream()
                            .filter(p -> p.workspaceId.equals(workspaceId) && (deleted || p.deletedAt == null)).count();
                }))
                // SAML identity providers are an enterprise feature the sandbox has none of.
                .dataFetcher("identityProviders", nested((c, env) -> Connections.page(List.of(), p -> p, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Team")
                .dataFetcher("customer", nested((c, env) ->
                        Views.customer(c.store(), c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("workspace", nested((c, env) -> Views.workspace(c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("members", nested((c, env) ->
                        AccountViews.members(c.state(), c.store().workspace(sourceKey(env, "id")), false)))
                .dataFetcher("teamPermissions", nested((c, env) ->
                        AccountViews.teamPermissions(c.state(), c.store().workspace(sourceKey(env, "id")))))
                .dataFetcher("projects", nested((c, env) ->
                        Connections.page(listedProjects(c, sourceKey(env, "id")), Views::project, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("Customer")
                .dataFetcher("workspace", nested((c, env) -> c.state().workspaces.stream()
                        .filter(w -> w.customer != null && w.customer.id.equals(sourceKey(env, "id"))).findFirst()
                        .map(Views::workspace).orElseThrow(() -> new SandboxException("Customer not found"))))
                // No credits were ever granted in the sandbox.
                .dataFetcher("credits", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .build());
        // Railway has removed plugins: none exists, so these connections are always empty.
        types.add(TypeRuntimeWiring.newTypeWiring("Plugin")
                .dataFetcher("containers", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .dataFetcher("variables", nested((c, env) -> Connections.page(List.of(), g -> g, env)))
                .build());
        types.add(TypeRuntimeWiring.newTypeWiring("ProjectToken")
                .dataFetcher("project", nested((c, env) -> Views.project(c.store().projectAny(sourceKey(env, "projectId")))))
                .dataFetcher("environment", nested((c, env) ->
                        Views.environment(c.store().environmentAny(sourceKey(env, "environmentId")))))
                .build());
        return types;
    }

    /** The personal workspace of a user (the one root projects without workspaceId lists). */
    private static java.util.Optional<State.WorkspaceRec> personalWorkspace(Context c, String userId) {
        return c.state().workspaces.stream().filter(w -> userId.equals(w.personalOf)).findFirst();
    }

    /** A workspace's live projects as lists show them (a new one a moment after its create). */
    private static List<State.ProjectRec> listedProjects(Context c, String workspaceId) {
        return c.state().projects.stream()
                .filter(p -> p.workspaceId.equals(workspaceId) && p.deletedAt == null)
                .filter(p -> Consistency.listed(c.store(), p)).toList();
    }
}
