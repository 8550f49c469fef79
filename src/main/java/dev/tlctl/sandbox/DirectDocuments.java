package dev.tlctl.sandbox;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documents the sandbox answers without graphql-java ({@link DirectAnswer}): the queries tlctl
 * sends first (ReadProject, MyWorkspaces, WorkspaceBilling), written out ahead of time with the
 * sandbox's types in {@code direct.compact} beside the SDL and recognised by their exact text (its
 * 64-bit hash finds it, its whole text then compared). DirectDocumentsTest makes
 * the file from tlctl's documents and the sandbox's schema, holds it equal to what it makes, and
 * rewrites it when asked.
 *
 * <p>One line a member, fields separated by tabs: {@code D} a document (name, operation, text
 * length, hash in hex, its root fields comma-separated), {@code Q} its exact text (backslashes, newlines and tabs escaped), {@code V} a variable of the last
 * document (name, type, default: {@code b:}, {@code i:}, {@code s:} and its text, or empty), {@code
 * F} a field (depth, parent type, name, type, {@code O} object / {@code S} scalar / {@code E} enum
 * / {@code X} not answered directly, the variable of its {@code @include(if:)} or {@code -}, its
 * arguments {@code name=$variable} or {@code name=b:true} comma-separated, an enum's values
 * comma-separated); an object field's
 * fields follow it one deeper. Types are written as in GraphQL ({@code [Deployment!]!}).
 */
final class DirectDocuments {
    static final String RESOURCE = "/dev/tlctl/sandbox/direct.compact";
    private static volatile Map<Long, Document> known;

    private DirectDocuments() {}

    /** A GraphQL output or variable type: non-null, a list of {@code of}, or the named type. */
    record Shape(boolean nonNull, Shape of, String named) {
        static Shape parse(String text) {
            if (text.endsWith("!")) {
                Shape inner = parse(text.substring(0, text.length() - 1));
                return new Shape(true, inner.of, inner.named);
            }
            if (text.startsWith("[") && text.endsWith("]")) {
                return new Shape(false, parse(text.substring(1, text.length() - 1)), null);
            }
            return new Shape(false, null, text);
        }

        /** This shape without its non-null mark. */
        Shape nullable() {
            return new Shape(false, of, named);
        }
    }

    /** A variable: its type and its default (null: none). */
    record Variable(String name, Shape type, Object defaultValue) {}

    /**
     * A field of a selection: {@code kind} O, S, E or X; {@code includeIf} null when unconditional;
     * {@code enumValues} the names an enum's value may have (empty for the other kinds).
     */
    record Field(String parentType, String name, Shape type, char kind, String includeIf,
                 Map<String, Object> literals, Map<String, String> variables, Set<String> enumValues,
                 List<Field> fields) {}

    /** One document answered directly, {@code text} its exact text. */
    record Document(String name, String text, long hash, Set<String> rootFields, List<Variable> variables,
                    List<Field> fields) {}

    /** The document whose text is exactly {@code query}, or null. */
    static Document find(String query) {
        Document document = documents().get(hash(query));
        // The hash finds it; the whole text decides (two characters changed can keep a hash).
        return document != null && document.text().equals(query) ? document : null;
    }

    /** The text's hash, by which a document is looked up (its whole text is then compared). */
    static long hash(String text) {
        long hash = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** Reads the file once per JVM (a daemon warm-up may do it first). */
    static Map<Long, Document> documents() {
        Map<Long, Document> documents = known;
        if (documents == null) {
            synchronized (DirectDocuments.class) {
                if (known == null) {
                    known = read(Resources.text(RESOURCE));
                }
                documents = known;
            }
        }
        return documents;
    }

    static Map<Long, Document> read(String text) {
        Map<Long, Document> documents = new LinkedHashMap<>();
        String name = null;
        String documentText = null;
        int length = 0;
        long hash = 0;
        Set<String> roots = null;
        List<Variable> variables = null;
        List<Field> top = null;
        Deque<List<Field>> open = new ArrayDeque<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            switch (parts[0]) {
                case "D" -> {
                    if (name != null) {
                        documents.put(hash, document(name, documentText, length, hash, roots, variables, top));
                    }
                    documentText = null;
                    name = parts[1];
                    length = Integer.parseInt(parts[3]);
                    hash = Long.parseUnsignedLong(parts[4], 16);
                    roots = new LinkedHashSet<>(List.of(parts[5].split(",")));
                    variables = new ArrayList<>();
                    top = new ArrayList<>();
                    open.clear();
                    open.push(top);
                }
                case "Q" -> documentText = unescape(parts[1]);
                case "V" -> variables.add(new Variable(parts[1], Shape.parse(parts[2]), literal(parts[3])));
                case "F" -> {
                    int depth = Integer.parseInt(parts[1]);
                    while (open.size() > depth + 1) {
                        open.pop();
                    }
                    Map<String, Object> literals = new LinkedHashMap<>();
                    Map<String, String> byVariable = new LinkedHashMap<>();
                    if (!parts[7].isEmpty()) {
                        for (String argument : parts[7].split(",")) {
                            int equals = argument.indexOf('=');
                            String value = argument.substring(equals + 1);
                            if (value.startsWith("$")) {
                                byVariable.put(argument.substring(0, equals), value.substring(1));
                            } else {
                                literals.put(argument.substring(0, equals), literal(value));
                            }
                        }
                    }
                    List<Field> children = new ArrayList<>();
                    open.peek().add(new Field(parts[2], parts[3], Shape.parse(parts[4]), parts[5].charAt(0),
                            parts[6].equals("-") ? null : parts[6], literals, byVariable,
                            parts[8].isEmpty() ? Set.of() : Set.of(parts[8].split(",")), children));
                    open.push(children);
                }
                default -> throw new IllegalStateException("Unreadable line in " + RESOURCE + ": " + line);
            }
        }
        if (name != null) {
            documents.put(hash, document(name, documentText, length, hash, roots, variables, top));
        }
        return Map.copyOf(documents);
    }

    /** A document read back, its text checked against its D line's length and hash. */
    private static Document document(String name, String text, int length, long hash, Set<String> roots,
            List<Variable> variables, List<Field> fields) {
        if (text == null || text.length() != length || hash(text) != hash) {
            throw new IllegalStateException(RESOURCE + ": the text of " + name + " is missing or not the one its D line names");
        }
        return new Document(name, text, hash, roots, List.copyOf(variables), fields);
    }

    /** A document's text on one line: backslashes, newlines and tabs escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t");
    }

    private static String unescape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Object literal(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String value = text.substring(2);
        return switch (text.charAt(0)) {
            case 'b' -> Boolean.valueOf(value);
            case 'i' -> Integer.valueOf(value);
            case 's' -> value;
            default -> throw new IllegalStateException("Unreadable value in " + RESOURCE + ": " + text);
        };
    }
}
