package dev.tlctl.reconcile;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A request to apply: plan now, or carry out a saved plan.
 *
 * @param savedPlan a plan saved by {@code plan --out}; null to plan now (then target, prune and
 *     replace apply; with a saved plan they must be the plan's own or empty)
 * @param allowDestructive whether the plan may delete anything that exists ({@code --confirm-destructive})
 * @param askedAtTerminal whether a person at a terminal approves the plan after reading it (no
 *     {@code --yes}): that approval covers deleting services and environments tlctl created
 * @param staged what to do with changes staged in Railway where the apply writes
 * @param waitFor with {@code --wait}, how long to follow the deployments the apply causes; null: not at all
 * @param sets per-instance parameters of the run's one environment ({@code --set}); see {@link PlanRequest}
 * @param branch {@code --branch}; null for none
 */
public record ApplyRequest(Target target, boolean prune, boolean strict, Set<String> replace, Path savedPlan,
        boolean allowDestructive, boolean askedAtTerminal, StagedPolicy staged, Duration waitFor, List<String> sets,
        String branch) {

    public ApplyRequest {
        replace = replace == null ? Set.of() : Set.copyOf(replace);
        sets = sets == null ? List.of() : List.copyOf(sets);
        if (waitFor != null && (waitFor.isNegative() || waitFor.isZero())) {
            throw new IllegalArgumentException("a wait must be longer than zero");
        }
    }

    /** Without parameters. */
    public ApplyRequest(Target target, boolean prune, boolean strict, Set<String> replace, Path savedPlan,
            boolean allowDestructive, boolean askedAtTerminal, StagedPolicy staged, Duration waitFor) {
        this(target, prune, strict, replace, savedPlan, allowDestructive, askedAtTerminal, staged, waitFor, null, null);
    }

    /** Without a wait for deployments. */
    public ApplyRequest(Target target, boolean prune, boolean strict, Set<String> replace, Path savedPlan,
            boolean allowDestructive, boolean askedAtTerminal, StagedPolicy staged) {
        this(target, prune, strict, replace, savedPlan, allowDestructive, askedAtTerminal, staged, null);
    }

    /** Without --replace, approved by flags alone. */
    public ApplyRequest(Target target, boolean prune, boolean strict, Path savedPlan, boolean allowDestructive,
            StagedPolicy staged) {
        this(target, prune, strict, Set.of(), savedPlan, allowDestructive, false, staged);
    }

    PlanRequest planRequest() {
        return new PlanRequest(target, prune, strict, replace, sets, branch);
    }
}
