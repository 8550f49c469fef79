package dev.tlctl.live;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Variables by name, sorted by name and unmodifiable: {@link LiveServiceInstance} and
 * {@link LiveEnvironment} take one as it is, where they copy any other map. A large project reads
 * a hundred thousand variables, and a plan looks each of them up by name: they are kept in two
 * arrays in name order (iterated as a sorted map is), with a small hash table of positions for
 * lookups, instead of a tree of entries (a node each, and a string comparison per level of a
 * lookup).
 */
public final class LiveVariables extends AbstractMap<String, LiveVariable> {
    private static final LiveVariable[] NONE = new LiveVariable[0];

    /** Sorted, distinct. */
    private final String[] names;
    /** The variable of each name (as the map held it: null only if a map given to {@link #of} held null). */
    private final LiveVariable[] variables;
    /** Open addressing: a position in {@link #names} plus one, or 0 for an empty slot; a power of two long. */
    private final int[] slots;

    private LiveVariables(String[] names, LiveVariable[] variables) {
        this.names = names;
        this.variables = variables;
        this.slots = new int[Math.max(2, Integer.highestOneBit(Math.max(1, names.length) * 2 - 1) * 2)];
        int mask = slots.length - 1;
        for (int i = 0; i < names.length; i++) {
            int slot = spread(names[i].hashCode()) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
    }

    /**
     * The variables a reader read, in the order read, by their names: where a name is read twice,
     * the later variable wins (as putting them one by one in a map would leave it).
     */
    public static Map<String, LiveVariable> read(List<LiveVariable> inOrder) {
        LiveVariable[] all = inOrder.toArray(NONE);
        if (!strictlySorted(all)) {
            Arrays.sort(all, Comparator.comparing(LiveVariable::name)); // stable: of one name, the last stays last
            int kept = 0;
            for (int i = 0; i < all.length; i++) {
                if (i + 1 < all.length && all[i].name().equals(all[i + 1].name())) {
                    continue; // a later one of the same name follows
                }
                all[kept++] = all[i];
            }
            all = kept == all.length ? all : Arrays.copyOf(all, kept);
        }
        String[] names = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = all[i].name();
        }
        return new LiveVariables(names, all);
    }

    /** {@code variables} itself when made here, else a sorted unmodifiable copy. */
    static Map<String, LiveVariable> of(Map<String, LiveVariable> variables) {
        if (variables instanceof LiveVariables made) {
            return made;
        }
        TreeMap<String, LiveVariable> sorted = new TreeMap<>(variables);
        String[] names = sorted.keySet().toArray(new String[0]);
        return new LiveVariables(names, sorted.values().toArray(NONE));
    }

    private static boolean strictlySorted(LiveVariable[] all) {
        for (int i = 1; i < all.length; i++) {
            if (all[i - 1].name().compareTo(all[i].name()) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    private int indexOf(Object name) {
        if (!(name instanceof String text)) {
            return -1;
        }
        int mask = slots.length - 1;
        for (int slot = spread(text.hashCode()) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
            int at = slots[slot] - 1;
            if (names[at].equals(text)) {
                return at;
            }
        }
        return -1;
    }

    @Override
    public LiveVariable get(Object name) {
        int at = indexOf(name);
        return at < 0 ? null : variables[at];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public int size() {
        return names.length;
    }

    @Override
    public boolean isEmpty() {
        return names.length == 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super LiveVariable> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], variables[i]);
        }
    }

    @Override
    public Set<Entry<String, LiveVariable>> entrySet() {
        return new Keys<>(i -> new SimpleImmutableEntry<>(names[i], variables[i]), null);
    }

    @Override
    public Set<String> keySet() {
        return new Keys<>(i -> names[i], this::containsKey);
    }

    @Override
    public Collection<LiveVariable> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<LiveVariable> iterator() {
                return new InOrder<>(i -> variables[i]);
            }

            @Override
            public int size() {
                return names.length;
            }
        };
    }

    /** A read-only set view in name order; {@code contains} null: a walk. */
    private final class Keys<T> extends AbstractSet<T> {
        private final IntFunction<T> at;
        private final Predicate<Object> contains;

        Keys(IntFunction<T> at, Predicate<Object> contains) {
            this.at = at;
            this.contains = contains;
        }

        @Override
        public Iterator<T> iterator() {
            return new InOrder<>(at);
        }

        @Override
        public int size() {
            return names.length;
        }

        @Override
        public boolean contains(Object o) {
            return contains != null ? contains.test(o) : super.contains(o);
        }
    }

    /** The positions in order, each as {@code at} makes it; read-only. */
    private final class InOrder<T> implements Iterator<T> {
        private final IntFunction<T> at;
        private int next;

        InOrder(IntFunction<T> at) {
            this.at = at;
        }

        @Override
        public boolean hasNext() {
            return next < names.length;
        }

        @Override
        public T next() {
            if (next >= names.length) {
                throw new NoSuchElementException();
            }
            return at.apply(next++);
        }
    }
}
