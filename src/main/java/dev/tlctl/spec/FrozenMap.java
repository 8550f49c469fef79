package dev.tlctl.spec;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map, in insertion order, whose entries no one else can change: a record given one
 * keeps it instead of copying it, so that environments reading the same YAML share one map of its
 * variables (a spec of ten environments would otherwise hold ten copies of every service's map).
 */
final class FrozenMap<K, V> extends AbstractMap<K, V> {
    private final Map<K, V> entries;

    private FrozenMap(Map<K, V> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** {@code map} itself when frozen already, else a frozen copy. */
    static <K, V> Map<K, V> of(Map<K, V> map) {
        return map instanceof FrozenMap<K, V> frozen ? frozen : new FrozenMap<>(new LinkedHashMap<>(map));
    }

    /** Freezes a map that the caller made and hands over: nothing else may hold it. */
    static <K, V> Map<K, V> owning(LinkedHashMap<K, V> map) {
        return new FrozenMap<>(map);
    }

    @Override
    public V get(Object key) {
        return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public Set<K> keySet() {
        return entries.keySet();
    }

    @Override
    public Collection<V> values() {
        return entries.values();
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        entries.forEach(action);
    }
}
