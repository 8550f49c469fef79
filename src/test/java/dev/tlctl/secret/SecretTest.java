package dev.tlctl.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretTest {
    private static final String VALUE = "postgresql://app:fake-hunter2@db.internal:5432/enginedb";

    @Test
    void neverPrintsItsValue() {
        Secret secret = Secret.of(VALUE);
        assertEquals("(sensitive)", secret.toString());
        assertEquals("(sensitive)", String.valueOf(secret));
        assertFalse(List.of(secret).toString().contains("hunter2"));
        assertFalse(Map.of("k", secret).toString().contains("hunter2"));
        assertFalse(("" + secret).contains("hunter2"));
        assertEquals(VALUE, secret.reveal());
    }

    @Test
    void comparesByValue() {
        assertEquals(Secret.of(VALUE), Secret.of(VALUE));
        assertNotEquals(Secret.of(VALUE), Secret.of(VALUE + "x"));
        assertEquals(Secret.of("a").hashCode(), Secret.of("b").hashCode());
    }

    @Test
    void equalOnlyWhenEveryCharacterAndTheLengthAre() {
        assertEquals(Secret.of(""), Secret.of(""));
        assertEquals(Secret.of("pässwörd-日本"), Secret.of("pässwörd-日本"));
        for (String[] pair : new String[][] {{"", "a"}, {"a", ""}, {"abc", "ab"}, {"ab", "abc"}, {"abc", "abd"},
                {"xbc", "abc"}, {"aaa", "a"}, {"a", "aaa"}, {"\u00e9", "e"}, {"\ud800", "\udc00"}, {"\ud800", "?"}}) {
            assertNotEquals(Secret.of(pair[0]), Secret.of(pair[1]), pair[0] + " / " + pair[1]);
        }
        assertNotEquals(Secret.of("a"), "a");
        assertNotEquals(Secret.of("a"), null);
    }

    @Test
    void fingerprintMatchesOnlyItsValueAndRoundTrips() {
        byte[] salt = Fingerprint.newSalt();
        Fingerprint fp = Secret.of(VALUE).fingerprint(salt);
        assertTrue(fp.matches(VALUE));
        assertFalse(fp.matches(VALUE + " "));
        Fingerprint parsed = Fingerprint.parse(fp.text());
        assertEquals(fp, parsed);
        assertTrue(parsed.matches(Secret.of(VALUE)));
        assertFalse(fp.text().contains("hunter2"));
        assertTrue(fp.text().startsWith("hmac-sha256:"));
    }

    @Test
    void fingerprintsUnderOneSaltAreTheSameAsOneByOne() {
        byte[] salt = Fingerprint.newSalt();
        var under = Fingerprint.under(salt);
        for (String value : new String[] {"", VALUE, "x".repeat(200), "caf\u00e9 \uD83D\uDE00", VALUE}) {
            assertEquals(Fingerprint.of(value, salt), under.apply(value), value.length() + " chars");
            assertEquals(Fingerprint.of(value, salt).text(), under.apply(value).text());
        }
        salt[0]++; // the caller's array changed later changes nothing already keyed
        assertEquals(Fingerprint.of(VALUE, under.apply("").salt()), under.apply(VALUE));
        assertNotEquals(Fingerprint.of(VALUE, salt), under.apply(VALUE));
    }

    @Test
    void sameValueUnderTwoSaltsCannotBeMatched() {
        Fingerprint a = Secret.of(VALUE).fingerprint(Fingerprint.newSalt());
        Fingerprint b = Secret.of(VALUE).fingerprint(Fingerprint.newSalt());
        assertNotEquals(a, b);
    }

    @Test
    void parseRejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("sha256:abc"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("hmac-sha256:onlyone"));
        assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("hmac-sha256:!!:zz"));
    }
}
