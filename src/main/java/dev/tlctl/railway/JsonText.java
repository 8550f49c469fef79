package dev.tlctl.railway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The compact JSON text of a Jackson tree, character for character what {@link JsonNode#toString()}
 * writes, without the {@code ObjectWriter} and generator that each {@code toString()} sets up (a
 * project read turns three config parts of every instance into text: at 500 instances that set-up
 * cost ~45 ms of a plan). Nodes other than objects, arrays, strings, booleans, nulls and integral
 * numbers (doubles, big numbers, binary) are left to Jackson, for the whole tree.
 */
final class JsonText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonText() {}

    static String of(JsonNode node) {
        StringBuilder out = new StringBuilder(128);
        return append(node, out) ? out.toString() : node.toString();
    }

    /** Appends {@code node}; false when a node in it is one this class leaves to Jackson. */
    private static boolean append(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(e.getKey(), out);
                    out.append(':');
                    if (!append(e.getValue(), out)) {
                        return false;
                    }
                }
                out.append('}');
                return true;
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!append(node.get(i), out)) {
                        return false;
                    }
                }
                out.append(']');
                return true;
            }
            case STRING -> {
                quote(node.textValue(), out);
                return true;
            }
            case BOOLEAN -> {
                out.append(node.booleanValue());
                return true;
            }
            case NULL -> {
                out.append("null");
                return true;
            }
            case NUMBER -> {
                if (node.isInt() || node.isLong() || node.isShort()) {
                    out.append(node.longValue());
                    return true;
                }
                if (node.isDouble() && Double.isFinite(node.doubleValue())) {
                    out.append(node.doubleValue()); // Double.toString, as Jackson writes it by default
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    /** A JSON string as Jackson writes it: quote, backslash and control characters escaped. */
    private static void quote(String text, StringBuilder out) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(text, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(text, plain, text.length()).append('"');
    }
}
