package dev.tlctl.reconcile;

import dev.tlctl.live.LiveState;
import dev.tlctl.plan.Plan;
import dev.tlctl.spec.Diagnostic;
import dev.tlctl.spec.Spec;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A plan and what it was made from: the spec (its environments narrowed to the run's), what
 * Railway had, the spec's warnings, and the options, for views and saved plans.
 *
 * @param environments the environments the run covers, in spec order
 * @param tokenEnvironment the one environment a project token reaches; null for other tokens
 * @param endpoint the key of the Railway endpoint it was made against
 * @param replace the addresses written again whatever Railway holds ({@code --replace})
 * @param parameters by environment, the keys ({@code service/setting}) that command-line parameters
 *     set there, now or in an earlier run (recorded): an apply records them
 * @param costs what the plan changes in each environment's monthly cost (sizing), at the spec's prices
 */
public record PlanResult(
        Spec spec,
        LiveState live,
        Plan plan,
        List<Diagnostic> warnings,
        List<String> environments,
        boolean prune,
        String tokenEnvironment,
        String endpoint,
        Instant createdAt,
        Set<String> replace,
        java.util.Map<String, Set<String>> parameters,
        List<dev.tlctl.plan.CostDelta.Line> costs) {

    public PlanResult {
        warnings = List.copyOf(warnings);
        environments = List.copyOf(environments);
        replace = replace == null ? Set.of() : Set.copyOf(replace);
        parameters = parameters == null ? java.util.Map.of() : java.util.Map.copyOf(parameters);
        costs = costs == null ? List.of() : List.copyOf(costs);
    }

    /** A plan with no command-line parameters. */
    public PlanResult(Spec spec, LiveState live, Plan plan, List<Diagnostic> warnings, List<String> environments,
            boolean prune, String tokenEnvironment, String endpoint, Instant createdAt, Set<String> replace) {
        this(spec, live, plan, warnings, environments, prune, tokenEnvironment, endpoint, createdAt, replace, null, null);
    }
}
