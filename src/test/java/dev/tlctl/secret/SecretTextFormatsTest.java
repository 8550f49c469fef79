package dev.tlctl.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The scan that lets most values skip {@link SecretText#FORMATS} never skips one the regex would
 * find: for known credentials, text around them, and random text made of their pieces.
 */
class SecretTextFormatsTest {
    private static final List<String> CREDENTIALS = List.of("ghp_" + "a".repeat(36), "github_pat_" + "B".repeat(30),
            "sk-" + "x".repeat(24), "sk_live_" + "1".repeat(20), "rk_test_" + "z".repeat(20), "whsec_" + "q".repeat(20),
            "xoxb-" + "1234567890ab", "xapp-" + "abcdefghijk", "hooks.slack.com/services/ABCDEF123",
            "AKIA" + "ABCDEFGHIJKLMNOP", "ASIA" + "ABCDEFGHIJKLMNOP", "AIDA" + "ABCDEFGHIJKLMNOP",
            "AROA" + "ABCDEFGHIJKLMNOP", "AGPA" + "ABCDEFGHIJKLMNOP", "ANPA" + "ABCDEFGHIJKLMNOP",
            "ANVA" + "ABCDEFGHIJKLMNOP", "AIPA" + "ABCDEFGHIJKLMNOP", "eyJhbGciOiJI.eyJzdWIiOiIx.c2lnbmF0dXJl",
            "-----BEGIN RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY BLOCK-----", "https://h/x?api_key=abcdefgh12",
            "https://h/x?a=1&TOKEN=abcdefgh12", "?Signature=abcdefghij", "&passwd=12345678");

    private static boolean regexFinds(String text) {
        return SecretText.FORMATS.matcher(text).find();
    }

    @Test
    void everyCredentialFormatPassesTheScan() {
        for (String credential : CREDENTIALS) {
            for (String text : List.of(credential, "value " + credential + " end", "x=" + credential)) {
                assertTrue(regexFinds(text), text);
                assertTrue(SecretText.mayHoldFormat(text), text);
                assertEquals(SecretText.formatReason(text) != null, true, text);
            }
        }
    }

    @Test
    void plainValuesSkipTheRegex() {
        for (String text : List.of("value-svc-01-1", "production", "nginx:1", "./run svc-01", "0.0.0.0:8080")) {
            assertFalse(SecretText.mayHoldFormat(text), text);
            assertEquals(null, SecretText.formatReason(text), text);
        }
    }

    @Test
    void theScanNeverSkipsWhatTheRegexFinds() {
        String pieces = "ghskrwhxoaAKSIRGNeyJ-?&_=.:/ 0123456789abcdefABCDEFlivetest";
        Random random = new Random(22);
        int found = 0;
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder();
            if (random.nextInt(3) == 0) {
                text.append(CREDENTIALS.get(random.nextInt(CREDENTIALS.size())));
            }
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.insert(random.nextInt(text.length() + 1), pieces.charAt(random.nextInt(pieces.length())));
            }
            String s = text.toString();
            if (regexFinds(s)) {
                found++;
                assertTrue(SecretText.mayHoldFormat(s), s);
            }
        }
        assertTrue(found > 100, found + " texts held a format");
    }
}
