package dev.tlctl.railway;

import java.util.List;

/** Railway did not apply a change set whole: failed, partly applied, staged, or never finished. */
public final class ChangeSetFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ChangeSetFailedException(List<String> environments, String why) {
        super("Railway did not apply the changes to " + (environments.size() == 1 ? "environment " : "environments ")
                + String.join(", ", environments) + ": " + why + ".");
    }
}
