package dev.tlctl.spec;

/**
 * The naming rules: project, environment and service names are non-empty and free of control
 * characters (Railway accepts names such as "Postgres" or "my api", so nothing stricter);
 * variable names are {@code [A-Za-z_][A-Za-z0-9_]*}.
 */
final class Names {
    private Names() {}

    static void check(String kind, String name, Location location, Problems problems) {
        if (name.isBlank()) {
            problems.error(location, "the " + kind + " name is empty",
                    "Give the " + kind + " a name; Railway accepts any name without control characters.");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.error(location, "the " + kind + " name contains a control character",
                    "Names may not contain tabs, newlines or other control characters.");
        }
    }

    static boolean checkVariable(String name, Location location, Problems problems) {
        boolean valid = variableName(name);
        if (valid && VariableSpec.reserved(name)) {
            problems.error(location, "the variable name " + name + " is reserved for tlctl's record",
                    "tlctl keeps its record of each environment in the shared variables " + VariableSpec.RECORD + " and "
                            + VariableSpec.RECORD + "_2, _3...; choose another name.");
            return false;
        }
        if (valid) {
            return true;
        }
        problems.error(location, "invalid variable name \"" + printable(name) + "\"",
                "Variable names are letters, digits and underscores, and do not start with a digit.");
        return false;
    }

    /** Whether {@code name} is {@code [A-Za-z_][A-Za-z0-9_]*}, without a regex: every variable of a spec is checked. */
    static boolean variableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? "\\u" + String.format("%04x", c) : Character.toString(c)));
        return out.toString();
    }
}
