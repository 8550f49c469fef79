package dev.tlctl.adopt;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names of the environment variables that hold imported secrets, predictable from where the
 * secret lives: {@code <ENVIRONMENT>_<NAME>} for a shared variable ({@code STAGING_DATABASE_URL}),
 * {@code <ENVIRONMENT>_<SERVICE>_<NAME>} for a service's, upper case, every character outside
 * {@code [A-Z0-9_]} written {@code _}. Two places that would share a name get {@code _2},
 * {@code _3}... in the order they are named, which is the import's fixed order.
 */
final class SecretNames {
    private final Map<String, String> taken = new HashMap<>();

    /** The name for the secret at {@code address} (environment, service or null, variable). */
    String name(String environment, String service, String variable) {
        String address = environment + "\u0000" + service + "\u0000" + variable;
        String base = part(environment) + "_" + (service == null ? "" : part(service) + "_") + variable.toUpperCase(
                Locale.ROOT);
        if (Character.isDigit(base.charAt(0))) {
            base = "_" + base;
        }
        String name = base;
        for (int n = 2; taken.containsKey(name) && !taken.get(name).equals(address); n++) {
            name = base + "_" + n;
        }
        taken.put(name, address);
        return name;
    }

    private static String part(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toUpperCase(Locale.ROOT).toCharArray()) {
            out.append((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        return out.toString();
    }
}
