package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.YMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code previews:} (environment templates) and {@code pullRequestEnvironments:}, checking
 * each against the declared environments: a template is created from one of them, names others
 * by a pattern with {@code {n}}, and may not claim one of them.
 */
final class PreviewReader {
    static final List<String> TEMPLATE_KEYS = SpecKeys.PREVIEW_TEMPLATE.names();
    static final List<String> PR_KEYS = SpecKeys.PULL_REQUEST_ENVIRONMENTS.names();
    private static final Pattern TTL = Pattern.compile("([0-9]{1,6})([dhm])");

    /** The templates read, and the overlay of each that has one, by template name. */
    record Read(Previews previews, Map<String, SpecReader.Overlay> overlays) {}

    private final NodeReader r;
    private final Problems problems;

    PreviewReader(NodeReader r) {
        this.r = r;
        this.problems = r.problems();
    }

    /**
     * @param overlayFile loads a template's overlay by its path relative to the spec's folder
     *     (null when it cannot: the loader reports why)
     */
    Read previews(Entry entry, List<String> declared, Function<String, SpecReader.Overlay> overlayFile) {
        Map<String, PreviewTemplate> templates = new LinkedHashMap<>();
        Map<String, SpecReader.Overlay> overlays = new LinkedHashMap<>();
        YMap map = entry == null ? null : r.map(entry.value(), "a mapping of template names", true);
        if (map == null) {
            return new Read(Previews.none(), overlays);
        }
        Map<String, String> patterns = new LinkedHashMap<>();
        for (Entry t : map.entries().values()) {
            Names.check("template", t.key(), t.keyLocation(), problems);
            YMap body = r.map(t.value(), "a mapping with from and namePattern", false);
            if (body == null) {
                continue;
            }
            r.checkKeys(body, TEMPLATE_KEYS);
            Map<String, Entry> e = body.entries();
            String from = from(t, e.get("from"), declared);
            String pattern = pattern(t, e.get("namePattern"), declared, patterns);
            String overlay = null;
            if (e.get("overlay") != null) {
                overlay = overlay(e.get("overlay"), overlayFile, overlays, t.key());
            }
            Duration ttl = e.get("ttl") == null ? null : ttl(e.get("ttl"));
            Boolean inherit = bool(e.get("inheritSecrets"));
            if (from != null && pattern != null) {
                templates.put(t.key(), new PreviewTemplate(t.key(), from, pattern, overlay, ttl, t.keyLocation(),
                        inherit != null && inherit));
            }
        }
        return new Read(new Previews(templates), overlays);
    }

    private String from(Entry template, Entry entry, List<String> declared) {
        if (entry == null) {
            problems.error(template.keyLocation(), "template " + template.key() + " has no 'from'",
                    "Name the declared environment its previews are created from and sized like, such as 'from: staging'.");
            return null;
        }
        String from = r.string(entry.value());
        return from != null && known(from, entry, declared, "A template is created from a declared environment.")
                ? from : null;
    }

    private String pattern(Entry template, Entry entry, List<String> declared, Map<String, String> seen) {
        if (entry == null) {
            problems.error(template.keyLocation(), "template " + template.key() + " has no 'namePattern'",
                    "Write the names of its environments with {n} for the number, such as 'namePattern: \"pr-{n}\"'.");
            return null;
        }
        String pattern = r.string(entry.value());
        if (pattern == null) {
            return null;
        }
        Location at = entry.value().location();
        int count = pattern.split(Pattern.quote(PreviewTemplate.NUMBER), -1).length - 1;
        if (count != 1) {
            problems.error(at, "namePattern \"" + pattern + "\" must contain {n} once",
                    "{n} stands for the number (digits) that tells previews apart, such as \"pr-{n}\".");
            return null;
        }
        Names.check("environment", pattern.replace(PreviewTemplate.NUMBER, "1"), at, problems);
        String twin = seen.put(pattern, template.key());
        if (twin != null) {
            problems.error(at, "templates " + twin + " and " + template.key() + " have the same namePattern",
                    "An environment must match one template; give each its own pattern.");
            return null;
        }
        PreviewTemplate probe = new PreviewTemplate(template.key(), null, pattern, null, null, at);
        for (String environment : declared) {
            if (probe.number(environment).isPresent()) {
                problems.error(at, "template " + template.key() + " matches the declared environment " + environment,
                        "A declared environment is planned from its own declaration, a preview from its template;"
                                + " rename the environment or change the pattern.");
                return null;
            }
        }
        return pattern;
    }

    private String overlay(Entry entry, Function<String, SpecReader.Overlay> overlayFile,
            Map<String, SpecReader.Overlay> overlays, String template) {
        String path = r.string(entry.value());
        if (path == null) {
            return null;
        }
        Path relative = Path.of(path).normalize();
        if (path.isBlank() || relative.isAbsolute() || relative.startsWith("..")) {
            problems.error(entry.value().location(), "overlay \"" + path + "\" is outside the spec's folder",
                    "Write a path relative to the spec's folder, such as environments/preview.yaml.");
            return null;
        }
        SpecReader.Overlay overlay = overlayFile.apply(relative.toString());
        if (overlay == null) {
            problems.error(entry.value().location(), "no overlay file " + relative,
                    "Create it (it may be empty), or remove 'overlay'.");
            return null;
        }
        overlays.put(template, overlay);
        return relative.toString();
    }

    private Duration ttl(Entry entry) {
        String text = r.string(entry.value());
        if (text == null) {
            return null;
        }
        Matcher m = TTL.matcher(text);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            problems.error(entry.value().location(), "expected a time to live such as 7d, 12h or 90m, found \"" + text + "\"",
                    "A number above zero followed by d (days), h (hours) or m (minutes).");
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Duration.ofDays(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
    }

    /** {@code pullRequestEnvironments: {enabled, from, focused, bots}}. */
    PullRequestEnvironmentsSpec pullRequests(Entry entry, List<String> declared) {
        if (entry == null) {
            return PullRequestEnvironmentsSpec.undeclared();
        }
        YMap map = r.map(entry.value(), "a mapping with enabled, from, focused and bots", true);
        if (map == null) {
            return PullRequestEnvironmentsSpec.undeclared();
        }
        r.checkKeys(map, PR_KEYS);
        Map<String, Entry> e = map.entries();
        String from = e.get("from") == null ? null : r.string(e.get("from").value());
        if (from != null) {
            known(from, e.get("from"), declared, "Railway copies pull request environments from a declared environment.");
        }
        return new PullRequestEnvironmentsSpec(bool(e.get("enabled")), from, bool(e.get("focused")),
                bool(e.get("bots")), entry.keyLocation());
    }

    private boolean known(String environment, Entry entry, List<String> declared, String why) {
        if (declared.contains(environment)) {
            return true;
        }
        String guess = NodeReader.closest(environment, declared);
        problems.error(entry.value().location(), "unknown environment \"" + environment + "\"",
                (guess == null ? "" : "Did you mean \"" + guess + "\"? ") + why + " Declared environments: "
                        + String.join(", ", declared) + ".");
        return false;
    }

    private Boolean bool(Entry entry) {
        return entry == null ? null : r.bool(entry.value());
    }

    /** Whether {@code environment} is undeclared and a template names it; such environments are read too. */
    static boolean instance(Previews previews, Set<String> declared, String environment) {
        return !declared.contains(environment) && previews.match(environment).isPresent();
    }
}
