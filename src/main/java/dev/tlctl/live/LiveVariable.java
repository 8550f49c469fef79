package dev.tlctl.live;

import dev.tlctl.secret.Secret;

/**
 * A variable as Railway holds it, as written (references unrendered). The value always travels
 * masked; it is null when Railway will not return it: a sealed variable, or one the token may
 * not decrypt.
 */
public record LiveVariable(String name, Secret value, boolean sealed) {

    public boolean readable() {
        return value != null;
    }
}
