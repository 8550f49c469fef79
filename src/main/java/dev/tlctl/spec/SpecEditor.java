package dev.tlctl.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Edits a spec or overlay file as text, keeping every comment and line it does not touch: sets
 * the value at a YAML path (such as {@code services.api.deploy.startCommand}) by rewriting that
 * key's lines, or by adding the missing keys, in block style, after the last line of the deepest
 * mapping that exists. The value is YAML text of one line (a scalar, or a flow list). Mappings
 * written in flow style with content ({@code {a: 1}}) are not edited: the caller is told where.
 */
public final class SpecEditor {
    /** An edit that cannot be made as text; the message says where and what to do. */
    public static final class EditException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EditException(String message) {
            super(message);
        }
    }

    private final String label;
    private final List<String> lines;

    private SpecEditor(String label, String text) {
        this.label = label;
        this.lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    }

    /** The value at {@code path} as YAML text when it is a scalar on its key's line; null when absent. */
    public static String current(String text, List<String> path) {
        Node node = root(text);
        for (String key : path) {
            NodeTuple tuple = node instanceof MappingNode m ? find(m, key) : null;
            if (tuple == null) {
                return null;
            }
            node = tuple.getValueNode();
        }
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    /**
     * {@code text} with {@code path} set to {@code value} (one line of YAML), named {@code label} in
     * messages. A new file's text may be empty.
     */
    public static String set(String label, String text, List<String> path, String value) {
        if (value.contains("\n")) {
            throw new IllegalArgumentException("a value of one line");
        }
        SpecEditor editor = new SpecEditor(label, text);
        editor.apply(root(text), path, value);
        return String.join("\n", editor.lines);
    }

    private void apply(Node root, List<String> path, String value) {
        if (root == null || root instanceof ScalarNode s && s.getValue().isEmpty()) {
            append(-1, 0, path, value);
            return;
        }
        if (!(root instanceof MappingNode mapping) || mapping.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
            throw new EditException(label + ": the file is not a mapping in block style; edit it by hand");
        }
        int indent = -1; // the column of the keys of `mapping`; the parent key's column for an empty one
        for (int depth = 0; depth < path.size(); depth++) {
            NodeTuple tuple = find(mapping, path.get(depth));
            if (tuple == null) {
                int after = lastLine(mapping);
                int column = mapping.getValue().isEmpty() ? indent + 2 : mapping.getValue().get(0).getKeyNode()
                        .getStartMark().getColumn();
                append(after, column, path.subList(depth, path.size()), value);
                return;
            }
            Node key = tuple.getKeyNode();
            Node child = tuple.getValueNode();
            int keyLine = key.getStartMark().getLine();
            boolean last = depth == path.size() - 1;
            if (last) {
                replace(keyLine, isEmpty(child) ? keyLine : lastLine(child), key.getStartMark().getColumn(),
                        path.get(depth), value);
                return;
            }
            if (child instanceof MappingNode m && m.getFlowStyle() != org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW) {
                mapping = m;
                indent = key.getStartMark().getColumn();
                continue;
            }
            boolean empty = child instanceof ScalarNode s && s.getValue().isEmpty()
                    || child instanceof MappingNode m && m.getValue().isEmpty();
            if (!empty) {
                throw new EditException(label + ":" + (keyLine + 1) + ": " + String.join(".", path.subList(0, depth + 1))
                        + " is not a mapping in block style; edit it by hand");
            }
            // `name: {}` or `name:` alone: becomes `name:` with the keys below it.
            int column = key.getStartMark().getColumn();
            lines.set(keyLine, " ".repeat(column) + keyText(path.get(depth)) + ":" + comment(lines.get(keyLine)));
            append(keyLine, column + 2, path.subList(depth + 1, path.size()), value);
            return;
        }
    }

    /** Rewrites {@code key: value} at {@code line}, dropping the old value's further lines up to {@code end}. */
    private void replace(int line, int end, int column, String key, String value) {
        String comment = end == line ? comment(lines.get(line)) : "";
        for (int i = end; i > line; i--) {
            lines.remove(i);
        }
        lines.set(line, " ".repeat(column) + keyText(key) + ": " + value + comment);
    }

    /** Adds {@code path: value} as nested block lines after line {@code after} (-1: at the end), keys at {@code column}. */
    private void append(int after, int column, List<String> path, String value) {
        List<String> added = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            String head = " ".repeat(column + 2 * i) + keyText(path.get(i)) + ":";
            added.add(i == path.size() - 1 ? head + " " + value : head);
        }
        if (after < 0) {
            int end = lines.size();
            while (end > 0 && lines.get(end - 1).isEmpty()) {
                end--;
            }
            lines.subList(end, lines.size()).clear();
            lines.addAll(added);
            lines.add("");
        } else {
            lines.addAll(after + 1, added);
        }
    }

    /** A key as YAML text: plain when it is a simple word, else double-quoted. */
    private static String keyText(String key) {
        return key.matches("[A-Za-z_][A-Za-z0-9_.-]*") ? key : "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The trailing {@code # comment} of a line holding a plain key and a simple value, kept when it is rewritten. */
    private static String comment(String line) {
        int at = line.indexOf(" #");
        if (at < 0 || line.indexOf('"') >= 0 || line.indexOf('\'') >= 0) {
            return "";
        }
        while (at > 0 && line.charAt(at - 1) == ' ') {
            at--;
        }
        return line.substring(at);
    }

    /** The last line (0-based) holding any part of {@code node}. */
    private static int lastLine(Node node) {
        int last = node.getStartMark().getLine();
        if (node instanceof ScalarNode) {
            // A block scalar's end mark is at the start of the next key: count its own lines only.
            return Math.max(last, node.getEndMark().getColumn() == 0 ? node.getEndMark().getLine() - 1
                    : node.getEndMark().getLine());
        }
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                // An empty value's marks may sit on the next key's line: the key's own line counts.
                int keyLast = lastLine(t.getKeyNode());
                last = Math.max(last, isEmpty(t.getValueNode()) ? keyLast : Math.max(keyLast, lastLine(t.getValueNode())));
            }
            return m.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW ? Math.max(last, m.getEndMark().getLine()) : last;
        }
        if (node instanceof SequenceNode s) {
            for (Node item : s.getValue()) {
                last = Math.max(last, lastLine(item));
            }
            return s.getFlowStyle() == org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW ? Math.max(last, s.getEndMark().getLine()) : last;
        }
        return last;
    }

    /** {@code key:} with nothing after it. */
    private static boolean isEmpty(Node node) {
        return node instanceof ScalarNode s && s.getValue().isEmpty() && s.getScalarStyle()
                == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN;
    }

    private static NodeTuple find(MappingNode mapping, String key) {
        for (NodeTuple t : mapping.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** The file's root node with positions, or null when it holds no document. */
    private static Node root(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(YamlLoader.MAX_ALIASES_FOR_COLLECTIONS);
        options.setNestingDepthLimit(YamlLoader.MAX_DEPTH);
        options.setCodePointLimit(YamlLoader.MAX_BYTES);
        Composer composer = new Composer(new ParserImpl(new StreamReader(new java.io.StringReader(text)), options),
                new Resolver(), options);
        return composer.checkNode() ? composer.getNode() : null;
    }
}
