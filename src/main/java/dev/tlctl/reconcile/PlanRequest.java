package dev.tlctl.reconcile;

import java.util.Set;

/**
 * A request for a plan.
 *
 * @param prune also delete what Railway has and the spec does not declare, whoever made it (never volumes)
 * @param strict treat the spec's warnings as errors
 * @param replace variable and setting addresses to write even when Railway seems to hold them
 *     ({@code --replace}: a sealed value tlctl has no record of, a value changed where tlctl cannot see)
 */
public record PlanRequest(Target target, boolean prune, boolean strict, Set<String> replace) {
    public PlanRequest {
        replace = replace == null ? Set.of() : Set.copyOf(replace);
    }

    public PlanRequest(Target target, boolean prune, boolean strict) {
        this(target, prune, strict, Set.of());
    }
}
