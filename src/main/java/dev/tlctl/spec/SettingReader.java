package dev.tlctl.spec;

import java.util.List;
import java.util.Locale;

/** Reads one setting's value by its {@link Settings.Def}: type, allowed values, bounds, pattern. */
final class SettingReader {
    private SettingReader() {}

    static Object read(NodeReader r, Settings.Def def, YNode node) {
        Problems problems = r.problems();
        switch (def.type()) {
            case STRING -> {
                String value = r.string(node);
                if (value == null) {
                    return null;
                }
                if (References.containsReference(value)) {
                    problems.error(node.location(), "references are resolved only in variable values",
                            "Write the setting's value itself; ${env:...} and ${file:...} work under variables and sharedVariables.");
                    return null;
                }
                if (def.pattern() != null && !def.pattern().matcher(value).matches()) {
                    problems.error(node.location(), "expected " + def.patternHint() + ", found " + quoted(value), null);
                    return null;
                }
                return value;
            }
            case INT -> {
                Long value = r.integer(node);
                if (value != null && def.min() != null && value < def.min()) {
                    problems.error(node.location(), "must be at least " + def.min().longValue() + ", found " + value, null);
                    return null;
                }
                return value;
            }
            case NUMBER -> {
                Double value = r.number(node);
                if (value != null && def.min() != null && value <= def.min()) {
                    problems.error(node.location(), "must be more than " + def.min().longValue() + ", found " + NodeReader.found(node), null);
                    return null;
                }
                return value;
            }
            case BOOL -> {
                return r.bool(node);
            }
            case STRING_LIST -> {
                List<String> value = r.stringList(node);
                return value == null ? null : List.copyOf(value);
            }
            case ENUM -> {
                String value = r.string(node);
                if (value == null) {
                    return null;
                }
                String upper = value.toUpperCase(Locale.ROOT);
                boolean text = node instanceof YNode.YScalar s && s.kind() == YNode.Kind.STRING;
                if (!text || !def.allowed().contains(upper)) {
                    // `restartPolicyType: true` is a boolean to YAML, not the word "true".
                    problems.error(node.location(), "expected one of " + String.join(", ", def.allowed())
                            + ", found " + (text ? quoted(value) : NodeReader.found(node)), null);
                    return null;
                }
                return upper;
            }
            default -> throw new IllegalStateException(def.type().toString());
        }
    }

    /** The value in quotes, shortened; a credential (a URL carrying a password, a token) is not shown. */
    private static String quoted(String value) {
        String secret = dev.tlctl.secret.SecretText.reason(value);
        if (secret != null) {
            return secret + " (not shown; never write credentials in the spec)";
        }
        return "\"" + shorten(value) + "\"";
    }

    private static String shorten(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
