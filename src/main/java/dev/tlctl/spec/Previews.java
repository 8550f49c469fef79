package dev.tlctl.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The spec's environment templates ({@code previews:}), by name in spec order. An environment
 * the spec does not declare but a template matches is known to tlctl: it is read as the
 * template's source environment with the template's overlay over it.
 */
public record Previews(Map<String, PreviewTemplate> templates) {

    public Previews {
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    public static Previews none() {
        return new Previews(Map.of());
    }

    /** A template that names an environment, and the number in that name. */
    public record Match(PreviewTemplate template, String number) {}

    /** The first template (in spec order) whose pattern matches {@code environment}. */
    public Optional<Match> match(String environment) {
        for (PreviewTemplate template : templates.values()) {
            Optional<String> number = template.number(environment);
            if (number.isPresent()) {
                return Optional.of(new Match(template, number.get()));
            }
        }
        return Optional.empty();
    }
}
