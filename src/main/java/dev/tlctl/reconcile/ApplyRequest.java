package dev.tlctl.reconcile;

import dev.tlctl.apply.StagedPolicy;
import java.nio.file.Path;

/**
 * A request to apply: plan now, or carry out a saved plan.
 *
 * @param savedPlan a plan saved by {@code plan --out}; null to plan now (then target and prune apply)
 * @param allowDestructive whether the plan may delete anything that exists
 * @param staged what to do with changes staged in Railway where the apply writes
 */
public record ApplyRequest(Target target, boolean prune, boolean strict, Path savedPlan, boolean allowDestructive,
        StagedPolicy staged) {

    PlanRequest planRequest() {
        return new PlanRequest(target, prune, strict);
    }
}
