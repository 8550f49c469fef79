package dev.tlctl.plan;

import dev.tlctl.secret.Witness;
import java.util.Map;

/**
 * What tlctl knows of its own earlier applies, as a plan and an audit need it: the value it last
 * wrote (or found as the spec said) at an address, as a {@link Witness}; and what it created, so
 * that what it created and the spec no longer declares is deleted, while what someone else added
 * stays unmanaged. Implemented by the records every checkout reads (on Railway); tests use a map.
 */
public interface History {
    /** Knows nothing. */
    History NONE = of(Map.of());

    /** The value tlctl last wrote at a variable or setting address; null when it has no record of one. */
    Witness written(Address address);

    /**
     * Whether tlctl created what {@code address} names: a variable, a domain (a service's generated
     * one as {@code domain/railway}), a service's instance, a service or an environment. {@code id}
     * is the live id of a service or environment (a record of a service of that name but another id
     * is someone else's), the service's id for an instance, null for a variable or a domain.
     */
    boolean created(Address address, String id);

    /** Only what was written, by address text; nothing created. */
    static History of(Map<String, ? extends Witness> written) {
        return new History() {
            @Override
            public Witness written(Address address) {
                return written.get(address.text());
            }

            @Override
            public boolean created(Address address, String id) {
                return false;
            }
        };
    }
}
