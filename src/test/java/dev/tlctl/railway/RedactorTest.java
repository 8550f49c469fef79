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
    void leavesShortValuesAloneSoThatNumbersStayReadable() {
        // A patch carries DEBUG=1 and GUNICORN_WORKERS=4 as Secrets, like every variable.
        Redactor redactor = new Redactor(List.of("1", "4", "on", "abc", "long-secret-value"));
        assertEquals("tlctl sandbox fault: HTTP 429 after 1 s (sensitive)",
                redactor.redact("tlctl sandbox fault: HTTP 429 after 1 s long-secret-value"));
    }
}
