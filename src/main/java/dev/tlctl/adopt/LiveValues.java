package dev.tlctl.adopt;

import dev.tlctl.live.LiveVariable;
import dev.tlctl.secret.SecretText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a live variable's value is written in the spec: as it is (Railway references
 * {@code ${{...}}} kept), with tlctl's own reference syntax escaped, or, when it is a secret by
 * the spec's rules, as an {@code ${env:...}} reference. A secret: sealed or unreadable (Railway
 * returns no value), a secret name with literal text (references aside), or literal text that
 * holds a credential or a long random-looking string ({@link SecretText}).
 */
final class LiveValues {
    /** tlctl's references as the spec reader finds them; a literal one is escaped as {@code $${...}}. */
    private static final Pattern TLCTL_REFERENCE = Pattern.compile("\\$?\\$\\{(env|file):([^}]{0,4096})}");
    /** Every reference (Railway's and tlctl's), which is never a credential itself. */
    private static final Pattern ANY_REFERENCE = Pattern.compile(
            "\\$\\{\\{[^}]{0,1024}}}|\\$\\{(?:env|file):[^}]{0,4096}}");

    private LiveValues() {}

    /** Why {@code variable} is a secret, in a few words; null when it is not one. */
    static String secretReason(LiveVariable variable) {
        if (variable.sealed()) {
            return "sealed on Railway";
        }
        if (!variable.readable()) {
            return "not readable with this token";
        }
        String literal = ANY_REFERENCE.matcher(variable.value().reveal()).replaceAll("\u0001");
        String content = SecretText.reason(literal);
        if (content != null) {
            return "holds " + content;
        }
        if (SecretText.nameLooksSecret(variable.name()) && !literal.replace("\u0001", "").isBlank()) {
            return "its name says so";
        }
        return null;
    }

    /** A value that is not a secret, as the spec must write it to read it back unchanged. */
    static String literal(String value) {
        Matcher m = TLCTL_REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("$" + m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Whether a setting's text holds what the spec reads as a reference (settings may not). */
    static boolean holdsReference(String text) {
        Matcher m = TLCTL_REFERENCE.matcher(text);
        while (m.find()) {
            if (!m.group().startsWith("$$")) {
                return true;
            }
        }
        return false;
    }
}
