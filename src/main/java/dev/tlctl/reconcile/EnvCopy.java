package dev.tlctl.reconcile;

import dev.tlctl.live.LiveEnvironment;
import dev.tlctl.live.LiveProject;
import dev.tlctl.railway.RailwayClient;
import dev.tlctl.spec.Spec;

/**
 * {@code env create NAME --from ENV} for a name no template names: a one-off ephemeral copy of
 * ENV, as Railway forks one ({@code environmentCreate} with {@code sourceEnvironmentId}), in the
 * read and one create. The copy carries ENV's variables, secrets included, so a copy of the
 * project's default environment (production's secrets in a throwaway) needs {@code force}.
 */
final class EnvCopy {
    private EnvCopy() {}

    static EnvResults.Created copy(LiveProject project, Spec declared, RailwayClient client, EnvRequests.Create request) {
        String name = request.name();
        String from = request.from();
        LiveEnvironment source = project.environment(from)
                .orElseThrow(() -> Environments.noSuchEnvironment(project, from));
        String defaultEnvironment = declared.defaultEnvironment().name();
        if (from.equals(defaultEnvironment) && !request.force()) {
            throw new ReconcileException(ReconcileException.Kind.REFUSED, "refusing to copy " + from + ", the project's"
                    + " default environment, without --force", "A copy carries " + from + "'s variables, its secrets"
                    + " included, into a throwaway environment. Copy a staging environment instead, or pass --force."
                    + " Nothing was changed.");
        }
        var existing = project.environment(name);
        if (existing.isPresent()) {
            if (source.id().equals(existing.get().sourceEnvironmentId())) {
                return new EnvResults.Created(name, existing.get().id(), false, null, from);
            }
            throw new ReconcileException(ReconcileException.Kind.USAGE, "environment " + name + " exists and is not a"
                    + " copy of " + from, "Choose another name, or delete it first (tlctl env delete " + name
                    + " --yes). Nothing was changed.");
        }
        String id = client.copyEnvironment(project.id(), name, source.id());
        return new EnvResults.Created(name, id, true, null, from);
    }
}
