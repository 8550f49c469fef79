package dev.tlctl.reconcile;

import dev.tlctl.reconcile.ReconcileException.Kind;
import java.util.List;
import java.util.Set;

/**
 * A saved plan carries the options it was made with ({@code --env}, {@code --prune},
 * {@code --replace}); an apply of it may repeat them (the hint printed by {@code plan --out} does),
 * but not change them.
 */
final class SavedPlanOptions {
    private SavedPlanOptions() {}

    static void check(SavedPlan saved, ApplyRequest request) {
        List<String> given = request.target().environments();
        if (!given.isEmpty() && !Set.copyOf(given).equals(Set.copyOf(saved.environments()))) {
            throw differs(request, "--env " + String.join(" --env ", given), saved.environments().isEmpty()
                    ? "every environment" : "--env " + String.join(" --env ", saved.environments()));
        }
        if (request.prune() && !saved.prune()) {
            throw differs(request, "--prune", "no --prune");
        }
        if (!request.replace().isEmpty() && !request.replace().equals(Set.copyOf(saved.replace()))) {
            throw differs(request, "--replace " + String.join(" --replace ", request.replace().stream().sorted().toList()),
                    saved.replace().isEmpty() ? "no --replace" : "--replace " + String.join(" --replace ", saved.replace()));
        }
    }

    private static ReconcileException differs(ApplyRequest request, String given, String saved) {
        return new ReconcileException(Kind.USAGE, "the saved plan " + request.savedPlan() + " was made with " + saved
                + ", not " + given, "A saved plan carries the options it was made with; apply it without them, or make"
                + " a new plan with the options you want. Nothing was changed.");
    }
}
