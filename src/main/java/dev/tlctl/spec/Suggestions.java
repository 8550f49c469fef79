package dev.tlctl.spec;

import java.util.Collection;

/** The spec's "did you mean" for other readers of configuration (Railway's config-as-code files). */
public final class Suggestions {
    private Suggestions() {}

    /** The known word closest to {@code word} (same letters ignoring case, or a small edit away), or null. */
    public static String closest(String word, Collection<String> known) {
        return NodeReader.closest(word, known);
    }
}
