package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.Kind;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import dev.tlctl.spec.YNode.YSeq;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads one YAML file into a {@link YNode} tree with SnakeYAML's composer, within limits that
 * keep a hostile or mistaken file from exhausting memory: file size, nesting depth, aliases to
 * collections (the "billion laughs" bomb) and total node count. Duplicate keys, YAML tags,
 * several documents and non-string keys are reported as diagnostics; merge keys ({@code <<})
 * are expanded. Nothing is thrown for bad input: problems go to the {@link Problems} given.
 */
final class YamlLoader {
    /** Largest spec or overlay file accepted. */
    static final int MAX_BYTES = 1024 * 1024;
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    static final int MAX_DEPTH = 40;
    /** Nodes after alias expansion; a legitimate spec has a few hundred. */
    static final int MAX_NODES = 100_000;
    /**
     * Characters of text after alias expansion: aliases to scalars are not bounded by count, so a
     * small file could otherwise expand (and be printed) a thousandfold. Twice the largest file.
     */
    static final int MAX_EXPANDED_CHARS = 2 * MAX_BYTES;

    /** A file's bytes, the tree they gave under a name, and the diagnostics found on the way. */
    private record Parsed(byte[] bytes, YNode root, List<Diagnostic> diagnostics) {}

    /**
     * The last files read, by name: a run reads its spec more than once (its structure, then its
     * values for the run's scope), and the same bytes under the same name give the same tree (an
     * immutable one), so it is parsed once. Compared byte for byte: an edited file is parsed anew.
     * At most {@value #KEPT_FILES} files and {@value #KEPT_BYTES} bytes of them (a spec and an
     * overlay per environment fit), the least recently read dropped first.
     */
    private static final Map<String, Parsed> PARSED = new LinkedHashMap<>(16, 0.75f, true);
    private static final int KEPT_FILES = 64;
    private static final int KEPT_BYTES = 4 * MAX_BYTES;
    private static long keptBytes;

    private final Problems problems;
    private final String fileName;
    private int nodeCount;
    private long expandedChars;
    private boolean tooLarge;
    /** The places (line and column) already reported as nested too deeply. */
    private final Set<Long> tooDeepAt = new HashSet<>();

    private YamlLoader(Problems problems, String fileName) {
        this.problems = problems;
        this.fileName = fileName;
    }

