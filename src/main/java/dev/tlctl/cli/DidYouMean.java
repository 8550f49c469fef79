package dev.tlctl.cli;

import dev.tlctl.spec.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Did you mean staging?" for an environment or service name the core does not know ({@code --env
 * stagin}): the name is read from the core's usage error, the known names from its detail (which
 * lists them), and the closest one, if any is close, is added to the summary.
 */
final class DidYouMean {
    /** The core's unknown-name summaries: {@code unknown environment "x"}, {@code no service "x"}, {@code has no environment x}. */
    private static final Pattern UNKNOWN = Pattern.compile(
            "(?:unknown|no) (?:environment|service) \"([^\"]+)\"|has no environment (\\S+)$");
    /** The names the detail lists: "The spec declares: a, b." and the like. */
    private static final Pattern KNOWN = Pattern.compile(
            "(?:The spec declares|Its environments|Its services|It has): ([^.]*)\\.");

    private DidYouMean() {}

    /** {@code summary} with "; did you mean NAME?" when it names an unknown name close to a known one. */
    static String summary(String summary, String detail) {
        if (summary == null || detail == null) {
            return summary;
        }
        Matcher unknown = UNKNOWN.matcher(summary);
        Matcher known = KNOWN.matcher(detail);
        if (!unknown.find() || !known.find()) {
            return summary;
        }
        String name = unknown.group(1) != null ? unknown.group(1) : unknown.group(2);
        List<String> names = Arrays.stream(known.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        String closest = Suggestions.closest(name, names);
        return closest == null || closest.equals(name) ? summary : summary + "; did you mean " + closest + "?";
    }
}
