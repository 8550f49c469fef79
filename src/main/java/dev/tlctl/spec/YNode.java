package dev.tlctl.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node as tlctl reads it: mappings with unique string keys, sequences and scalars, each
 * remembering where it was written. Scalars keep their text as written, so {@code DEBUG: 0} is
 * the string "0" and never a number turned back into text.
 */
sealed interface YNode permits YNode.YMap, YNode.YSeq, YNode.YScalar {

    Location location();

    /** What a plain scalar's text resolves to under YAML's rules; quoted scalars are STRING. */
    enum Kind { STRING, INT, FLOAT, BOOL, NULL }

    /** A mapping entry: the key's own location (for "unknown key" messages) and the value. */
    record Entry(String key, Location keyLocation, YNode value) {}

    record YMap(Location location, Map<String, Entry> entries) implements YNode {
        /** A {@link FrozenMap} is kept as given (nothing else can change it): readers build thousands of mappings. */
        public YMap {
            entries = entries instanceof FrozenMap<String, Entry> ? entries
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    record YSeq(Location location, List<YNode> items) implements YNode {
        public YSeq {
            items = List.copyOf(items);
        }
    }

    record YScalar(Location location, String text, Kind kind) implements YNode {
        boolean isNull() {
            return kind == Kind.NULL;
        }
    }

    /** A word for the node's type in messages: "a mapping", "a list", "a number"... */
    static String describe(YNode node) {
        if (node instanceof YMap) {
            return "a mapping";
        }
        if (node instanceof YSeq) {
            return "a list";
        }
        YScalar scalar = (YScalar) node;
        return switch (scalar.kind()) {
            case STRING -> "a string";
            case INT, FLOAT -> "a number";
            case BOOL -> "a boolean";
            case NULL -> "nothing (null)";
        };
    }
}
