package dev.tlctl.audit;

import dev.tlctl.secret.Secret;

/**
 * A live variable as {@code tlctl vars list} shows it.
 *
 * @param service the service, null for a shared variable
 * @param declared the spec declares it in this environment (else it is on Railway only)
 * @param form what Railway holds: a value, a reference rendered by Railway, or nothing readable
 * @param value the value as written (references unrendered); null when sealed or unreadable
 * @param sensitive a secret: never shown
 */
public record ListedVariable(String service, String name, boolean declared, Form form, Secret value, boolean sensitive) {

    /** What Railway holds. */
    public enum Form {
        /** A value of its own. */
        VALUE,
        /** A value holding {@code ${{...}}} references, which Railway renders per environment. */
        REFERENCE,
        /** Written sealed: Railway never returns it. */
        SEALED,
        /** This token may not read it. */
        UNREADABLE
    }
}
