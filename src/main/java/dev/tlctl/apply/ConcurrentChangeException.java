package dev.tlctl.apply;

import java.util.List;

/**
 * An environment's config changed on Railway after the plan read it (its {@code configEtag}
 * differs): someone else is changing it, so nothing was written.
 */
public final class ConcurrentChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> environments;

    public ConcurrentChangeException(List<String> environments) {
        super("the config of " + (environments.size() == 1 ? "environment " : "environments ")
                + String.join(", ", environments) + " changed on Railway after the plan was made");
        this.environments = List.copyOf(environments);
    }

    public List<String> environments() {
        return environments;
    }
}