    /**
     * Reads {@code file}, naming it {@code fileName} in diagnostics. Returns the root, or null when
     * the file could not be read or parsed (diagnostics say why) or holds no document.
     */
    static YNode load(Path file, String fileName, Problems problems) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.error(Location.ofFile(fileName), "the file is too large",
                        "It has " + size + " bytes; a spec or overlay may have at most " + MAX_BYTES
                                + " bytes (1 MiB). Split it, or check that this is the right file.");
                return null;
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.error(Diagnostic.Cause.NO_INPUT, Location.ofFile(fileName), "cannot read the file",
                    e.getClass().getSimpleName() + ": " + e.getMessage());
            return null;
        }
        Parsed known;
        synchronized (PARSED) {
            known = PARSED.get(fileName);
        }
        if (known == null || !Arrays.equals(known.bytes(), bytes)) {
            Problems found = new Problems();
            known = new Parsed(bytes, decode(bytes, fileName, found), found.all());
            keep(fileName, known);
        }
        known.diagnostics().forEach(problems::add);
        return known.root();
    }

    private static void keep(String fileName, Parsed parsed) {
        synchronized (PARSED) {
            Parsed replaced = PARSED.put(fileName, parsed);
            keptBytes += parsed.bytes().length - (replaced == null ? 0 : replaced.bytes().length);
            var eldest = PARSED.values().iterator();
            while (PARSED.size() > 1 && (PARSED.size() > KEPT_FILES || keptBytes > KEPT_BYTES)) {
                keptBytes -= eldest.next().bytes().length;
                eldest.remove();
            }
        }
    }

    /** The tree of a file's bytes, or null (diagnostics say why); see {@link #load}. */
    private static YNode decode(byte[] bytes, String fileName, Problems problems) {
        if (BlockYaml.printableAscii(bytes)) {
            // Nothing to decode or refuse: the bytes are the characters, and the simple reader need not check them.
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            YNode simple = BlockYaml.read(text, fileName, true);
            return simple != null ? simple : notSimple(text, fileName, problems);
        }
        String text = utf8(bytes, fileName, problems);
        return text == null ? null : parse(text, fileName, problems);
    }

    /**
     * {@code bytes} as UTF-8 text, or null with an error at the first byte that is not UTF-8 (its
     * line and column counted in the bytes before it): for a spec, an overlay or an env file.
     */
    static String utf8(byte[] bytes, String fileName, Problems problems) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, text, true);
        if (result.isError()) {
            // The decoder stops at the first bad byte: name its line, counted in the bytes before it.
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, in.position() - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            problems.error(Diagnostic.Cause.SYNTAX, new Location(fileName, "", line, column),
                    "the file is not valid UTF-8",
                    String.format("Byte 0x%02X cannot start or continue a UTF-8 character. Save the file as UTF-8 text.",
                            bytes[in.position()] & 0xff));
            return null;
        }
        text.flip();
        return text.toString();
    }

    /** Parses YAML text; see {@link #load}. */
    static YNode parse(String text, String fileName, Problems problems) {
        YNode simple = BlockYaml.read(text, fileName);
        if (simple != null) {
            return simple; // the same tree, made without SnakeYAML's scanner (most specs)
        }
        return notSimple(text, fileName, problems);
    }

    /** Parses YAML text that {@link BlockYaml} does not read. */
    private static YNode notSimple(String text, String fileName, Problems problems) {
        YNode plain = PlainYaml.read(text, fileName, options());
        if (plain != null) {
            return plain; // the same tree, made without the composer's (nearly every spec)
        }
        return composed(text, fileName, problems);
    }

    /** Parses YAML text through SnakeYAML's composer (what {@link PlainYaml} does not read). */
    static YNode composed(String text, String fileName, Problems problems) {
        return new YamlLoader(problems, fileName).parse(text);
    }

    /** SnakeYAML's options: this class's limits. */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(true); // reported below with both lines, not thrown
        return options;
    }

    private YNode parse(String text) {
        LoaderOptions options = options();
        // The composer alone: a Yaml object would also build a constructor and representer, unused here.
        Composer composer = new Composer(new ParserImpl(new StreamReader(new java.io.StringReader(text)), options),
                new Resolver(), options);
        try {
            if (!composer.checkNode()) {
                return null;
            }
            Node root = composer.getNode();
            if (composer.checkNode()) {
                Node second = composer.getNode();
                Mark separator = secondDocumentStart(text);
                problems.error(at(separator != null ? separator : second.getStartMark(), ""),
                        "the file holds more than one YAML document",
                        "Remove the '---' separator: a spec file is one document.");
            }
            if (root == null) {
                return null;
            }
            YNode converted = convert(root, "", 0);
            // Past a size limit the tree is cut short: reading it would only add noise.
            return tooLarge ? null : converted;
        } catch (MarkedYAMLException e) {
            syntaxError(e);
            return null;
        } catch (YAMLException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            // SnakeYAML's limits carry no position: find it again in the event stream.
            Mark mark = m.contains("aliases") || m.contains("Nesting Depth") ? locateLimit(text) : null;
            problems.error(at(mark, ""), limitSummary(m), limitDetail(m));
            return null;
        }
    }

    /**
     * A syntax error at the place to fix it: an unclosed quote points where it opens (SnakeYAML's
     * problem mark is the end of the file), everything else where the parser stopped. The common
     * mistakes get plain words; the rest keep SnakeYAML's.
     */
    private void syntaxError(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem().trim();
        String context = e.getContext() == null ? null : e.getContext().trim();
        Mark problemMark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        Mark contextMark = e.getContextMark();
        Mark mark = problemMark;
        String summary;
        String detail;
        if (problem.contains("'\\t") || problem.contains("\\t(TAB)")) {
            summary = "a tab is used for indentation";
            detail = "YAML indents with spaces only. Replace the tab with spaces.";
        } else if (problem.contains("unexpected end of stream") && context != null
                && context.contains("quoted scalar") && contextMark != null) {
            mark = contextMark;
            summary = "a quoted string is never closed";
            detail = "The quote opened here has no closing quote before the end of the file. Add the closing quote.";
        } else if (problem.startsWith("expected <block end>")) {
            summary = "bad indentation";
            detail = "This line is indented differently from the keys before it"
                    + (contextMark == null ? "" : " (the " + (context != null && context.contains("mapping") ? "mapping" : "list")
                            + " that starts on line " + (contextMark.getLine() + 1) + ")")
                    + ". Keys of one mapping start in the same column.";
        } else {
            summary = problem;
            detail = context == null ? null
                    : "The parser stopped " + context
                            + (contextMark == null ? "" : " (started on line " + (contextMark.getLine() + 1) + ")") + ".";
        }
        problems.error(Diagnostic.Cause.SYNTAX, at(mark, ""), "YAML syntax error: " + summary, detail);
    }

    /** Where the second document starts: its {@code ---} line. */
    private static Mark secondDocumentStart(String text) {
        int starts = 0;
        for (Event event : new Yaml(new LoaderOptions()).parse(new java.io.StringReader(text))) {
            if (event instanceof DocumentStartEvent && ++starts == 2) {
                return event.getStartMark();
            }
        }
        return null;
    }

    /**
     * Replays SnakeYAML's alias and nesting limits over the parser's events to find where the
     * composer gave up; null when it cannot be found.
     */
    private static Mark locateLimit(String text) {
        Map<String, Boolean> anchorIsCollection = new java.util.HashMap<>();
        int aliases = 0;
        int depth = 0;
        try {
            for (Event event : new Yaml(new LoaderOptions()).parse(new java.io.StringReader(text))) {
                if (event instanceof AliasEvent alias) {
                    if (Boolean.TRUE.equals(anchorIsCollection.get(alias.getAnchor()))
                            && ++aliases > MAX_ALIASES_FOR_COLLECTIONS) {
                        return event.getStartMark();
                    }
                } else if (event instanceof ScalarEvent || event instanceof CollectionStartEvent) {
                    if (depth > MAX_DEPTH) {
                        return event.getStartMark();
                    }
                    String anchor = ((NodeEvent) event).getAnchor();
                    if (anchor != null) {
                        anchorIsCollection.put(anchor, event instanceof CollectionStartEvent);
                    }
                    if (event instanceof CollectionStartEvent) {
                        depth++;
                    }
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException e) {
            return null;
        }
        return null;
    }

    private static String limitSummary(String m) {
        if (m.contains("aliases")) {
            return "too many aliases to collections";
        }
        if (m.contains("Nesting Depth") || m.contains("nesting")) {
            return "the YAML is nested too deeply";
        }
        if (m.contains("code points") || m.contains("exceeds the limit")) {
            return "the file is too large";
        }
        return "the YAML cannot be read: " + m;
    }

    private static String limitDetail(String m) {
        if (m.contains("aliases")) {
            return "More than " + MAX_ALIASES_FOR_COLLECTIONS + " aliases (*name) point at mappings or lists."
                    + " A spec needs few; this looks like an alias bomb. Write the values out, or use overlays.";
        }
        if (m.contains("Nesting Depth") || m.contains("nesting")) {
            return "Mappings and lists are nested more than " + MAX_DEPTH + " levels deep.";
        }
        if (m.contains("code points") || m.contains("exceeds the limit")) {
            return "A spec or overlay may have at most " + MAX_BYTES + " characters (1 MiB).";
        }
        return null;
    }

    private Location at(Mark mark, String path) {
        return mark == null ? new Location(fileName, path, 0, 0)
                : new Location(fileName, path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private YNode convert(Node node, String path, int depth) {
        if (++nodeCount > MAX_NODES) {
            if (!tooLarge) {
                tooLarge = true;
                problems.error(Location.ofFile(fileName), "the YAML expands to too many values",
                        "After expanding aliases it holds more than " + MAX_NODES
                                + " values; this looks like an alias bomb.");
            }
            return new YScalar(at(node.getStartMark(), path), "", Kind.NULL);
        }
        if (depth > MAX_DEPTH) {
            // Once per place in the file: an alias that refers to itself reaches the same place by
            // every path of its expansion (3 aliases 40 deep: tens of thousands of paths).
            Mark mark = node.getStartMark();
            if (tooDeepAt.add(mark == null ? -1L : (long) mark.getLine() << 32 | mark.getColumn())) {
                problems.error(at(mark, path), "the YAML is nested too deeply",
                        "Mappings and lists are nested more than " + MAX_DEPTH + " levels deep, or an alias refers to itself.");
            }
            return new YScalar(at(mark, path), "", Kind.NULL);
        }
        Location location = at(node.getStartMark(), path);
        if (node instanceof ScalarNode scalar) {
            expandedChars += scalar.getValue().length();
            if (expandedChars > MAX_EXPANDED_CHARS) {
                if (!tooLarge) {
                    tooLarge = true;
                    problems.error(Location.ofFile(fileName), "the YAML expands to too much text",
                            "After expanding aliases its values hold more than " + MAX_EXPANDED_CHARS
                                    + " characters; this looks like an alias bomb. Write the values out, or use overlays.");
                }
                return new YScalar(location, "", Kind.NULL);
            }
            return new YScalar(location, scalar.getValue(), scalarKind(scalar, location));
        }
        if (node instanceof SequenceNode sequence) {
            checkTag(node, Tag.SEQ, location);
            List<YNode> items = new ArrayList<>();
            int i = 0;
            for (Node item : sequence.getValue()) {
                items.add(convert(item, path + "[" + i++ + "]", depth + 1));
            }
            return new YSeq(location, items);
        }
        MappingNode mapping = (MappingNode) node;
        checkTag(node, Tag.MAP, location);
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<MappingNode> merges = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode instanceof ScalarNode && Tag.MERGE.equals(keyNode.getTag())) {
                collectMerges(tuple.getValueNode(), merges, at(keyNode.getStartMark(), path));
                continue;
            }
            if (!(keyNode instanceof ScalarNode keyScalar) || keyScalar.getValue() == null) {
                problems.error(at(keyNode.getStartMark(), path), "a key must be a plain string",
                        "Found " + (keyNode instanceof MappingNode ? "a mapping" : "a list") + " used as a key.");
                continue;
            }
            String key = keyScalar.getValue();
            String childPath = child(path, key);
            Location keyLocation = at(keyNode.getStartMark(), childPath);
            Entry previous = entries.get(key);
            if (previous != null) {
                problems.error(keyLocation, "duplicate key \"" + key + "\"",
                        "It is already set on line " + previous.keyLocation().line()
                                + ". YAML keeps only one of them; remove one.");
                continue;
            }
            entries.put(key, new Entry(key, keyLocation, convert(tuple.getValueNode(), childPath, depth + 1)));
        }
        // Merge keys: explicit entries win, then earlier merged mappings win over later ones.
        for (MappingNode merged : merges) {
            YNode converted = convert(merged, path, depth + 1);
            if (converted instanceof YMap map) {
                map.entries().forEach(entries::putIfAbsent);
            }
        }
        return new YMap(location, entries);
    }

    private void collectMerges(Node value, List<MappingNode> merges, Location location) {
        if (value instanceof MappingNode m) {
            merges.add(m);
        } else if (value instanceof SequenceNode s && s.getValue().stream().allMatch(n -> n instanceof MappingNode)) {
            s.getValue().forEach(n -> merges.add((MappingNode) n));
        } else {
            problems.error(location, "a merge key (<<) needs a mapping or a list of mappings",
                    "Write '<<: *anchor' where the anchor names a mapping.");
        }
    }

    private Kind scalarKind(ScalarNode scalar, Location location) {
        Kind kind = kindOf(scalar.getTag());
        if (kind != null) {
            return kind;
        }
        checkTag(scalar, Tag.STR, location); // !!binary, !custom: reported
        return Kind.STRING;
    }

    /** What a scalar of {@code tag} is to tlctl; null for a tag it does not read ({@code !!binary}, {@code !custom}). */
    static Kind kindOf(Tag tag) {
        if (Tag.STR.equals(tag) || Tag.TIMESTAMP.equals(tag)) {
            return Kind.STRING; // a date stays text: tlctl never needs it as anything else
        }
        if (Tag.INT.equals(tag)) {
            return Kind.INT;
        }
        if (Tag.FLOAT.equals(tag)) {
            return Kind.FLOAT;
        }
        if (Tag.BOOL.equals(tag)) {
            return Kind.BOOL;
        }
        if (Tag.NULL.equals(tag)) {
            return Kind.NULL;
        }
        return null;
    }

    private void checkTag(Node node, Tag expected, Location location) {
        Tag tag = node.getTag();
        if (!expected.equals(tag)) {
            problems.error(location, "YAML tags are not supported (found " + shortTag(tag) + ")",
                    "Remove the '!' tag; write plain values, and use ${env:NAME} for secrets.");
        }
    }

    /** The tag as written: {@code !!binary} for YAML's own tags, {@code !custom} for the others. */
    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }

    /** {@code parent.key}, or {@code parent["odd key"]} when the key is not a simple word. */
    static String child(String parent, String key) {
        if (!simpleKey(key)) {
            String part = "[\"" + escape(key) + "\"]";
            return parent.isEmpty() ? part : parent + part;
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** {@code [A-Za-z0-9_-]+}, without a regex: every key of a spec goes through here. */
    private static boolean simpleKey(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A key as a quoted path part: quotes, backslashes and control characters escaped. */
    private static String escape(String key) {
        StringBuilder out = new StringBuilder();
        key.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c));
            }
        });
        return out.toString();
    }
}
