package dev.tlctl.adopt;

import dev.tlctl.secret.Secret;

/**
 * A secret import wrote as an {@code ${env:...}} reference: the name to set ({@code variable}),
 * where it belongs, and its value (masked) when Railway returned one; null when the variable is
 * sealed or the token may not read it, so that someone must set it by hand.
 *
 * @param service null for a shared variable
 * @param why why it is a secret, in a few words (never any part of the value)
 */
public record ImportedSecret(String variable, String environment, String service, String name, Secret value,
        boolean sealed, String why) {

    /** Whether the value is known (it can go to a dotenv file). */
    public boolean known() {
        return value != null;
    }

    /** {@code production/shared/DATABASE_URL} or {@code production/api/DATABASE_URL}. */
    public String address() {
        return environment + "/" + (service == null ? "shared" : service) + "/" + name;
    }
}
