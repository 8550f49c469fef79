package dev.tlctl.railway;

import dev.tlctl.secret.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Clears the secrets a request carried (its token, its {@link Secret} variables) from text that
 * Railway or a proxy sent back, such as a validation error quoting an input value. Only
 * sensitive values travel as {@code Secret}s (a {@code DEBUG=1} goes as plain text), so every one
 * of them is masked, however short: a garbled number in a rare message is better than a leak.
 */
final class Redactor {
    static final int MIN_LENGTH = 1;

    private final List<String> secrets;

    Redactor(Collection<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && value.length() >= MIN_LENGTH) {
                distinct.add(value);
                String escaped = jsonEscaped(value);
                if (!escaped.equals(value)) {
                    distinct.add(escaped);
                }
            }
        }
        List<String> sorted = new ArrayList<>(distinct);
        sorted.sort(Comparator.comparingInt(String::length).reversed()); // longest first: no half-masked secret
        this.secrets = List.copyOf(sorted);
    }

    String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, Secret.MASK);
        }
        return out;
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
