package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Kind;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import dev.tlctl.spec.YNode.YSeq;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Typed reads of {@link YNode}s that report a diagnostic and return null on a mismatch, so that
 * reading goes on and every problem is found in one pass.
 */
final class NodeReader {
    private final Problems problems;

    NodeReader(Problems problems) {
        this.problems = problems;
    }

    Problems problems() {
        return problems;
    }

    /** A mapping; a null scalar (an empty value) reads as an empty mapping when {@code nullIsEmpty}. */
    YMap map(YNode node, String expected, boolean nullIsEmpty) {
        if (node instanceof YMap map) {
            return map;
        }
        if (nullIsEmpty && node instanceof YScalar s && s.isNull()) {
            return new YMap(node.location(), java.util.Map.of());
        }
        problems.error(node.location(), "expected " + expected + ", found " + YNode.describe(node), null);
        return null;
    }

    /** Reports every key of {@code map} not in {@code known}, suggesting the closest known key. */
    void checkKeys(YMap map, Collection<String> known) {
        for (YNode.Entry entry : map.entries().values()) {
            if (!known.contains(entry.key())) {
                unknownKey(entry, known);
            }
        }
    }

    void unknownKey(YNode.Entry entry, Collection<String> known) {
        String suggestion = closest(entry.key(), known);
        String detail = (suggestion == null ? "" : "Did you mean \"" + suggestion + "\"? ")
                + "Known keys here: " + String.join(", ", known) + ".";
        problems.error(entry.keyLocation(), "unknown key \"" + entry.key() + "\"", detail);
    }

    String string(YNode node) {
        if (node instanceof YScalar s && s.kind() != Kind.NULL) {
            return s.text();
        }
        problems.error(node.location(), "expected a string, found " + YNode.describe(node), null);
        return null;
    }

    Long integer(YNode node) {
        if (node instanceof YScalar s && s.kind() == Kind.INT) {
            try {
                return Long.decode(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                problems.error(node.location(), "the integer " + s.text() + " is out of range", null);
                return null;
            }
        }
        problems.error(node.location(), "expected an integer, found " + found(node), null);
        return null;
    }

    Double number(YNode node) {
        if (node instanceof YScalar s && (s.kind() == Kind.INT || s.kind() == Kind.FLOAT)) {
            try {
                double value = Double.parseDouble(s.text().replace("_", ""));
                if (Double.isFinite(value)) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.error(node.location(), "expected a number, found " + found(node), null);
        return null;
    }

    Boolean bool(YNode node) {
        if (node instanceof YScalar s && s.kind() == Kind.BOOL) {
            String t = s.text().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        }
        problems.error(node.location(), "expected true or false, found " + found(node), null);
        return null;
    }

    /** A list of strings; a single string reads as a list of one. */
    List<String> stringList(YNode node) {
        if (node instanceof YScalar s && s.kind() != Kind.NULL) {
            return List.of(s.text());
        }
        if (node instanceof YSeq seq) {
            List<String> out = new ArrayList<>();
            for (YNode item : seq.items()) {
                String value = string(item);
                if (value == null) {
                    return null;
                }
                out.add(value);
            }
            return out;
        }
        problems.error(node.location(), "expected a list of strings, found " + YNode.describe(node), null);
        return null;
    }

    /**
     * The node's type, and its text when it is a short number or boolean. A string's text is never
     * echoed: it may be a credential written in the wrong place.
     */
    static String found(YNode node) {
        if (node instanceof YScalar s && s.kind() != Kind.NULL && s.kind() != Kind.STRING && s.text().length() <= 40) {
            return YNode.describe(node) + " (" + s.text() + ")";
        }
        return YNode.describe(node);
    }

    /** A number as people write it: 2 rather than 2.0. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** The known word closest to {@code word}: same letters ignoring case, or within edit distance 2. */
    static String closest(String word, Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            if (candidate.equalsIgnoreCase(word)) {
                return candidate;
            }
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        int allowed = Math.max(2, word.length() / 4);
        return bestDistance <= allowed ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
