package dev.tlctl.cli;

/**
 * Text from Railway or the spec as it may reach a terminal: names and values can hold anything,
 * and an escape sequence printed raw would be executed by the terminal (retitle it, clear it,
 * hide lines). Every human view passes such text through {@link #of}.
 */
final class Printable {
    private Printable() {}

    /** Control characters (escape sequences, newlines) as visible {@code \\uXXXX}. */
    static String of(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
