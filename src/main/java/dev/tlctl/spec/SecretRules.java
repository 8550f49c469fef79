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
    /** A URL whose user-info carries a password: {@code scheme://user:password@host}. */
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://[^\\s/@:\u0001]*:[^\\s/@\u0001]+@");
    /** Every kind of reference; replaced by a marker before looking for literal credentials. */
    private static final Pattern ANY_REFERENCE = Pattern.compile("\\$\\{\\{[^}]*}}|\\$\\{(?:env|file):[^}]*}");

    private SecretRules() {}

    static boolean nameLooksSecret(String name) {
        return SECRET_NAME.matcher(name.toUpperCase(Locale.ROOT)).matches();
    }

    static boolean hasUrlPassword(String text) {
        return URL_WITH_PASSWORD.matcher(text).find();
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
