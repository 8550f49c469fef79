package dev.tlctl.railway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksSecretsAndTheirJsonEscapedForms() {
        Redactor redactor = new Redactor(List.of("pa\"ss-word-1", "tok-123456"));
        assertEquals("bad value (sensitive) and (sensitive) for tok",
                redactor.redact("bad value pa\\\"ss-word-1 and tok-123456 for tok"));
    }

    @Test
    void masksEvenShortSecrets() {
        // Only sensitive values reach the redactor; a short one is still a secret.
        Redactor redactor = new Redactor(List.of("pw1", "long-secret-value"));
        assertEquals("denied: (sensitive) and (sensitive)", redactor.redact("denied: pw1 and long-secret-value"));
    }

    @Test
    void aNonSensitiveVariableTravelsAsPlainTextSoItIsNeverRedacted() throws Exception {
        EnvironmentPatch patch = new EnvironmentPatch()
                .setVariable(null, "DEBUG", dev.tlctl.secret.Secret.of("1"), false, false)
                .setVariable(null, "DB", dev.tlctl.secret.Secret.of("postgres://u:pw@h/db"), true, false);
        assertEquals("1", patch.json().path("sharedVariables").path("DEBUG").path("value").asText());
        assertEquals(true, patch.json().path("sharedVariables").path("DB").path("value").isPojo(),
                "a secret stays a Secret until the body is written");
    }
}
