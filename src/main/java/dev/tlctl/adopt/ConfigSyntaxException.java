package dev.tlctl.adopt;

import dev.tlctl.spec.Location;

/** A Railway config-as-code file that is not valid JSON or TOML (or not an object): what is wrong, and where. */
public final class ConfigSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Location location;

    ConfigSyntaxException(Location location, String message) {
        super(message);
        this.location = location;
    }

    public Location location() {
        return location;
    }
}
