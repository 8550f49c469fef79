package dev.tlctl.reconcile;

import java.util.List;

/** The requests of {@code tlctl env}: list, create, delete and prune environments (previews above all). */
public final class EnvRequests {
    private EnvRequests() {}

    /** List the project's live environments; {@code target}'s environments are ignored. */
    public record ListAll(Target target) {}

    /**
     * Create (or bring up to date) the preview {@code name}, which a template of the spec names: the
     * same as {@code apply --env NAME --yes} with the parameters; or, for a name no template names,
     * a one-off ephemeral copy of {@code from} (Railway's fork, its variables included).
     *
     * @param from the source environment ({@code --from}): for a template's name, it must be the template's
     * @param sets {@code --set} parameters; {@code branch}: {@code --branch}, null for none
     * @param force with {@code from} the project's default environment: copy it all the same (its secrets)
     */
    public record Create(Target target, String name, String from, List<String> sets, String branch, boolean force) {
        public Create {
            sets = sets == null ? List.of() : List.copyOf(sets);
        }

        /** Without {@code --force}. */
        public Create(Target target, String name, String from, List<String> sets, String branch) {
            this(target, name, from, sets, branch, false);
        }
    }

    /**
     * Delete the environment {@code name} and only it (its instances, variables and volumes).
     *
     * @param force also an environment the spec declares (never the project's default one)
     */
    public record Delete(Target target, String name, boolean force) {}

    /** Delete every preview past its template's time to live ({@code ttl}), nothing else. */
    public record PruneExpired(Target target) {}
}
