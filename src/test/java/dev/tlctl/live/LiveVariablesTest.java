package dev.tlctl.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The variables a reader read behave as the sorted map of them put one by one would. */
class LiveVariablesTest {

    private static LiveVariable variable(String name, String value) {
        return new LiveVariable(name, value == null ? null : Secret.of(value), false);
    }

    private static void assertSameAs(TreeMap<String, LiveVariable> expected, Map<String, LiveVariable> actual) {
        assertEquals(expected, actual);
        assertEquals(actual, expected);
        assertEquals(expected.hashCode(), actual.hashCode());
        assertEquals(expected.size(), actual.size());
        assertEquals(expected.isEmpty(), actual.isEmpty());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.keySet()));
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(actual.values()));
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
        List<String> visited = new ArrayList<>();
        actual.forEach((name, v) -> {
            visited.add(name);
            assertSame(expected.get(name), v);
        });
        assertEquals(new ArrayList<>(expected.keySet()), visited);
        for (String name : expected.keySet()) {
            assertSame(expected.get(name), actual.get(name), name);
            assertTrue(actual.containsKey(name), name);
            assertTrue(actual.keySet().contains(name), name);
            assertTrue(actual.containsValue(expected.get(name)), name);
        }
    }

    @Test
    void readInAnyOrderWithRepeatsIsTheMapOfTheLastOfEachName() {
        Random random = new Random(22);
        for (int round = 0; round < 300; round++) {
            int count = random.nextInt(round < 20 ? 3 : 400);
            List<LiveVariable> read = new ArrayList<>();
            TreeMap<String, LiveVariable> expected = new TreeMap<>();
            boolean sorted = random.nextBoolean();
            for (int i = 0; i < count; i++) {
                String name = sorted ? String.format("VAR_%04d", i) : "V" + random.nextInt(Math.max(1, count));
                LiveVariable v = variable(name, random.nextInt(10) == 0 ? null : "value-" + i);
                read.add(v);
                expected.put(name, v);
            }
            Map<String, LiveVariable> actual = LiveVariables.read(read);
            assertSameAs(expected, actual);
            for (String absent : List.of("", "V-1", "VAR_9999", "Ω", "v0")) {
                if (!expected.containsKey(absent)) {
                    assertNull(actual.get(absent));
                    assertFalse(actual.containsKey(absent));
                }
            }
            assertSame(actual, LiveVariables.of(actual), "taken as it is");
        }
    }

    @Test
    void namesOfOneHashAndOddKeysAreFoundOrNot() {
        // "Aa" and "BB" share a hash code, as do their concatenations: every probe chain is long.
        List<LiveVariable> read = new ArrayList<>();
        TreeMap<String, LiveVariable> expected = new TreeMap<>();
        String[] parts = {"Aa", "BB"};
        for (int i = 0; i < 64; i++) {
            StringBuilder name = new StringBuilder();
            for (int bit = 0; bit < 6; bit++) {
                name.append(parts[(i >> bit) & 1]);
            }
            LiveVariable v = variable(name.toString(), "x" + i);
            read.add(v);
            expected.put(v.name(), v);
        }
        Map<String, LiveVariable> actual = LiveVariables.read(read);
        assertSameAs(expected, actual);
        assertNull(actual.get(42));
        assertNull(actual.get(null));
        assertFalse(actual.containsKey(null));
        assertFalse(actual.keySet().contains(7));
    }

    @Test
    void anyOtherMapIsCopiedSortedAsItIs() {
        Map<String, LiveVariable> given = new HashMap<>();
        given.put("B", variable("B", "2"));
        given.put("A", variable("A", "1"));
        given.put("alias", variable("C", "3")); // a key that is not the variable's own name stays the key
        Map<String, LiveVariable> copy = LiveVariables.of(given);
        assertSameAs(new TreeMap<>(given), copy);
        given.clear();
        assertEquals(3, copy.size(), "a copy");
        assertSameAs(new TreeMap<>(), LiveVariables.of(Map.of()));
        assertSameAs(new TreeMap<>(), LiveVariables.read(List.of()));
    }

    @Test
    void isUnmodifiable() {
        Map<String, LiveVariable> vars = LiveVariables.read(List.of(variable("A", "1"), variable("B", "2")));
        assertThrows(UnsupportedOperationException.class, () -> vars.put("C", variable("C", "3")));
        assertThrows(UnsupportedOperationException.class, () -> vars.remove("A"));
        assertThrows(UnsupportedOperationException.class, vars::clear);
        assertThrows(UnsupportedOperationException.class, () -> vars.keySet().remove("A"));
        assertThrows(UnsupportedOperationException.class, () -> vars.values().clear());
        assertThrows(UnsupportedOperationException.class, () -> vars.entrySet().iterator().next().setValue(null));
        var it = vars.values().iterator();
        it.next();
        assertThrows(UnsupportedOperationException.class, it::remove);
        assertEquals(2, vars.size());
    }
}
