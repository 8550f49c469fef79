package dev.tlctl.spec;

import dev.tlctl.spec.YNode.Entry;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Variables whose reading depends on nothing but their YAML, kept from one load of a spec to the
 * next: a run loads its spec twice (its structure, then its values for the run's scope), and
 * {@link YamlLoader} gives both loads the same tree. Pure means a short-form value without
 * {@code ${} (no reference to resolve, so the same variable in every mode and scope) that read
 * without a diagnostic; a mapping is pure when every variable in it is. Whatever is not pure is
 * read again by each load, so that its diagnostics are reported each time. Kept for the last base
 * tree loaded only (by identity): a spec read anew starts afresh.
 */
final class PureReads {
    private static PureReads last;

    private final YNode root;
    private final Map<YNode, Map<String, VariableSpec>> maps = new IdentityHashMap<>();
    private final Map<Location, VariableReader.MapRead> firstAt = new HashMap<>();

    private PureReads(YNode root) {
        this.root = root;
    }

    /** The reads kept for the spec whose base tree is {@code root}. */
    static synchronized PureReads of(YNode root) {
        if (last == null || last.root != root) {
            last = new PureReads(root);
        }
        return last;
    }

    /** Whether {@code entry}'s reading depends on nothing but its YAML, before it is read. */
    static boolean pure(Entry entry) {
        return entry.value() instanceof YNode.YScalar scalar && scalar.text().indexOf("${") < 0;
    }

    /** The variables of a mapping of only pure variables, read by a load before; null when none. */
    synchronized Map<String, VariableSpec> map(YNode node) {
        return maps.get(node);
    }

    synchronized void putMap(YNode node, Map<String, VariableSpec> variables) {
        maps.put(node, variables);
    }

    /**
     * The first mapping of variables a load read at {@code location}, whose pure variables another
     * load may take for the same entries; null when none.
     */
    synchronized VariableReader.MapRead firstAt(Location location) {
        return firstAt.get(location);
    }

    synchronized void putFirstAt(Location location, VariableReader.MapRead read) {
        firstAt.putIfAbsent(location, read);
    }
}
