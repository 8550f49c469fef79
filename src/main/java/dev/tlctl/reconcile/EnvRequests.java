package dev.tlctl.reconcile;

import java.util.List;

/** The requests of {@code tlctl env}: list, create, delete and prune environments (previews above all). */
public final class EnvRequests {
    private EnvRequests() {}

    /** List the project's live environments; {@code target}'s environments are ignored. */
    public record ListAll(Target target) {}

    /**
     * Create (or bring up to date) the preview {@code name}, which a template of the spec must name:
     * the same as {@code apply --env NAME --yes} with the parameters.
     *
     * @param from the template's source environment, when given ({@code --from}): it must be the template's
     * @param sets {@code --set} parameters; {@code branch}: {@code --branch}, null for none
     */
    public record Create(Target target, String name, String from, List<String> sets, String branch) {
        public Create {
            sets = sets == null ? List.of() : List.copyOf(sets);
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
