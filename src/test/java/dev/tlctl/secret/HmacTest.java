package dev.tlctl.secret;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Hmac's shortcut (pads hashed once) gives what the JDK's Mac and PBKDF2 give, byte for byte. */
class HmacTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] jdkMac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] jdkPbkdf2(String password, byte[] salt, int iterations) throws Exception {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
    }

    @Test
    void rfc4231TestCase2() {
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                HexFormat.of().formatHex(new Hmac(utf8("Jefe")).of(utf8("what do ya want for nothing?"))));
    }

    @Test
    void sameAsTheJdksMacForShortLongAndBlockSizedKeysAndData() throws Exception {
        String[] keys = {"k", "0123456789abcdef", "x".repeat(64), "y".repeat(65), RecordKey.DEFAULT_SOURCE, "clé-ünïcode"};
        String[] data = {"", "a", "z".repeat(55), "z".repeat(56), "z".repeat(64), "w".repeat(1000)};
        for (String key : keys) {
            Hmac hmac = new Hmac(utf8(key));
            for (String d : data) {
                assertArrayEquals(jdkMac(utf8(key), utf8(d)), hmac.of(utf8(d)), key + " / " + d.length());
                assertArrayEquals(hmac.of(utf8(d)), hmac.of(utf8(d)), "the same twice (no state kept)");
            }
        }
    }

    @Test
    void sameAsTheJdksMacAtEveryLengthAroundTheBlocksAndTheirPadding() throws Exception {
        // Hmac hashes on words (Sha256): every data length up to three blocks, so that each place the
        // padding and the length can fall (a block's last 8 bytes, a block's end) is covered.
        byte[] key = utf8("scope-key");
        Hmac hmac = new Hmac(key);
        for (int length = 0; length <= 3 * 64 + 1; length++) {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++) {
                data[i] = (byte) (i * 7 + 200);
            }
            assertArrayEquals(jdkMac(key, data), hmac.of(data), "length " + length);
        }
    }

    @Test
    void partsOfEveryLengthAroundTheBlocksAreHashedAsTheirBytesWithZeroBytesAfterEach() throws Exception {
        // ofParts writes ASCII straight into the hash's words: every total length up to three blocks.
        byte[] key = utf8("scope-key");
        Hmac hmac = new Hmac(key);
        for (int length = 0; length <= 3 * 64; length++) {
            String address = "svc/variable/" + "A".repeat(length / 3);
            String value = "v".repeat(length - length / 3) + "~";
            byte[] expected = jdkMac(key, utf8("value\u0000" + address + "\u0000" + value + "\u0000"));
            assertArrayEquals(expected, hmac.ofParts("value", address, value), "length " + length);
            assertArrayEquals(java.util.Arrays.copyOf(expected, 6), hmac.ofParts(6, "value", address, value),
                    "the first 6 bytes, length " + length);
        }
        assertArrayEquals(jdkMac(key, new byte[1]), hmac.ofParts(""), "one empty part: one zero byte");
    }

    @Test
    void partsOutsideAsciiAreTheirUtf8Bytes() throws Exception {
        byte[] key = utf8("scope-key");
        assertArrayEquals(jdkMac(key, utf8("value\u0000svc/variable/\u00c9T\u00c9\u0000m\u00f6t-\ud83d\ude00\u0000")),
                new Hmac(key).ofParts("value", "svc/variable/\u00c9T\u00c9", "m\u00f6t-\ud83d\ude00"));
    }

    @Test
    void eachHmacOfAThreadStartsClean() throws Exception {
        // The words of one use are reused by the next (in the thread's scratch): one left mid-block by a
        // non-ASCII value, or by a long one, must not leak into the next.
        byte[] key = utf8("scope-key");
        Hmac hmac = new Hmac(key);
        String[][] uses = {{"value", "svc/variable/A", "x".repeat(150)},
            {"value", "svc/variable/\u00c9", "\u00e9t\u00e9"}, {"value", "svc/variable/B", "b"},
            {"value", "svc/variable/A" + "y".repeat(70), "\u00e9"}, {"k"}};
        for (int round = 0; round < 2; round++) {
            for (String[] parts : uses) {
                byte[] expected = jdkMac(key, utf8(String.join("\u0000", parts) + "\u0000"));
                assertArrayEquals(expected, hmac.ofParts(parts), String.join("|", parts));
            }
        }
    }

    @Test
    void partsAreEachFollowedByAZeroByte() throws Exception {
        byte[] key = utf8("scope-key");
        assertArrayEquals(jdkMac(key, utf8("value\u0000svc/variable/A\u0000secret\u0000")),
                new Hmac(key).ofParts("value", "svc/variable/A", "secret"));
    }

    @Test
    void pbkdf2IsTheJdksPbkdf2WithHmacSha256() throws Exception {
        byte[] salt = utf8("tlctl-record-v1\u0000prj-1");
        for (String password : new String[] {"fake-team-key", RecordKey.DEFAULT_SOURCE, "mot-de-passe-é"}) {
            for (int iterations : new int[] {1, 2, 3, 1000}) {
                assertArrayEquals(jdkPbkdf2(password, salt, iterations),
                        new Hmac(utf8(password)).pbkdf2(salt, iterations), password + " x " + iterations);
            }
        }
    }

    @Test
    void recordKeysDerivedAsBeforeSoThatRecordsOnRailwayStillMatch() throws Exception {
        // What RecordKey derived with SecretKeyFactory and javax.crypto.Mac before Hmac replaced them.
        byte[] derived = jdkPbkdf2("fake-team-key", utf8("tlctl-record-v1\u0000prj-1"), RecordKey.ITERATIONS);
        RecordKey key = RecordKey.of("fake-team-key", "prj-1");
        assertArrayEquals(derived, key.derived());
        byte[] scope = jdkMac(derived, utf8("scope\u0000env-1\u0000"));
        byte[] full = jdkMac(scope, utf8("value\u0000engine-api/variable/A\u0000v\u0000"));
        assertArrayEquals(java.util.Arrays.copyOf(full, RecordKey.FINGERPRINT_BYTES),
                key.fingerprint("env-1", "engine-api/variable/A", "v"));
        assertArrayEquals(java.util.Arrays.copyOf(jdkMac(scope, utf8("key-check\u0000")), RecordKey.FINGERPRINT_BYTES),
                key.check("env-1"));
        assertArrayEquals(jdkMac(derived, utf8("binding\u0000fake-team-key\u0000prj-1\u0000")), key.binding());
    }

    @Test
    void fingerprintsAsBefore() throws Exception {
        byte[] salt = utf8("sixteen-byte-slt");
        assertArrayEquals(jdkMac(salt, utf8("hunter2")), Fingerprint.of("hunter2", salt).hash());
    }
}
