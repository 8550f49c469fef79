package dev.tlctl.railway;

import java.util.List;

/**
 * Railway refused a change set because its environment changed after the plan read it
 * ({@code STALE_ENVIRONMENT_BASE}): nothing of that change set was written. Someone else wrote
 * to the environment in between; a new plan sees what they did. Other environments of the same
 * commit may have been written.
 */
public final class StaleEnvironmentException extends RuntimeException {
    /** The code Railway gives the refusal ({@code extensions.code}). */
    public static final String CODE = "STALE_ENVIRONMENT_BASE";
    private static final long serialVersionUID = 1L;
    private final List<String> environments;

    StaleEnvironmentException(List<String> environments, RailwayException cause) {
        super((environments.size() == 1 ? "environment " : "environments ") + String.join(", ", environments)
                + " changed on Railway after the plan was made: Railway refused " + (environments.size() == 1 ? "its"
                : "their") + " changes (" + CODE + ") and nothing of them was written. Someone else is changing the"
                + " project; run tlctl plan again.", cause);
        this.environments = List.copyOf(environments);
    }

    public List<String> environments() {
        return environments;
    }
}
