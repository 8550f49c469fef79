package dev.tlctl.spec;

import dev.tlctl.secret.Secret;

/**
 * A variable's desired value. The value always travels masked (a {@link Secret}) so that
 * printing a spec never leaks it; {@code sensitive} says whether a view may ever show it.
 *
 * @param template the value as written when it holds {@code ${env:...}} or {@code ${file:...}}
 *     references (safe to show: it names where the value comes from, not the value); else null
 * @param sensitive a secret: from a reference, marked {@code secret: true}, or a secret by its
 *     name or content
 * @param sealed write-only on Railway: it can never be read back, only compared by name
 */
public record VariableSpec(
        String name, Secret value, String template, boolean sensitive, boolean sealed, Location location) {

    /** The value for display: masked when sensitive. */
    public String display() {
        return sensitive ? Secret.MASK : value.reveal();
    }
}
