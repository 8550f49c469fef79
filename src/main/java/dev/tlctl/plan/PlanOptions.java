package dev.tlctl.plan;

import dev.tlctl.secret.Fingerprint;
import java.util.Map;

/**
 * How to plan.
 *
 * @param prune delete what exists on Railway but not in the spec (never volumes)
 * @param partial only some environments were selected ({@code --env}): the others are neither
 *     planned nor listed as unmanaged
 * @param written by variable or setting address text, the fingerprint of the value tlctl last
 *     wrote there; the plan uses those of sealed variables (Railway never returns sealed values)
 */
public record PlanOptions(boolean prune, boolean partial, Map<String, Fingerprint> written) {

    public static PlanOptions defaults() {
        return new PlanOptions(false, false, Map.of());
    }
}
