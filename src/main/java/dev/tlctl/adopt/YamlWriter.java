package dev.tlctl.adopt;

import dev.tlctl.adopt.SpecDocument.Entry;
import dev.tlctl.adopt.SpecDocument.Mapping;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a {@link SpecDocument} as YAML, deterministically: two-space indentation, block style
 * (lists as {@code - item} lines, a mapping in a list as {@code - key: value} with its other
 * entries aligned under the first, an empty mapping as {@code {}}), a blank line between top-level
 * keys and between the entries of {@code services}, and one quoting rule: a string is written
 * plain when YAML reads it back as that same string, else double-quoted with escapes. Numbers
 * that YAML would read as another type ({@code "0"}, {@code "yes"}) are therefore quoted, as the
 * repository's spec writes {@code DEBUG: "0"}.
 */
public final class YamlWriter {
    private static final String INDENT = "  ";
    /** Words YAML 1.1 (SnakeYAML) reads as a boolean or null, or that mean something alone. */
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null",
            "~", "=", "<<");
    /** Characters that may not start a plain scalar. */
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlWriter() {}

    static String write(SpecDocument document) {
        StringBuilder out = new StringBuilder();
        comments(out, document.header(), "");
        if (!document.header().isEmpty() && !document.root().isEmpty()) {
            out.append('\n');
        }
        boolean first = true;
        for (Entry entry : document.root().entries()) {
            if (!first) {
                out.append('\n');
            }
            first = false;
            entry(out, entry, "", "services".equals(entry.key()));
        }
        if (!document.footer().isEmpty()) {
            if (!document.root().isEmpty()) {
                out.append('\n');
            }
            comments(out, document.footer(), "");
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, Entry entry, String indent, boolean spaced) {
        comments(out, entry.comments(), indent);
        out.append(indent).append(scalar(entry.key())).append(':');
        Object value = entry.value();
        if (value instanceof Mapping mapping) {
            if (mapping.isEmpty()) {
                out.append(" {}\n");
                return;
            }
            out.append('\n');
            boolean first = true;
            for (Entry child : mapping.entries()) {
                if (spaced && !first) {
                    out.append('\n');
                }
                first = false;
                entry(out, child, indent + INDENT, false);
            }
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append(" []\n");
                return;
            }
            out.append('\n');
            for (Object item : list) {
                if (item instanceof Mapping mapping && !mapping.isEmpty()) {
                    listItem(out, mapping, indent + INDENT);
                } else {
                    out.append(indent).append(INDENT).append("- ")
                            .append(item instanceof Mapping ? "{}" : value(item)).append('\n');
                }
            }
        } else {
            out.append(' ').append(value(value)).append('\n');
        }
    }

    /** A mapping as an item of a list: {@code - key: value}, its other entries aligned under the first. */
    private static void listItem(StringBuilder out, Mapping mapping, String indent) {
        StringBuilder item = new StringBuilder();
        for (Entry child : mapping.entries()) {
            entry(item, child, indent + INDENT, false);
        }
        out.append(indent).append("- ").append(item, indent.length() + INDENT.length(), item.length());
    }

    /**
     * Comment lines; a name from Railway inside one (a domain, a volume) cannot end the comment:
     * every other character YAML may read as a line break, or that is not printable, is escaped.
     */
    private static void comments(StringBuilder out, List<String> lines, String indent) {
        for (String comment : lines) {
            for (String line : comment.split("\n", -1)) {
                out.append(indent).append(line.isEmpty() ? "#" : "# " + printable(line)).append('\n');
            }
        }
    }

    private static String printable(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            out.append(unprintable(line, i) ? String.format("\\u%04x", (int) c) : c);
        }
        return out.toString();
    }

    /** A scalar value as YAML text. */
    static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("not a number tlctl writes: " + d);
            }
            return new BigDecimal(d.toString()).stripTrailingZeros().toPlainString();
        }
        return scalar(value.toString());
    }

    /** A value on one line, for a text edit: a scalar, or a list in flow style with every item quoted. */
    public static String inline(Object value) {
        if (value instanceof List<?> list) {
            List<String> items = new java.util.ArrayList<>();
            list.forEach(item -> items.add(quoted(String.valueOf(item))));
            return "[" + String.join(", ", items) + "]";
        }
        return value(value);
    }

    /** A string as YAML reads it back unchanged: plain when safe, else double-quoted. */
    static String scalar(String text) {
        return plainIsSafe(text) ? text : quoted(text);
    }

    /**
     * Whether {@code text} may be written plain: not empty, no leading or trailing space, no
     * indicator first, no {@code ": "} or {@code " #"} inside, no trailing colon, printable
     * characters only, and nothing YAML resolves to another type (a boolean word, null, a number,
     * a date: anything starting with a digit or a sign is quoted, and {@code .5}, {@code .inf}).
     */
    static boolean plainIsSafe(String text) {
        if (text.isEmpty() || RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return false;
        }
        char first = text.charAt(0);
        char last = text.charAt(text.length() - 1);
        if (INDICATORS.indexOf(first) >= 0 || Character.isWhitespace(first) || Character.isWhitespace(last)
                || Character.isDigit(first) || first == '+' || last == ':') {
            return false;
        }
        if (first == '.' && (text.length() > 1 && Character.isDigit(text.charAt(1))
                || text.equalsIgnoreCase(".inf") || text.equalsIgnoreCase(".nan"))) {
            return false;
        }
        if (text.contains(": ") || text.contains(" #") || text.contains(":\t")) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (unprintable(text, i) || Character.isSurrogate(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A double-quoted scalar: backslash, quote and every non-printable character escaped. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (unprintable(text, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Whether the character at {@code i} must be escaped: a control character, one YAML may read
     * as a line break, a byte-order mark, or half of a broken surrogate pair.
     */
    private static boolean unprintable(String text, int i) {
        char c = text.charAt(i);
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff'
                || Character.isSurrogate(c) && !validPair(text, i);
    }

    /** Whether the surrogate at {@code i} belongs to a well-formed pair. */
    private static boolean validPair(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
