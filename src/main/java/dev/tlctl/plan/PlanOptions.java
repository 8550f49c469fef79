package dev.tlctl.plan;

import dev.tlctl.secret.Witness;
import java.util.Map;
import java.util.Set;

/**
 * How to plan.
 *
 * @param prune delete what exists on Railway but not in the spec, whoever made it (never volumes)
 * @param partial only some environments were selected ({@code --env}): the others are neither
 *     planned nor listed as unmanaged, and nothing project-wide is deleted
 * @param history what tlctl wrote and created before: sealed values are compared with it, and
 *     what tlctl created and the spec no longer declares is deleted without {@code prune}
 * @param replace addresses of variables and settings to write even when Railway seems to hold
 *     them already ({@code --replace})
 * @param workspaceWide plan what is workspace-wide (the usage limit); false for a run scoped to
 *     some environments, which must stay in them
 */
public record PlanOptions(boolean prune, boolean partial, History history, Set<String> replace, boolean workspaceWide) {

    public PlanOptions {
        history = history == null ? History.NONE : history;
        replace = replace == null ? Set.of() : Set.copyOf(replace);
    }

    /** Pruning and scope, with what was written by address: nothing created, nothing replaced, the usage limit planned. */
    public PlanOptions(boolean prune, boolean partial, Map<String, ? extends Witness> written) {
        this(prune, partial, History.of(written), Set.of(), true);
    }

    public static PlanOptions defaults() {
        return new PlanOptions(false, false, History.NONE, Set.of(), true);
    }
}
