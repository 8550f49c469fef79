package dev.tlctl.spec;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment template under {@code previews:}: environments whose name matches
 * {@code namePattern} ({@code {n}} standing for digits, as {@code pr-{n}} matches {@code pr-42})
 * are created from {@code from} and hold its values with {@code overlay} over them.
 *
 * @param overlay the template's overlay file, relative to the spec's folder; null for none
 * @param ttl how long a preview may live before {@code env prune --expired} deletes it; null: forever
 * @param inheritSecrets whether its previews keep the secrets of {@code from} (by default they do
 *     not: a preview's secrets are its own, from the template's overlay)
 */
public record PreviewTemplate(String name, String from, String namePattern, String overlay, Duration ttl,
        Location location, boolean inheritSecrets) {

    /** A template whose previews do not inherit secrets. */
    public PreviewTemplate(String name, String from, String namePattern, String overlay, Duration ttl,
            Location location) {
        this(name, from, namePattern, overlay, ttl, location, false);
    }

    /** What stands for the digits in a name pattern. */
    public static final String NUMBER = "{n}";

    /** The number in {@code environment} when it matches this template's pattern. */
    public Optional<String> number(String environment) {
        Matcher m = regex(namePattern).matcher(environment);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The environment this template names for pull request (or any) number {@code n}. */
    public String nameFor(long n) {
        return namePattern.replace(NUMBER, Long.toString(n));
    }

    private static Pattern regex(String pattern) {
        int at = pattern.indexOf(NUMBER);
        return Pattern.compile(Pattern.quote(pattern.substring(0, at)) + "([0-9]+)"
                + Pattern.quote(pattern.substring(at + NUMBER.length())));
    }
}
