package dev.tlctl.reconcile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** The record's lines as written by hand: fields counted as before, unknown lines ignored, addresses shared. */
class SharedRecordLinesTest {
    private static final String FINGERPRINT = Base64.getUrlEncoder().withoutPadding()
            .encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    /** The text form of a payload: the header and the lines given, deflated and in URL-safe base64. */
    private static List<String> record(String... lines) {
        String payload = "tlctl-record\t1\nenvironment\tenv-1\t1\ncheck\t" + FINGERPRINT + "\n" + String.join("\n", lines)
                + "\n";
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(payload.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return List.of("tlctl-record:1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray()));
    }

    @Test
    void valueLinesReadTheirFourFieldsAndIgnoreMore() {
        SharedRecord record = SharedRecord.decode(record("value\tsvc/variable/A\t" + FINGERPRINT + "\t1\tlater",
                "", "value\tsvc/variable/B\t" + FINGERPRINT + "\t10", "value\tvariable/C\t\t0", "someday\tx",
                "service\tsvc\tsvc-id", "parameter\tsvc/source.image"));
        assertEquals("env-1", record.environmentId());
        assertTrue(record.environmentCreated());
        assertTrue(record.values().get("svc/variable/A").created());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, record.values().get("svc/variable/A").fingerprint());
        assertFalse(record.values().get("svc/variable/B").created(), "only '1' means created");
        assertEquals(0, record.values().get("variable/C").fingerprint().length);
        assertEquals(3, record.values().size());
        assertEquals(Map.of("svc", "svc-id"), record.services());
        assertEquals(java.util.Set.of("svc/source.image"), record.parameters());
    }

    @Test
    void aShortOrDamagedValueLineSaysWhichLine() {
        assertEquals("line 4 has 3 fields, not 4", assertThrows(IllegalArgumentException.class,
                () -> SharedRecord.decode(record("value\tsvc/variable/A\t" + FINGERPRINT))).getMessage());
        assertEquals("line 5 has 1 fields, not 4", assertThrows(IllegalArgumentException.class,
                () -> SharedRecord.decode(record("value\tvariable/A\t\t1", "value"))).getMessage());
        assertEquals("line 4 holds no base64", assertThrows(IllegalArgumentException.class,
                () -> SharedRecord.decode(record("value\tsvc/variable/A\t%%%\t1"))).getMessage());
        assertEquals("line 4 has 2 fields, not 3", assertThrows(IllegalArgumentException.class,
                () -> SharedRecord.decode(record("service\tsvc"))).getMessage());
    }

    @Test
    void recordsReadTogetherShareTheirAddressTexts() {
        Map<String, String> addresses = new HashMap<>();
        String line = "value\tsvc/variable/A\t" + FINGERPRINT + "\t0";
        SharedRecord first = SharedRecord.decode(record(line), addresses);
        SharedRecord second = SharedRecord.decode(record(line), addresses);
        String a = first.values().keySet().iterator().next();
        String b = second.values().keySet().iterator().next();
        assertEquals("svc/variable/A", a);
        assertSame(a, b);
    }
}
