package dev.tlctl.audit;

/** Railway's references in live values, read without regular expressions (values may be huge or hostile). */
final class References {
    private References() {}

    /** Whether {@code value} is exactly {@code ${{shared.NAME}}} (spaces allowed inside the braces). */
    static boolean isSharedReference(String value, String name) {
        String text = value.strip();
        if (!text.startsWith("${{") || !text.endsWith("}}")) {
            return false;
        }
        return text.substring(3, text.length() - 2).strip().equals("shared." + name);
    }

    /** Whether {@code value} holds a Railway reference ({@code ${{...}}}), rendered by Railway per environment. */
    static boolean hasReference(String value) {
        return value.contains("${{");
    }
}
