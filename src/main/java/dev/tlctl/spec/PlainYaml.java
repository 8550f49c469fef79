package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import dev.tlctl.spec.YNode.Kind;
import dev.tlctl.spec.YNode.YMap;
import dev.tlctl.spec.YNode.YScalar;
import dev.tlctl.spec.YNode.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Builds the {@link YNode} tree of a plain YAML document (mappings with distinct plain keys,
 * lists, untagged scalars) straight from SnakeYAML's parser events, without the composer's tree
 * of nodes in between: a large spec holds tens of thousands of values. The tree is the one
 * {@link YamlLoader} makes of the same text through the composer (positions, paths, scalar kinds,
 * order). Anything else (an anchor, an alias, a tag, a merge key, a duplicate or non-scalar key,
 * no document or more than one, a syntax error, a limit of YamlLoader's reached) gives null, and
 * YamlLoader then reads the text through the composer, which reports each of them as before.
 */
final class PlainYaml {
    /** Deeper than this, YamlLoader's own depth rules decide. */
    private static final int MAX_DEPTH = YamlLoader.MAX_DEPTH - 1;

    /** Thrown inside to give up: the text is not plain, or not within the limits. */
    private static final class NotPlain extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotPlain() {
            super(null, null, false, false);
        }
    }

    private static final NotPlain NOT_PLAIN = new NotPlain();

    private final Parser parser;
    private final Resolver resolver = new Resolver();
    private final String fileName;
    private int nodes;
    private long chars;

    private PlainYaml(String text, String fileName, LoaderOptions options) {
        this.parser = new ParserImpl(new StreamReader(new java.io.StringReader(text)), options);
        this.fileName = fileName;
    }

    /** The tree, or null when the text is not a plain document (see the class). */
    static YNode read(String text, String fileName, LoaderOptions options) {
        try {
            return new PlainYaml(text, fileName, options).document();
        } catch (RuntimeException e) {
            return null; // not plain, a syntax error or a limit (YAMLException): the composer reports it
        }
    }

    private YNode document() {
        expect(Event.ID.StreamStart);
        expect(Event.ID.DocumentStart);
        YNode root = node(parser.getEvent(), "", 0);
        expect(Event.ID.DocumentEnd);
        expect(Event.ID.StreamEnd);
        return root;
    }

    private void expect(Event.ID id) {
        if (!parser.getEvent().is(id)) {
            throw NOT_PLAIN;
        }
    }

    private YNode node(Event event, String path, int depth) {
        if (++nodes > YamlLoader.MAX_NODES || depth > MAX_DEPTH) {
            throw NOT_PLAIN;
        }
        if (event instanceof ScalarEvent scalar) {
            if (scalar.getAnchor() != null || scalar.getTag() != null) {
                throw NOT_PLAIN;
            }
            chars += scalar.getValue().length();
            Kind kind = kind(scalar);
            if (chars > YamlLoader.MAX_EXPANDED_CHARS || kind == null) {
                throw NOT_PLAIN;
            }
            return new YScalar(at(event.getStartMark(), path), scalar.getValue(), kind);
        }
        if (!(event instanceof CollectionStartEvent start) || start.getAnchor() != null || start.getTag() != null) {
            throw NOT_PLAIN; // an alias, or a tagged or anchored collection
        }
        if (event.is(Event.ID.SequenceStart)) {
            List<YNode> items = new ArrayList<>();
            int i = 0;
            for (Event item = parser.getEvent(); !item.is(Event.ID.SequenceEnd); item = parser.getEvent()) {
                items.add(node(item, path + "[" + i++ + "]", depth + 1));
            }
            return new YSeq(at(event.getStartMark(), path), items);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Event key = parser.getEvent(); !key.is(Event.ID.MappingEnd); key = parser.getEvent()) {
            if (!(key instanceof ScalarEvent keyScalar) || keyScalar.getAnchor() != null || keyScalar.getTag() != null
                    || Tag.MERGE.equals(tag(keyScalar))) {
                throw NOT_PLAIN;
            }
            String name = keyScalar.getValue();
            if (entries.containsKey(name) || ++nodes > YamlLoader.MAX_NODES) {
                throw NOT_PLAIN;
            }
            String childPath = YamlLoader.child(path, name);
            entries.put(name, new Entry(name, at(key.getStartMark(), childPath),
                    node(parser.getEvent(), childPath, depth + 1)));
        }
        return new YMap(at(event.getStartMark(), path), entries);
    }

    private Tag tag(ScalarEvent scalar) {
        return resolver.resolve(NodeId.scalar, scalar.getValue(), scalar.getImplicit().canOmitTagInPlainScalar());
    }

    /** The kind YamlLoader gives a scalar of the tag the composer resolves; null for any other tag. */
    private Kind kind(ScalarEvent scalar) {
        return YamlLoader.kindOf(tag(scalar));
    }

    private Location at(Mark mark, String path) {
        return new Location(fileName, path, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
