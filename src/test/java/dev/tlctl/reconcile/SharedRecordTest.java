package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlctl.secret.RecordKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The record's text form: round trip, what it holds and does not, damage, and its size at scale. */
class SharedRecordTest {
    private static final RecordKey KEY = RecordKey.of("fake-record-key-for-tests", "prj-test");

    private static SharedRecord record(int services, int variablesPerService) {
        Map<String, SharedRecord.Value> values = new LinkedHashMap<>();
        Map<String, String> instances = new LinkedHashMap<>();
        for (int s = 1; s <= services; s++) {
            String service = String.format("svc-%02d", s);
            instances.put(service, "service-id-" + s);
            for (int v = 1; v <= variablesPerService; v++) {
                String address = service + "/variable/VAR_" + String.format("%03d", v);
                values.put(address, new SharedRecord.Value(KEY.fingerprint("env-1", address, "value-" + s + "-" + v), true));
            }
            values.put(service + "/setting/deploy.numReplicas",
                    new SharedRecord.Value(KEY.fingerprint("env-1", service + "/setting/deploy.numReplicas", "2"), false));
        }
        return new SharedRecord("env-1", true, KEY.check("env-1"), Map.of("svc-01", "service-id-1"), instances, values);
    }

    @Test
    void roundTripsAndHoldsNoValue() {
        SharedRecord record = record(3, 5);
        List<String> chunks = record.encode();
        assertEquals(1, chunks.size());
        assertTrue(chunks.get(0).startsWith("tlctl-record:1:"), chunks.get(0));
        assertFalse(chunks.get(0).contains("value-1-1"), "no value, not even compressed as text");
        assertEquals(record, SharedRecord.decode(chunks));
    }

    @Test
    void aDamagedRecordSaysWhatIsWrong() {
        List<String> chunks = record(3, 5).encode();
        String text = chunks.get(0);
        assertEquals("it does not start with tlctl-record:1:",
                assertThrows(IllegalArgumentException.class, () -> SharedRecord.decode(List.of("hello"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SharedRecord.decode(List.of(text.substring(0,
                text.length() / 2)))).getMessage().startsWith("it is not a complete record"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SharedRecord.decode(List.of("tlctl-record:1:@@@")))
                .getMessage().startsWith("it is not a complete record"));
    }

    /** The size at scale, printed: 25,000 variables in one environment must still work. */
    @Test
    void twentyFiveThousandVariablesFitInAFewVariables() {
        List<String> lines = new ArrayList<>();
        for (int[] shape : new int[][] {{10, 50}, {25, 100}, {50, 200}, {125, 200}}) {
            SharedRecord record = record(shape[0], shape[1]);
            long start = System.nanoTime();
            List<String> chunks = record.encode();
            long encoded = System.nanoTime();
            SharedRecord back = SharedRecord.decode(chunks);
            long decoded = System.nanoTime();
            assertEquals(record, back);
            int chars = chunks.stream().mapToInt(String::length).sum();
            assertTrue(chunks.stream().allMatch(c -> c.length() <= SharedRecord.CHUNK));
            assertTrue(chars < record.values().size() * 16, "at most 16 characters a value: " + chars);
            lines.add(String.format("record of %,d values: %,d characters in %d variable(s), %.1f per value;"
                    + " encode %d ms, decode %d ms", record.values().size(), chars, chunks.size(),
                    (double) chars / record.values().size(), (encoded - start) / 1_000_000, (decoded - encoded) / 1_000_000));
        }
        lines.forEach(System.out::println);
    }

    @Test
    void aFingerprintIsAppendedInTheUrlSafeBase64OfTheJdk() {
        java.util.Random random = new java.util.Random(7);
        for (int length = 0; length <= 40; length++) {
            for (int round = 0; round < 50; round++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                assertEquals(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                        SharedRecord.appendB64(new StringBuilder(), bytes).toString());
            }
        }
    }
}
