package dev.tlctl.reconcile;

import dev.tlctl.spec.Suggestions;
import java.util.Collection;

/** The "; did you mean staging?" that ends a usage error about a name tlctl does not know. */
final class DidYouMean {
    private DidYouMean() {}

    /** "; did you mean NAME?" when one of {@code known} is close to {@code name}, else "". */
    static String suffix(String name, Collection<String> known) {
        String closest = Suggestions.closest(name, known);
        return closest == null || closest.equals(name) ? "" : "; did you mean " + closest + "?";
    }
}
