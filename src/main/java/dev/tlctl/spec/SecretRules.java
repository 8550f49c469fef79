package dev.tlctl.spec;

import dev.tlctl.secret.SecretText;
import java.util.regex.Pattern;

/**
 * The spec's side of {@link SecretText}: a variable's secret name, and the literal part of a value
 * (references removed) where a plaintext credential is looked for. Railway's own references
 * ({@code ${{shared.X}}}) and tlctl's ({@code ${env:X}}, {@code ${file:P}}) are never credentials
 * themselves.
 */
final class SecretRules {
    /** Every kind of reference; replaced by a marker before looking for literal credentials. */
    private static final Pattern ANY_REFERENCE = Pattern.compile(
            "\\$\\{\\{[^}]{0,1024}}}|\\$\\{(?:env|file):[^}]{0,4096}}");

    private SecretRules() {}

    static boolean nameLooksSecret(String name) {
        return SecretText.nameLooksSecret(name);
    }


    /** The text with every reference replaced by a marker ({@code \u0001}) that no credential pattern matches. */
    static String literalPart(String template) {
        if (References.wholeEnvReference(template) != null) {
            return "\u0001"; // the common case, without the regex
        }
        return ANY_REFERENCE.matcher(template).replaceAll("\u0001");
    }

}
