package dev.tlctl.reconcile;

import java.nio.file.Path;

/**
 * A request to apply: plan now, or carry out a saved plan.
 *
 * @param savedPlan a plan saved by {@code plan --out}; null to plan now (then target and prune apply)
 * @param allowDestructive whether the plan may delete anything that exists
 */
public record ApplyRequest(Target target, boolean prune, boolean strict, Path savedPlan, boolean allowDestructive) {

    PlanRequest planRequest() {
        return new PlanRequest(target, prune, strict);
    }
}
