package dev.tlctl.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a variable is a secret by its name or its content, and when a value written in the YAML
 * is a plaintext credential. Railway's own references ({@code ${{shared.X}}}) and tlctl's
 * ({@code ${env:X}}, {@code ${file:P}}) are never credentials themselves.
 */
final class SecretRules {
    /** {@code *_TOKEN}, {@code *_SECRET}, {@code *_KEY}, {@code *PASSWORD*} (and the bare words). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?:^|.*_)(?:TOKEN|SECRET|KEY)$|.*PASSWORD.*|.*PASSWD.*", Pattern.CASE_INSENSITIVE);
    /** Every kind of reference; replaced by a marker before looking for literal credentials. */
    private static final Pattern ANY_REFERENCE = Pattern.compile(
            "\\$\\{\\{[^}]{0,1024}}}|\\$\\{(?:env|file):[^}]{0,4096}}");

    private SecretRules() {}

    static boolean nameLooksSecret(String name) {
        return SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
    }

    /**
     * Whether {@code text} holds a URL whose user-info carries a password:
     * {@code scheme://user:password@host}. Linear in the text's length (a regular expression
     * searched from every position took minutes on a 100,000-character value): for each
     * {@code ://}, the scheme before it and the user-info after it are scanned up to their first
     * delimiter, which is never past the next {@code ://}.
     */
    static boolean hasUrlPassword(String text) {
        for (int at = text.indexOf("://"); at >= 0; at = text.indexOf("://", at + 1)) {
            if (schemeBefore(text, at) && passwordAfter(text, at + 3)) {
                return true;
            }
        }
        return false;
    }

    /** A scheme ({@code [A-Za-z][A-Za-z0-9+.-]*}) ends at {@code end}: some letter in the run before it. */
    private static boolean schemeBefore(String text, int end) {
        for (int i = end - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (isAsciiLetter(c)) {
                return true;
            }
            if (!(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
                return false;
            }
        }
        return false;
    }

    /** {@code user:password@} from {@code start}: a user without ':', then a password of one or more characters. */
    private static boolean passwordAfter(String text, int start) {
        int i = start;
        while (i < text.length() && !delimiter(text.charAt(i)) && text.charAt(i) != ':') {
            i++;
        }
        if (i >= text.length() || text.charAt(i) != ':') {
            return false;
        }
        int password = ++i;
        while (i < text.length() && !delimiter(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '@' && i > password;
    }

    private static boolean delimiter(char c) {
        return Character.isWhitespace(c) || c == '/' || c == '@' || c == '\u0001';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    /** The text with every reference replaced by a marker that no credential pattern matches. */
    static String literalPart(String template) {
        return ANY_REFERENCE.matcher(template).replaceAll("\u0001");
    }

    /** Whether the literal text (references removed) holds anything at all. */
    static boolean hasLiteralText(String template) {
        return !literalPart(template).replace("\u0001", "").isBlank();
    }
}
