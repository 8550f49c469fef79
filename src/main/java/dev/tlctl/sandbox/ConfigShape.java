package dev.tlctl.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A config's content as it was at one moment, recorded so that a later walk can tell, exactly,
 * whether the config still holds the same content in the same order: the sequence of its object
 * keys and leaf values by reference, with a marker where each object or array starts and ends.
 * Keys are Strings and the leaves recorded are Jackson's immutable value nodes, so the same
 * references in the same sequence mean the same JSON, byte for byte; anything written since
 * (a value set, even to an equal one, a key added, removed or moved, a node replaced) gives
 * another sequence. A config holding a mutable leaf (a POJO or binary node) has no shape.
 */
final class ConfigShape {
    private static final Object OBJECT = new Object();
    private static final Object ARRAY = new Object();
    private static final Object END = new Object();
    /** Value nodes whose content cannot change once made (exact classes: a subclass might). */
    private static final Set<Class<?>> IMMUTABLE = Set.of(TextNode.class, IntNode.class, LongNode.class,
            ShortNode.class, DoubleNode.class, FloatNode.class, BigIntegerNode.class, DecimalNode.class,
            BooleanNode.class, NullNode.class);

    private final Object[] sequence;

    private ConfigShape(Object[] sequence) {
        this.sequence = sequence;
    }

    /** The config's shape now, or null when it holds a leaf that could change in place. */
    static ConfigShape of(ObjectNode config) {
        List<Object> sequence = new ArrayList<>();
        return record(config, sequence) ? new ConfigShape(sequence.toArray()) : null;
    }

    private static boolean record(JsonNode node, List<Object> sequence) {
        if (node instanceof ObjectNode object) {
            sequence.add(OBJECT);
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                sequence.add(entry.getKey());
                if (!record(entry.getValue(), sequence)) {
                    return false;
                }
            }
            sequence.add(END);
            return true;
        }
        if (node instanceof ArrayNode array) {
            sequence.add(ARRAY);
            for (JsonNode element : array) {
                if (!record(element, sequence)) {
                    return false;
                }
            }
            sequence.add(END);
            return true;
        }
        if (node == null || !IMMUTABLE.contains(node.getClass())) {
            return false;
        }
        sequence.add(node);
        return true;
    }

    /** Whether the config holds exactly what it held when this shape was recorded. */
    boolean matches(ObjectNode config) {
        return new Walk().same(config);
    }

    /** One comparison's position in the recorded sequence. */
    private final class Walk {
        private int at;

        boolean same(ObjectNode config) {
            return matches(config) && at == sequence.length;
        }

        private boolean next(Object expected) {
            return at < sequence.length && sequence[at++] == expected;
        }

        private boolean matches(JsonNode node) {
            if (at < sequence.length && sequence[at] == node) {
                at++; // the same leaf (a container is never in the sequence itself)
                return true;
            }
            if (node instanceof ObjectNode object) {
                if (!next(OBJECT)) {
                    return false;
                }
                for (Map.Entry<String, JsonNode> entry : object.properties()) {
                    if (!next(entry.getKey()) || !matches(entry.getValue())) {
                        return false;
                    }
                }
                return next(END);
            }
            if (node instanceof ArrayNode array) {
                if (!next(ARRAY)) {
                    return false;
                }
                for (JsonNode element : array) {
                    if (!matches(element)) {
                        return false;
                    }
                }
                return next(END);
            }
            return false;
        }
    }
}
