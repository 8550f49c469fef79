package dev.tlctl.adopt;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML document as tlctl writes it: comment lines at the top, then a mapping whose values are
 * scalars ({@code String}, {@code Long}, {@code Double}, {@code Boolean}), lists of strings or of
 * mappings, nested mappings or null (an overlay's "remove"). Entries keep the order they were added in, and each may
 * carry comment lines written above it (the document has some at its top and its end), so that the same input always gives the same text.
 */
public final class SpecDocument {
    private final List<String> header = new ArrayList<>();
    private final Mapping root = new Mapping();
    private final List<String> footer = new ArrayList<>();

    /** A mapping: entries in the order added. */
    public static final class Mapping {
        private final List<Entry> entries = new ArrayList<>();

        /** The entry under {@code key}, or null. */
        public Entry entry(String key) {
            for (Entry e : entries) {
                if (e.key.equals(key)) {
                    return e;
                }
            }
            return null;
        }

        /** Sets {@code key} to a scalar, a list (of strings or mappings), a mapping or null, replacing its value if present. */
        public Mapping put(String key, Object value) {
            if (!(value == null || value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean || value instanceof List<?> || value instanceof Mapping)) {
                throw new IllegalArgumentException("not a YAML value tlctl writes: " + value.getClass());
            }
            Entry existing = entry(key);
            if (existing != null) {
                existing.value = value;
            } else {
                entries.add(new Entry(key, value));
            }
            return this;
        }

        /** The mapping under {@code key}, added (empty) when absent. */
        public Mapping mapping(String key) {
            Entry existing = entry(key);
            if (existing != null && existing.value instanceof Mapping m) {
                return m;
            }
            Mapping child = new Mapping();
            put(key, child);
            return child;
        }

        /** Adds comment lines above the entry {@code key} (which must exist). */
        public Mapping comment(String key, List<String> lines) {
            Entry e = entry(key);
            if (e == null) {
                throw new IllegalArgumentException("no entry " + key);
            }
            e.comments.addAll(lines);
            return this;
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }

        public List<Entry> entries() {
            return List.copyOf(entries);
        }
    }

    /** One entry of a mapping: its key, its value and the comment lines above it. */
    public static final class Entry {
        private final String key;
        private Object value;
        private final List<String> comments = new ArrayList<>();

        Entry(String key, Object value) {
            this.key = key;
            this.value = value;
        }

        public String key() {
            return key;
        }

        public Object value() {
            return value;
        }

        public List<String> comments() {
            return List.copyOf(comments);
        }
    }

    /** Adds comment lines at the top of the document. */
    public SpecDocument header(String... lines) {
        header.addAll(List.of(lines));
        return this;
    }

    public List<String> header() {
        return List.copyOf(header);
    }

    /** Adds comment lines at the end of the document. */
    public SpecDocument footer(List<String> lines) {
        footer.addAll(lines);
        return this;
    }

    public List<String> footer() {
        return List.copyOf(footer);
    }

    public Mapping root() {
        return root;
    }

    /** The document as YAML text (see {@link YamlWriter}). */
    public String text() {
        return YamlWriter.write(this);
    }
}
