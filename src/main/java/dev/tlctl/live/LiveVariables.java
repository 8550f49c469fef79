package dev.tlctl.live;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Variables by name, sorted and unmodifiable, taken over from a reader that built them sorted
 * and keeps no reference: {@link LiveServiceInstance} and {@link LiveEnvironment} take it as it
 * is, where they copy any other map (a large project reads a hundred thousand variables, and
 * copying them twice costs a second tree of them).
 */
public final class LiveVariables extends AbstractMap<String, LiveVariable> {
    private final Map<String, LiveVariable> byName;

    private LiveVariables(TreeMap<String, LiveVariable> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Takes {@code byName} over: the caller must neither keep nor change it afterwards. */
    public static Map<String, LiveVariable> takeOver(TreeMap<String, LiveVariable> byName) {
        if (byName.comparator() != null) {
            throw new IllegalArgumentException("variables are sorted by their names' natural order");
        }
        return new LiveVariables(byName);
    }

    /** {@code variables} itself when taken over, else a sorted unmodifiable copy. */
    static Map<String, LiveVariable> of(Map<String, LiveVariable> variables) {
        return variables instanceof LiveVariables taken ? taken
                : Collections.unmodifiableMap(new TreeMap<>(variables));
    }

    @Override
    public Set<Entry<String, LiveVariable>> entrySet() {
        return byName.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return byName.keySet();
    }

    @Override
    public LiveVariable get(Object name) {
        return byName.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return byName.containsKey(name);
    }

    @Override
    public int size() {
        return byName.size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super LiveVariable> action) {
        byName.forEach(action);
    }
}
