package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.Kind;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the YAML that specs are mostly made of, line by line and without SnakeYAML's scanner: block
 * mappings of plain keys ({@code [A-Za-z0-9_][A-Za-z0-9_.-]*}, distinct) whose values are
 * one-line scalars (plain, or quoted without escapes), nested block mappings, or one-line flow
 * mappings of such keys and scalars ({@code {}}, {@code { from: production }}); comments and
 * blank lines anywhere. The tree is the one {@link PlainYaml} and the composer make of the same
 * text (positions, paths, kinds, order): a plain scalar's kind is SnakeYAML's resolver's. Anything
 * else (a list, an escape, a multi-line or empty value, an odd character, a tab, a CR, a limit of
 * {@link YamlLoader} approached) gives null, and the text is read by {@link PlainYaml} or the
 * composer as before. Linear in the text's length.
 */
final class BlockYaml {
    /** Deeper than this (or more nodes than {@link YamlLoader#MAX_NODES}), the others decide. */
    private static final int MAX_DEPTH = YamlLoader.MAX_DEPTH - 2;
    /** Longer keys are left to SnakeYAML, which refuses a simple key of more than 1,024 characters. */
    private static final int MAX_KEY = 256;

    /** Thrown inside to give up. */
    private static final class NotSimple extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotSimple() {
            super(null, null, false, false);
        }
    }

    private static final NotSimple NOT_SIMPLE = new NotSimple();

    /**
     * A block mapping being read (its keys' column, its path and depth, where it starts, its entries
     * so far), or one about to be (a key written with nothing after it: {@code entries} null); the key
     * whose value it is, and that key's location.
     */
    private record Open(int indent, String path, int depth, Location location, LinkedHashMap<String, Entry> entries,
            String key, Location keyLocation) {}

    private final String text;
    private final String fileName;
    /** SnakeYAML's, for the plain scalars {@link #commonKind} does not know; made when first needed. */
    private Resolver resolver;
    private int nodes;
    private int line;
    /** Where the current line starts, and the next. */
    private int lineStart;
    private int nextLine;
    /** The mappings open around the current line, outermost first. */
    private final List<Open> stack = new ArrayList<>();
    /** A key whose value is the block mapping on the lines that follow; the document's mapping. */
    private Open pending;
    private Open root;

    private BlockYaml(String text, String fileName) {
        this.text = text;
        this.fileName = fileName;
    }

    /** The tree, or null when the text is not of the simple form (see the class). */
    static YNode read(String text, String fileName) {
        return read(text, fileName, false);
    }

    /** {@link #read(String, String)}, of a text known to be {@link #printableAscii} when {@code checked}. */
    static YNode read(String text, String fileName, boolean checked) {
        if (!checked && !printable(text)) {
            return null;
        }
        try {
            return new BlockYaml(text, fileName).document();
        } catch (NotSimple | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private YNode document() {
        int length = text.length();
        for (int at = 0; at < length; at = nextLine) {
            line(at, length);
        }
        if (pending != null || root == null) {
            throw NOT_SIMPLE;
        }
        while (stack.size() > 1) {
            close();
        }
        return new YMap(root.location(), FrozenMap.owning(root.entries()));
    }

    /**
     * Reads the line that starts at {@code at}. A method of its own, called once a line, so that the
     * JIT compiles it after a few hundred lines (a loop inside one call would be interpreted).
     */
    private void line(int at, int length) {
        int end = text.indexOf('\n', at);
        if (end < 0) {
            end = length;
        }
        lineStart = at;
        nextLine = end + 1;
        line++;
        int i = at;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i == end || text.charAt(i) == '#') {
            return; // a blank or comment line
        }
        int indent = i - at;
        if (pending != null) {
            if (indent <= pending.indent() || pending.depth() + 1 > MAX_DEPTH) {
                throw NOT_SIMPLE; // an empty value, or too deep
            }
            nodes++;
            stack.add(new Open(indent, pending.path(), pending.depth() + 1, at(indent + 1, pending.path()),
                    new LinkedHashMap<>(), pending.key(), pending.keyLocation()));
            pending = null;
        } else if (root == null) {
            root = new Open(indent, "", 0, at(indent + 1, ""), new LinkedHashMap<>(), null, null);
            nodes++;
            stack.add(root);
        } else {
            if (indent < root.indent()) {
                throw NOT_SIMPLE;
            }
            while (stack.get(stack.size() - 1).indent() > indent) {
                close();
            }
            if (stack.get(stack.size() - 1).indent() != indent) {
                throw NOT_SIMPLE;
            }
        }
        pending = entry(stack.get(stack.size() - 1), i, end);
    }

    /** Ends the innermost mapping: it becomes its key's value in the one around it. */
    private void close() {
        Open done = stack.remove(stack.size() - 1);
        stack.get(stack.size() - 1).entries().put(done.key(),
                new Entry(done.key(), done.keyLocation(), new YMap(done.location(), FrozenMap.owning(done.entries()))));
    }

    /**
     * Reads {@code key: value} from {@code i} to {@code end} into {@code map}; returns the key, as an
     * {@link Open} to fill, when its value is the block mapping that follows.
     */
    private Open entry(Open map, int i, int end) {
        int keyEnd = key(i, end);
        String key = text.substring(i, keyEnd);
        if (map.entries().containsKey(key) || ++nodes > YamlLoader.MAX_NODES) {
            throw NOT_SIMPLE;
        }
        String path = YamlLoader.child(map.path(), key);
        Location keyLocation = at(column(i), path);
        if (keyEnd == end || text.charAt(keyEnd) != ':') {
            throw NOT_SIMPLE;
        }
        int v = keyEnd + 1;
        if (v < end && text.charAt(v) != ' ') {
            throw NOT_SIMPLE;
        }
        while (v < end && text.charAt(v) == ' ') {
            v++;
        }
        if (v == end || text.charAt(v) == '#') {
            return new Open(map.indent(), path, map.depth(), null, null, key, keyLocation);
        }
        if (map.depth() + 1 > MAX_DEPTH) {
            throw NOT_SIMPLE;
        }
        YNode value = text.charAt(v) == '{' ? flowMapping(v, end, path) : blockScalar(v, end, path);
        map.entries().put(key, new Entry(key, keyLocation, value));
        return null;
    }

    /** The end of a plain key starting at {@code i}. */
    private int key(int i, int end) {
        char first = text.charAt(i);
        if (!word(first) || first == '-' || first == '.') {
            throw NOT_SIMPLE;
        }
        int k = i + 1;
        while (k < end && word(text.charAt(k))) {
            k++;
        }
        if (k - i > MAX_KEY) {
            throw NOT_SIMPLE; // SnakeYAML limits a simple key's length
        }
        return k;
    }

    private static boolean word(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.';
    }

    /** A scalar that runs to the end of the line (or a comment). */
    private YNode blockScalar(int v, int end, String path) {
        char first = text.charAt(v);
        if (first == '"' || first == '\'') {
            return quoted(v, end, path, first, true);
        }
        if (!(word(first) && first != '-' && first != '.' || first == '/' || first == '$' || first == '~' || first == '('
                || first == '-' && v + 1 < end && text.charAt(v + 1) >= '0' && text.charAt(v + 1) <= '9')) {
            throw NOT_SIMPLE;
        }
        int stop = v + 1; // a comment, or the end of the line
        while (stop < end && !(text.charAt(stop) == '#' && text.charAt(stop - 1) == ' ')) {
            if (text.charAt(stop) == ':' && (stop + 1 == end || text.charAt(stop + 1) == ' ')) {
                throw NOT_SIMPLE; // a mapping in a value, or a key of no value
            }
            stop++;
        }
        int last = stop - 1; // the last character of the scalar
        while (text.charAt(last) == ' ') {
            last--;
        }
        return plain(text.substring(v, last + 1), v, path);
    }

    /** A plain scalar's node: its kind as SnakeYAML's resolver gives it. */
    private YNode plain(String value, int v, String path) {
        nodes++;
        Kind kind = commonKind(value);
        if (kind == null) {
            if (resolver == null) {
                resolver = new Resolver();
            }
            kind = YamlLoader.kindOf(resolver.resolve(NodeId.scalar, value, true));
        }
        if (kind == null) {
            throw NOT_SIMPLE;
        }
        return new YScalar(at(column(v), path), value, kind);
    }

    /**
     * The kind SnakeYAML's resolver gives a plain scalar of the common forms, without it (its first
     * use costs milliseconds of start-up): it tries the booleans and nulls only on a scalar starting
     * with one of {@code yYnNtTfFoO}, and only whole words; a number starts with a digit, a sign or a
     * dot; {@code /}, {@code $}, {@code (} and {@code _} start none of its forms. Null: ask it.
     */
    static Kind commonKind(String value) {
        char first = value.charAt(0);
        if (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z') {
            return switch (value) {
                case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On",
                        "ON", "off", "Off", "OFF" -> Kind.BOOL;
                case "null", "Null", "NULL" -> Kind.NULL;
                default -> Kind.STRING;
            };
        }
        if (first == '/' || first == '$' || first == '(' || first == '_') {
            return Kind.STRING;
        }
        if (first >= '1' && first <= '9' && value.length() <= 18 || value.equals("0")) {
            for (int i = 1; i < value.length(); i++) {
                if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                    return null;
                }
            }
            return Kind.INT;
        }
        return null;
    }

    /** A quoted scalar on one line, without escapes; {@code block}: nothing but a comment may follow it. */
    private YNode quoted(int v, int end, String path, char quote, boolean block) {
        int close = v + 1;
        while (close < end && text.charAt(close) != quote) {
            if (text.charAt(close) == '\\') {
                throw NOT_SIMPLE;
            }
            close++;
        }
        if (close == end) {
            throw NOT_SIMPLE;
        }
        if (block) {
            rest(close + 1, end);
        }
        nodes++;
        return new YScalar(at(column(v), path), text.substring(v + 1, close), Kind.STRING);
    }

    /** Only spaces, or spaces and a comment, from {@code i} to the end of the line. */
    private void rest(int i, int end) {
        if (i < end && text.charAt(i) != ' ') {
            throw NOT_SIMPLE;
        }
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i < end && text.charAt(i) != '#') {
            throw NOT_SIMPLE;
        }
    }

    /** {@code {}} or {@code { key: value, ... }} on one line, of plain keys and one-word or quoted values. */
    private YNode flowMapping(int v, int end, String path) {
        nodes++;
        LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        int i = spaces(v + 1, end);
        if (text.charAt(i) != '}') {
            while (true) {
                int keyEnd = key(i, end);
                String key = text.substring(i, keyEnd);
                if (entries.containsKey(key) || ++nodes > YamlLoader.MAX_NODES
                        || text.charAt(keyEnd) != ':' || text.charAt(keyEnd + 1) != ' ') {
                    throw NOT_SIMPLE;
                }
                String childPath = YamlLoader.child(path, key);
                int s = spaces(keyEnd + 1, end);
                char first = text.charAt(s);
                YNode value;
                int after;
                if (first == '"' || first == '\'') {
                    value = quoted(s, end, childPath, first, false);
                    after = text.indexOf(first, s + 1) + 1; // found on this line by quoted()
                } else {
                    after = s;
                    while (after < end && (word(text.charAt(after)) || text.charAt(after) == '/')) {
                        after++;
                    }
                    if (after == s || first == '-' || first == '.') {
                        throw NOT_SIMPLE;
                    }
                    value = plain(text.substring(s, after), s, childPath);
                }
                entries.put(key, new Entry(key, at(column(i), childPath), value));
                i = spaces(after, end);
                if (text.charAt(i) == '}') {
                    break;
                }
                if (text.charAt(i) != ',') {
                    throw NOT_SIMPLE;
                }
                i = spaces(i + 1, end);
            }
        }
        rest(i + 1, end);
        return new YMap(at(column(v), path), FrozenMap.owning(entries));
    }

    private int spaces(int i, int end) {
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        if (i >= end) {
            throw NOT_SIMPLE; // a flow mapping continued on the next line
        }
        return i;
    }

    /** 1-based column of {@code i} on the current line. */
    private int column(int i) {
        return i - lineStart + 1;
    }

    private Location at(int column, String path) {
        return new Location(fileName, path, line, column);
    }

    /**
     * Whether the text holds no character SnakeYAML refuses or reads as something else: control
     * characters but newlines (tabs and CRs included), line separators, a BOM, surrogates (their
     * columns count differently).
     */
    /**
     * Whether the bytes are ASCII characters SnakeYAML reads as themselves: printable ones and
     * newlines. One pass over the bytes, before any decoding (which such bytes do not need).
     */
    static boolean printableAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 ? b != '\n' : b == 0x7f) { // negative: not ASCII
                return false;
            }
        }
        return true;
    }

    static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 ? c != '\n' : c >= 0x7f && (c <= 0x9f || c >= 0xd800 && c <= 0xdfff || c >= 0xfffe
                    || c == 0xfeff || c == 0x2028 || c == 0x2029)) {
                return false;
            }
        }
        return true;
    }
}
