package dev.tlctl.reconcile;

import java.util.List;
import java.util.Set;

/**
 * A request for a plan.
 *
 * @param prune also delete what Railway has and the spec does not declare, whoever made it (never volumes)
 * @param strict treat the spec's warnings as errors
 * @param replace variable and setting addresses to write even when Railway seems to hold them
 *     ({@code --replace}: a sealed value tlctl has no record of, a value changed where tlctl cannot see)
 * @param sets per-instance parameters ({@code --set SERVICE.SETTING=VALUE}) of the run's one environment
 * @param branch the branch of every service of the run's one environment that deploys a repository
 *     ({@code --branch}); null for none
 */
public record PlanRequest(Target target, boolean prune, boolean strict, Set<String> replace, List<String> sets,
        String branch) {
    public PlanRequest {
        replace = replace == null ? Set.of() : Set.copyOf(replace);
        sets = sets == null ? List.of() : List.copyOf(sets);
    }

    public PlanRequest(Target target, boolean prune, boolean strict, Set<String> replace) {
        this(target, prune, strict, replace, List.of(), null);
    }

    public PlanRequest(Target target, boolean prune, boolean strict) {
        this(target, prune, strict, Set.of());
    }

    /** Whether the run gives parameters ({@code --set}, {@code --branch}). */
    public boolean hasParameters() {
        return !sets.isEmpty() || branch != null;
    }
}
