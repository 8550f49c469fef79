package dev.tlctl.cli;

/**
 * Text from Railway or the spec as it may reach a terminal: names and values can hold anything,
 * and an escape sequence printed raw would be executed by the terminal (retitle it, clear it,
 * hide lines), and a bidirectional control (U+202E and its kin) would reorder the rest of the
 * line, so that a plan line reads other than what it says ("Trojan Source"). Every human view
 * passes such text through {@link #of}.
 */
final class Printable {
    private Printable() {}

    /** Control characters (escape sequences, newlines) and bidirectional controls as visible {@code \\uXXXX}. */
    static String of(String text) {
        int length = text.length();
        int i = 0;
        // Printable ASCII, what nearly every name and value is made of, needs no other check.
        while (i < length && text.charAt(i) >= ' ' && text.charAt(i) < '\u007f') {
            i++;
        }
        if (i == length) {
            return text;
        }
        StringBuilder out = null;
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || bidiControl(c)) {
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

    /**
     * The characters that change the direction of the text after them: the Arabic letter mark,
     * the left-to-right and right-to-left marks, embeddings and overrides (U+202A-U+202E) and
     * isolates (U+2066-U+2069). Other format characters (a zero-width joiner in an emoji) stay.
     */
    static boolean bidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }
}
